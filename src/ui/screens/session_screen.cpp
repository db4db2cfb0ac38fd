#include "ui/screens/session_screen.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/nik.hpp"
#include "core/text.hpp"
#include "store/drafts.hpp"
#include "ui/session_labels.hpp"
#include "ui/status_chip.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

WriteContext SessionScreen::context(UiContext& ui, const Navigator& nav) const {
    return {nav.user() ? nav.user()->id : "unknown", ui.now(), ui.today()};
}

void SessionScreen::load(UiContext& ui) {
    loaded_ = true;
    auto s = findSession(ui.store(), session_id_);
    if (!s) {
        problem_ = ui.errorText(s.error());
        return;
    }
    session_ = *s;
    if (!session_) {
        problem_ = ui.errorText(sessionNotFound());
        return;
    }
    auto list = listAttendees(ui.store(), session_id_);
    if (list) attendees_ = std::move(list.value());
    auto n = sessionNumbers(ui.store(), session_id_);
    if (n) numbers_ = *n;
    if (!list || !n) problem_ = ui.errorText(list ? n.error() : list.error());
}

void SessionScreen::add(UiContext& ui, const Navigator& nav, AttendeeInput person) {
    if (person.household_id.empty()) person.household_id = pending_household_;
    auto id =
        recordAttendance(ui.store(), session_id_, person, ui.assets().regions, context(ui, nav));
    if (!id) {
        problem_ = ui.errorText(id.error());
        message_.clear();
        return;
    }
    problem_.clear();
    message_ = ui.t("session.added", {{"who", attendeeLabel(person)}});
    name_.clear();
    nik_.clear();
    pending_household_.clear();
    ui.unfocus();
    loaded_ = false;
}

void SessionScreen::openLead(UiContext& ui, Navigator& nav, const AttendeeRecord& a) {
    if (!nav.user() || !session_) return;
    auto lead = a.lead_id.empty() ? markLead(ui.store(), session_id_, a.id, context(ui, nav))
                                  : Result<std::string>(a.lead_id);
    if (!lead) {
        problem_ = ui.errorText(lead.error());
        return;
    }
    loaded_ = false;
    // The draft already opened for this lead, if it is still there.
    if (!a.lead_draft_id.empty()) {
        auto drafts = listDrafts(ui.store(), nav.user()->id);
        if (drafts) {
            for (HouseholdDraft& d : *drafts) {
                if (d.id == a.lead_draft_id) {
                    nav.push(route::Wizard{std::move(d)});
                    return;
                }
            }
        }
    }
    // A new draft: the session's pekon, and the attendee as the head when known.
    HouseholdDraft d;
    d.household.village_code = session_->plan.village_code;
    if (const Village* v = ui.assets().regions.village(d.household.village_code))
        d.district_code = v->district_code;
    d.household.consent.text_version = "pdp-2026-1";
    if (!a.person.nik.empty() || !a.person.name.empty()) {
        MemberInput head;
        head.nik = a.person.nik;
        head.name = a.person.name;
        head.relation = "head";
        if (auto info = parseNik(a.person.nik, ui.assets().regions, ui.today())) {
            head.birth_date = formatIsoDate(info->birth_date);
            head.sex = info->sex == Sex::female ? "F" : "M";
        }
        d.household.members.push_back(std::move(head));
    }
    if (auto s = saveDraft(ui.store(), nav.user()->id, d, ui.now()); !s) {
        problem_ = ui.errorText(s.error());
        return;
    }
    if (auto s = setLeadDraft(ui.store(), *lead, d.id); !s) {
        problem_ = ui.errorText(s.error());
        return;
    }
    nav.push(route::Wizard{std::move(d)});
}

void SessionScreen::drawPlanned(UiContext& ui, Navigator& nav) {
    const SessionPlan& p = session_->plan;
    textMuted(ui.t("session.facilitators") + " " + [&] {
        std::string names;
        for (const std::string& f : p.facilitators) names += (names.empty() ? "" : ", ") + f;
        return names;
    }());
    if (!p.partners.empty()) {
        std::string partners;
        for (const std::string& c : p.partners)
            partners += (partners.empty() ? "" : ", ") + partnerLabel(ui, c);
        textMuted(ui.t("session.partners") + " " + partners);
    }
    ImGui::Spacing();
    textMuted(ui.t("session.start_hint"));
    if (button(ui, "session.hold", ui.t("session.hold"), ImVec2(ui.px(420), ui.px(80)))) {
        if (auto s = holdSession(ui.store(), session_id_, context(ui, nav)); !s)
            problem_ = ui.errorText(s.error());
        loaded_ = false;
    }
}

void SessionScreen::drawNumbers(UiContext& ui, Navigator& nav) {
    auto big = [&](const std::string& id, const std::string& value, const std::string& label) {
        ImGui::BeginGroup();
        ImGui::PushFont(ui.fonts.title);
        ImGui::TextUnformatted(value.c_str());
        ImGui::PopFont();
        ui.probe(id);
        textMuted(label);
        ImGui::EndGroup();
    };
    big("session.head_count", std::to_string(numbers_.head_count), ui.t("session.head_count"));
    ImGui::SameLine(ui.px(200));
    big("session.households", std::to_string(numbers_.households), ui.t("session.households"));
    ImGui::SameLine(ui.px(440));
    const float w = ui.px(190);
    const bool held = session_->state == SessionState::held;
    std::optional<Route> next;
    if (button(ui, "session.materials", ui.t("session.materials"), ImVec2(w, ui.px(64)),
               ButtonStyle::secondary))
        next = route::Materials{session_->plan.topic};
    ImGui::SameLine();
    if (!held) ImGui::BeginDisabled();
    if (button(ui, "session.quiz_pre", ui.t("session.quiz_pre"), ImVec2(w, ui.px(64)),
               ButtonStyle::secondary))
        next = route::Quiz{session_id_, QuizPhase::pre};
    ImGui::SameLine();
    if (button(ui, "session.quiz_post", ui.t("session.quiz_post"), ImVec2(w, ui.px(64)),
               ButtonStyle::secondary))
        next = route::Quiz{session_id_, QuizPhase::post};
    if (!held) ImGui::EndDisabled();
    ImGui::SameLine();
    if (button(ui, "session.summary", ui.t("session.summary"), ImVec2(w, ui.px(64))))
        next = route::SessionSummary{session_id_};
    if (next) {
        ui.unfocus();
        loaded_ = false;  // read again when back
        nav.push(std::move(*next));
    }
}

void SessionScreen::drawEntry(UiContext& ui, Navigator& nav) {
    if (button(ui, "session.scan", ui.t("session.scan"), ImVec2(ui.px(330), ui.px(56)))) {
        problem_.clear();
        message_.clear();
        nav.push(route::Scanner{});
    }
    ImGui::SameLine();
    ImGui::PushItemWidth(ui.px(330));
    ImGui::BeginGroup();
    field(ui, "session.attendee_name", ui.t("session.attendee_name"), &name_, EntryKind::text,
          kMaxPersonNameBytes);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    field(ui, "session.attendee_nik", ui.t("session.attendee_nik"), &nik_, EntryKind::digits, 16);
    ImGui::EndGroup();
    ImGui::PopItemWidth();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(" ");
    if (button(ui, "session.add", ui.t("session.add"), ImVec2(ui.px(180), ui.px(56))))
        add(ui, nav, {nik_, name_, {}});
    ImGui::EndGroup();
    if (!pending_household_.empty()) {
        textMuted(ui.t("session.household_pending"));
        ImGui::SameLine();
        if (button(ui, "session.household_clear", ui.t("session.remove"), ImVec2(ui.px(160), 0),
                   ButtonStyle::secondary))
            pending_household_.clear();
    }
    if (!problem_.empty()) textError(problem_);
    if (!message_.empty()) textMuted(message_);
}

void SessionScreen::drawAttendees(UiContext& ui, Navigator& nav) {
    ImGui::BeginChild("attendees", ImVec2(0, 0), false);
    dragScroll();
    const AttendeeRecord* open = nullptr;
    for (size_t i = 0; i < attendees_.size(); ++i) {
        const AttendeeRecord& a = attendees_[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string n = std::to_string(i + 1);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted((n + ".  " + attendeeLabel(a.person)).c_str());
        // The chips end just before the button column, whatever their language's width.
        std::vector<std::pair<std::string, ImU32>> chips;
        if (!a.person.household_id.empty())
            chips.push_back({ui.t("session.household_known"), color::kMuted});
        if (a.pre_done) chips.push_back({ui.t("session.pre_done"), color::kMuted});
        if (a.post_done) chips.push_back({ui.t("session.post_done"), color::kPrimary});
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        float width = 0;
        for (const auto& c : chips)
            width += ImGui::CalcTextSize(c.first.c_str()).x + ui.px(16) + gap;
        const float button_x = ImGui::GetContentRegionMax().x - ui.px(250);
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), button_x - ui.px(12) - width));
        for (const auto& c : chips) chip(ui, c.first, c.second), ImGui::SameLine();
        ImGui::SetCursorPosX(button_x);
        if (!a.lead_household_id.empty()) {
            chip(ui, ui.t("session.lead_registered"), color::kPrimary);
        } else if (a.lead_id.empty()) {
            if (button(ui, "session.interested." + n, ui.t("session.interested"),
                       ImVec2(ui.px(250), 0), ButtonStyle::secondary)) {
                auto lead = markLead(ui.store(), session_id_, a.id, context(ui, nav));
                if (!lead) problem_ = ui.errorText(lead.error());
                loaded_ = false;
            }
        } else if (button(ui, "session.register." + n, ui.t("session.register"),
                          ImVec2(ui.px(250), 0))) {
            open = &a;
        }
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (open) openLead(ui, nav, *open);
}

void SessionScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!loaded_) load(ui);
    if (!session_) {
        textError(problem_);
        return;
    }
    sessionHeading(ui, *session_);
    ImGui::Separator();
    if (session_->state == SessionState::planned) {
        drawPlanned(ui, nav);
        if (!problem_.empty()) textError(problem_);
        ImGui::Spacing();
        if (button(ui, "session.materials", ui.t("session.materials"),
                   ImVec2(ui.px(300), ui.px(64)), ButtonStyle::secondary))
            nav.push(route::Materials{session_->plan.topic});
        return;
    }
    drawNumbers(ui, nav);
    if (session_->state == SessionState::held) drawEntry(ui, nav);
    ImGui::Separator();
    drawAttendees(ui, nav);
}

bool SessionScreen::onScan(UiContext& ui, Navigator& nav, const ScanPayload& p) {
    if (!session_ || session_->state != SessionState::held) {
        problem_ = ui.errorText(sessionNotHeld());
        return true;
    }
    message_.clear();
    switch (p.kind) {
        case PayloadKind::nik:
            add(ui, nav, {p.nik, p.name, {}});
            return true;
        case PayloadKind::card: {
            auto person = attendeeByCard(ui.store(), p.card_number);
            if (person && *person) {
                add(ui, nav, **person);
            } else {
                problem_ = ui.t("session.card_unknown");
            }
            return true;
        }
        case PayloadKind::kk:
        case PayloadKind::receipt: {
            std::string household;
            if (p.kind == PayloadKind::receipt) {
                auto it = p.params.find("id");
                if (it != p.params.end()) household = it->second;
            } else if (auto h = householdByKk(ui.store(), p.kk_number)) {
                household = *h;
            }
            if (household.empty()) {
                problem_ = ui.t("session.kk_unknown");
            } else {
                problem_.clear();
                pending_household_ = household;
                message_ = ui.t("session.household_scanned");
            }
            return true;
        }
        default:
            return false;
    }
}

}  // namespace pekon::ui
