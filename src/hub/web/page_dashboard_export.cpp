// The dashboard's figures as a file (every role): the same filter as the page, every figure as
// a row (section, area code, area name, measure, value), CSV or XLSX, written to a 0600
// temporary file, sent and gone. No personal data is in it; the export is audited all the same
// (`dashboard_export`, with its filter).
#include <unistd.h>

#include <array>

#include "codec/json.hpp"
#include "hub/export_csv.hpp"
#include "hub/export_xlsx.hpp"
#include "hub/office_export.hpp"
#include "hub/web/dashboard_query.hpp"
#include "hub/web/office_query.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

Status writeFigures(ExportWriter& out, const std::vector<FigureRow>& rows) {
    constexpr std::array<std::string_view, 5> kHeader{"section", "area_code", "area_name",
                                                      "measure", "value"};
    if (auto s = out.header(kHeader); !s) return s;
    for (const FigureRow& r : rows) {
        std::array<ExportCell, 5> cells{std::string_view(r.section), std::string_view(r.area_code),
                                        std::string_view(r.area_name), std::string_view(r.measure),
                                        ExportCell{}};
        if (!r.value.empty()) {
            // Whole numbers as numbers; shares and averages as their text.
            const bool whole = r.value.find_first_not_of("0123456789") == std::string::npos &&
                               r.value.size() < 18;
            cells[4] = whole ? ExportCell{static_cast<std::int64_t>(std::stoll(r.value))}
                             : ExportCell{std::string_view(r.value)};
        }
        if (auto s = out.row(cells); !s) return s;
    }
    auto done = out.finish();
    if (!done) return done.error();
    return {};
}

}  // namespace

WebResponse dashboardExport(PageContext& ctx) {
    const auto format = parseExportFormat(ctx.query.value("format"));
    const auto filter = dashboardFilterOf(ctx.query, ctx.regions);
    if (!format || !filter) return errorPage(ctx, 400, "error.bad_request");
    auto data = loadDashboard(ctx, *filter);
    if (!data) return errorPage(ctx, 503, "error.storage");
    const std::string path = temporaryFile("pekon-dashboard");
    if (path.empty()) return errorPage(ctx, 503, "export.error.write");
    auto writer = *format == ExportFormat::xlsx ? openXlsxExport(path) : openCsvExport(path);
    Status written = writer ? writeFigures(**writer, dashboardFigures(ctx, *data))
                            : Status(writer.error());
    if (!written) {
        ::unlink(path.c_str());
        return errorPage(ctx, 503, "export.error.write");
    }
    if (auto s = auditBy(ctx, "dashboard_export", filter->kecamatan,
                         Json{{"format", std::string(exportFormatCode(*format))},
                              {"from", filter->from_day},
                              {"to", filter->to_day}}
                             .dump());
        !s) {
        ::unlink(path.c_str());
        return errorPage(ctx, 503, "error.storage");
    }
    return downloadFile(ctx, path, std::string(exportContentType(*format)),
                        "pekon-dashboard." + std::string(exportFormatCode(*format)));
}

}  // namespace pekon::hub::web
