#include "ui/wizard_model.hpp"

#include "core/scan_fill.hpp"
#include "store/drafts.hpp"
#include "store/households.hpp"

namespace pekon::ui {

namespace {

constexpr const char* kConsentTextVersion = "pdp-2026-1";

}  // namespace

void WizardModel::open(const WizardEnv& env) {
    if (!draft_.id.empty()) return;
    draft_.household.consent.text_version = kConsentTextVersion;
    save(env);
}

void WizardModel::save(const WizardEnv& env) {
    if (env.user_id.empty()) return;
    if (auto s = saveDraft(env.store, env.user_id, draft_, env.now); !s)
        save_error_ = s.error();
    else
        save_error_.reset();
}

std::optional<Error> WizardModel::problem(const std::string& field) const {
    if (!tried_next_) return std::nullopt;
    for (const FieldError& e : errors_) {
        if (e.field == field) return e.error;
    }
    return std::nullopt;
}

void WizardModel::step(int by) {
    draft_.step = static_cast<WizardStep>(static_cast<int>(draft_.step) + by);
    tried_next_ = false;
}

WizardModel::Move WizardModel::back(const WizardEnv& env) {
    save(env);
    if (draft_.step == WizardStep::location) return Move::closed;
    step(-1);
    errors_.clear();
    warnings_.clear();
    return Move::moved;
}

WizardModel::Move WizardModel::next(const WizardEnv& env) {
    tried_next_ = true;
    warnings_.clear();
    errors_ = validateStep(draft_, draft_.step, env.regions, env.today, warnings_);
    if (!errors_.empty()) return Move::stayed;
    if (draft_.step == WizardStep::review) {
        finish(env);
        return registered_.empty() ? Move::stayed : Move::finished;
    }
    step(+1);
    save(env);
    return Move::moved;
}

void WizardModel::finish(const WizardEnv& env) {
    const std::string actor = env.user_id.empty() ? "unknown" : env.user_id;
    const RegisterOutcome r = registerHouseholds(env.store, {draft_.household}, env.regions,
                                                           {actor, env.now, env.today}, draft_.id);
    if (!r.ok()) {
        errors_ = r.errors;
        return;
    }
    registered_ = r.households[0].household_id;
}

void WizardModel::editMember(size_t index) {
    if (index >= draft_.household.members.size()) return;
    editing_ = index;
    before_edit_ = draft_.household.members[index];
}

MemberInput& WizardModel::addMember() {
    auto& members = draft_.household.members;
    MemberInput m;
    m.relation = members.empty() ? "head" : "child";
    // Members usually share the head's segment and class.
    if (!members.empty()) {
        m.segment = members.front().segment;
        m.care_class = members.front().care_class;
    }
    members.push_back(m);
    editing_ = members.size() - 1;
    before_edit_ = {};
    return members.back();
}

void WizardModel::removeMember(const WizardEnv& env, size_t index) {
    auto& members = draft_.household.members;
    if (index >= members.size()) return;
    members.erase(members.begin() + static_cast<std::ptrdiff_t>(index));
    save(env);
}

void WizardModel::doneMember(const WizardEnv& env) {
    editing_.reset();
    save(env);
}

void WizardModel::cancelMember(const WizardEnv& env) {
    if (!editing_) return;
    auto& members = draft_.household.members;
    if (before_edit_.nik.empty() && before_edit_.name.empty())
        members.erase(members.begin() + static_cast<std::ptrdiff_t>(*editing_));
    else
        members[*editing_] = before_edit_;
    editing_.reset();
    save(env);
}

bool WizardModel::scanned(const WizardEnv& env, const ScanPayload& p) {
    HouseholdInput& h = draft_.household;
    if (draft_.step == WizardStep::kk) {
        if (!fillKkFromScan(p, h.kk_number)) return false;
        save(env);
        return true;
    }
    if (draft_.step != WizardStep::members) return false;
    if (editing_) {
        if (!fillMemberFromScan(p, h.members[*editing_])) return false;
    } else {
        MemberInput probe;
        if (h.members.size() >= kMaxMembers || !fillMemberFromScan(p, probe) || probe.nik.empty())
            return false;
        fillMemberFromScan(p, addMember());
    }
    // A KTP/KK code may carry the KK number too.
    if (h.kk_number.empty()) fillKkFromScan(p, h.kk_number);
    save(env);
    return true;
}

}  // namespace pekon::ui
