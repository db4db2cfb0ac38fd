// `pekon complaint send --category C --rating 1-5 [--complaint] [--text T] [--phone P]` and
// `pekon complaint status TICKET`: the kiosk's feedback form and "check a complaint" on the
// command line (store/feedback, store/complaints), the same code paths as the touch screens.
// `send` prints the ticket number when the feedback is a complaint; `status` reads this kiosk's
// own table, offline. Both answer in JSON.
#include <ostream>

#include "app/commands.hpp"
#include "codec/json.hpp"
#include "core/complaint.hpp"
#include "core/number.hpp"
#include "core/text.hpp"
#include "store/complaints.hpp"
#include "store/feedback.hpp"

namespace pekon::cli {

namespace {

int send(CliEnv& env, const Args& args) {
    const auto category = parseFeedbackCategory(args.option("category").value_or(""));
    const auto rating = parseNumberIn(args.option("rating").value_or(""), 1, 5);
    if (!category || !rating || args.positional.size() != 1)
        return env.usage(
            "complaint send --category registration|card|faskes_service|payment|other "
            "--rating 1-5 [--complaint] [--text TEXT] [--phone PHONE]");
    Feedback f;
    f.category = *category;
    f.rating = *rating;
    f.complaint = args.flag("complaint");
    f.text = args.option("text").value_or("");
    f.phone = args.option("phone").value_or("");
    auto store = env.existingStore();
    if (!store) return env.fail(store.error());
    WriteContext ctx = env.writeContext();
    ctx.actor = "kiosk";
    auto sent = submitFeedback(**store, f, ctx);
    wipeText(f.phone);
    if (!sent) return env.fail(sent.error());
    const bool complaint = isComplaint(f.rating, f.complaint);
    env.out() << dumpJson(OrderedJson{
                     {"sent", true},
                     {"ticket", complaint ? OrderedJson(ticketNumber(sent->id))
                                          : OrderedJson(nullptr)}})
              << "\n";
    return kExitOk;
}

int status(CliEnv& env, const Args& args) {
    if (args.positional.size() != 2) return env.usage("complaint status TICKET");
    auto number = parseTicketNumber(args.positional[1]);
    if (!number) return env.fail(number.error());
    auto store = env.existingStore();
    if (!store) return env.fail(store.error());
    auto found = findComplaintStatus(**store, *number);
    if (!found) return env.fail(found.error());
    if (!found->has_value()) {
        env.out() << dumpJson(OrderedJson{{"ticket", *number}, {"found", false}}) << "\n";
        return kExitOk;
    }
    const ComplaintStatus& c = **found;
    env.out() << dumpJson(OrderedJson{{"ticket", c.ticket},
                                      {"found", true},
                                      {"state", ticketStateCode(c.state)},
                                      {"answer", c.answer},
                                      {"date", formatIsoDate(c.updated_on)}})
              << "\n";
    return kExitOk;
}

}  // namespace

int runComplaint(CliEnv& env, const Args& args) {
    if (!args.problem.empty()) return env.usage(args.problem);
    const std::string what = args.positional.empty() ? "" : args.positional.front();
    if (what == "send") return send(env, args);
    if (what == "status") return status(env, args);
    return env.usage("complaint send|status");
}

}  // namespace pekon::cli
