// A decision from the console (admin, verifier): one member, a household's members, or the
// rows ticked in the queue; POSTed with the session's CSRF token. decide() records it, queues
// the change for the registering device and the kiosk table follows; then back to the page the
// form came from (the queue with its filter, or the person's page).
#include "hub/web/office_query.hpp"
#include "hub/web/pages.hpp"

namespace pekon::hub::web {

namespace {

// Only the console's own pages: the queue (its filter holds no personal data) or a person's.
std::string backOf(const std::string& sent) {
    const bool ours = sent.rfind("/office/queue", 0) == 0 || sent.rfind("/office/members/", 0) == 0;
    if (!ours || sent.find("//") != std::string::npos || sent.size() > 1000) return "/office/queue";
    return sent;
}

std::string withDone(const std::string& back, std::string_view code) {
    const std::string sep = back.find('?') == std::string::npos ? "?" : "&";
    return back + sep + "done=" + std::string(code);
}

}  // namespace

WebResponse decideAction(PageContext& ctx) {
    const std::string back = backOf(ctx.form.value("back"));
    DecisionRequest request;
    request.member_ids = ctx.form.all("member");
    if (request.member_ids.empty()) return redirect(withDone(back, "decide_none"));
    const auto decision = parseDecision(ctx.form.value("decision"));
    if (!decision) return errorPage(ctx, 400, "decide.error.choice");
    request.decision = *decision;
    if (*decision == Decision::needs_correction)
        request.reason = ctx.form.value("correction_reason");
    else if (*decision == Decision::rejected)
        request.reason = ctx.form.value("rejection_reason");
    if (*decision != Decision::verified && request.reason.empty())
        return errorPage(ctx, 400, "decide.error.reason");
    request.note = ctx.form.value("note");
    request.staff_id = ctx.who().id;
    request.username = ctx.who().username;
    auto done = decide(ctx.db(), request, ctx.now);
    if (!done) {
        const std::string& code = done.error().code;
        if (code == "bad_reason") return errorPage(ctx, 400, "decide.error.reason");
        if (code == "too_many") return errorPage(ctx, 400, "decide.error.too_many");
        if (code == "note_too_long") return errorPage(ctx, 400, "decide.error.note");
        return errorPage(ctx, 503, "error.storage");
    }
    if (done->nik_pending > 0)  // babies without a NIK yet were left in the queue
        return redirect(withDone(back, done->decided ? "decided_nik_pending" : "decide_nik_pending"));
    if (done->decided == 0) return errorPage(ctx, 404, "error.not_found");
    return redirect(withDone(back, "decided"));
}

}  // namespace pekon::hub::web
