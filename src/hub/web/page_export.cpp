// The BPJS exports (admin, verifier): the queue's filter (verified by default) written by
// exportMembers to a 0600 file in the temporary directory, sent as a download and gone once
// sent (unlinked while open: hub_server streams the descriptor, and closing it frees the
// file). The file name holds the format and the day, never personal data. exportMembers
// audits `export`.
#include <unistd.h>

#include <ctime>

#include "hub/office_export.hpp"
#include "hub/web/office_query.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

std::string dayOf(UnixSeconds at) {
    const std::time_t t = static_cast<std::time_t>(at);
    std::tm local{};
    char text[16] = "export";
    if (::localtime_r(&t, &local)) std::strftime(text, sizeof text, "%Y%m%d", &local);
    return text;
}

}  // namespace

WebResponse exportAction(PageContext& ctx) {
    const auto format = parseExportFormat(ctx.form.value("format"));
    if (!format) return errorPage(ctx, 400, "error.bad_request");
    if (!ctx.regions) return errorPage(ctx, 503, "export.error.regions");
    QueueFilter filter = filterOfQuery(ctx.form);
    if (filter.states.empty()) filter.states.push_back(OfficeState::verified);

    const std::string path = temporaryFile("pekon-export");
    if (path.empty()) return errorPage(ctx, 503, "export.error.write");
    auto written = exportMembers(ctx.db(), *ctx.regions, filter, *format, path, ctx.who().id,
                                 ctx.who().username, ctx.now);
    if (!written) {
        ::unlink(path.c_str());
        if (written.error().code == "bad_filter") return errorPage(ctx, 400, "error.bad_request");
        return errorPage(ctx, 503, "export.error.write");
    }
    return downloadFile(
        ctx, path, std::string(exportContentType(*format)),
        "pekon-bpjs-" + dayOf(ctx.now) + "." + std::string(exportFormatCode(*format)));
}

}  // namespace pekon::hub::web
