// Statuses from BPJS's own data (admin, verifier): the CSV `pekon-hub status import` reads,
// uploaded as a file, parsed by core's parser and imported through HubStore::importStatuses;
// the report shows the rows accepted and each refused line with its number and reason.
// Audited `status_upload` (the counts; never a row's content).
#include "codec/json.hpp"
#include "core/status_import.hpp"
#include "hub/web/office_query.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

void uploadForm(Html& h, PageContext& ctx) {
    postForm(h, ctx, "/office/status-upload", true);
    h.el("p", {{"class", "hint"}}, ctx.t("upload.format"));
    h.open("label", {{"for", "status-file"}}).text(ctx.t("upload.file")).close("label");
    h.empty("input", {{"type", "file"},
                      {"name", "file"},
                      {"id", "status-file"},
                      {"accept", ".csv,text/csv"},
                      {"required", std::string_view()}});
    h.open("div", {{"class", "buttons"}});
    h.el("button", {{"type", "submit"}, {"class", "primary"}}, ctx.t("upload.submit"));
    h.close("div").close("form");
}

// The reason of a refused line in the user's language (core's Error carries both).
std::string reasonOf(const PageContext& ctx, const Error& e) {
    return ctx.lang == Lang::en ? e.message_en : e.message_id;
}

}  // namespace

WebResponse statusUploadPage(PageContext& ctx) {
    Html h;
    uploadForm(h, ctx);
    return page(ctx, ctx.t("upload.title"), h.str());
}

WebResponse statusUploadAction(PageContext& ctx) {
    if (!ctx.file || ctx.file->data.empty()) return errorPage(ctx, 400, "upload.error.empty");
    auto parsed = parseStatusCsv(ctx.file->data);
    Html h;
    if (!parsed) {
        h.el("p", {{"class", "error"}, {"role", "alert"}},
             ctx.t("upload.error.file", {{"reason", reasonOf(ctx, parsed.error())}}));
        uploadForm(h, ctx);
        return page(ctx, ctx.t("upload.report_title"), h.str(), 400);
    }
    auto summary = ctx.store.importStatuses(parsed->rows, ctx.now);
    if (!summary) return errorPage(ctx, 503, "error.storage");
    const std::string counts = dumpJson(OrderedJson{{"imported", summary->imported},
                                                    {"refused", parsed->problems.size()},
                                                    {"changes", summary->changes},
                                                    {"unmatched", summary->unmatched}});
    if (auto s = auditBy(ctx, "status_upload", "statuses", counts); !s)
        return errorPage(ctx, 503, "error.storage");

    h.open("dl", {{"class", "facts report"}});
    auto count = [&](const char* key, std::int64_t n) {
        h.el("dt", ctx.t(key));
        h.el("dd", {{"data-count", key}}, std::to_string(n));
    };
    count("upload.imported", summary->imported);
    count("upload.refused", static_cast<std::int64_t>(parsed->problems.size()));
    count("upload.changes", summary->changes);
    count("upload.unmatched", summary->unmatched);
    count("upload.kiosk_queued", summary->kiosk_queued);
    h.close("dl");
    if (!parsed->problems.empty()) {
        h.el("h2", ctx.t("upload.refused_lines"));
        h.open("div", {{"class", "table-wrap"}}).open("table", {{"class", "list problems"}});
        h.open("thead").open("tr");
        h.el("th", {{"scope", "col"}}, ctx.t("upload.line"));
        h.el("th", {{"scope", "col"}}, ctx.t("upload.reason"));
        h.close("tr").close("thead").open("tbody");
        for (const auto& [number, problem] : parsed->problems) {
            h.open("tr");
            h.el("td", {{"data-label", ctx.t("upload.line")}, {"class", "num"}},
                 std::to_string(number));
            h.el("td", {{"data-label", ctx.t("upload.reason")}}, reasonOf(ctx, problem));
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
    }
    h.el("h2", ctx.t("upload.again"));
    uploadForm(h, ctx);
    return page(ctx, ctx.t("upload.report_title"), h.str());
}

}  // namespace pekon::hub::web
