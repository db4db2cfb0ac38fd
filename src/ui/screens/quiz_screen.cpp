#include "ui/screens/quiz_screen.hpp"

#include "ui/session_labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

void QuizScreen::load(UiContext& ui) {
    loaded_ = true;
    auto list = listAttendees(ui.store(), session_id_);
    if (list)
        attendees_ = std::move(list.value());
    else
        problem_ = ui.errorText(list.error());
}

void QuizScreen::drawPick(UiContext& ui) {
    ImGui::PushFont(ui.fonts.large);
    ImGui::TextUnformatted(ui.t("quiz.pick").c_str());
    ImGui::PopFont();
    ImGui::BeginChild("pick", ImVec2(0, 0), false);
    dragScroll();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - spacing) / 2;
    int shown = 0;
    for (size_t i = 0; i < attendees_.size(); ++i) {
        const AttendeeRecord& a = attendees_[i];
        if (phase_ == QuizPhase::pre ? a.pre_done : a.post_done) continue;
        if (shown++ % 2) ImGui::SameLine();
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
        if (button(ui, "quiz.attendee." + std::to_string(i + 1),
                   std::to_string(i + 1) + ".  " + attendeeLabel(a.person),
                   ImVec2(width, ui.px(64)), ButtonStyle::secondary)) {
            attendee_ = i;
            question_ = 0;
            answers_.assign(ui.assets().quiz.questions.size(), std::nullopt);
            score_.reset();
            problem_.clear();
        }
        ImGui::PopStyleVar();
    }
    if (shown == 0) textMuted(ui.t("quiz.everyone_done"));
    ImGui::EndChild();
}

void QuizScreen::drawQuestion(UiContext& ui, const Navigator& nav) {
    const Quiz& quiz = ui.assets().quiz;
    const QuizQuestion& q = quiz.questions[question_];
    const Lang lang = ui.lang();
    textMuted(attendeeLabel(attendees_[*attendee_].person) + "  ·  " +
              ui.t("quiz.question_n", {{"n", std::to_string(question_ + 1)},
                                       {"total", std::to_string(quiz.questions.size())}}));
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextWrapped("%s", q.text.in(lang).c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    for (size_t c = 0; c < q.choices.size(); ++c) {
        const bool chosen = answers_[question_] == static_cast<int>(c);
        ImGui::PushFont(ui.fonts.large);
        const bool tapped =
            button(ui, "quiz.choice." + std::to_string(c),
                   std::string(1, static_cast<char>('A' + c)) + ".  " + q.choices[c].in(lang),
                   ImVec2(-1, ui.px(72)), chosen ? ButtonStyle::primary : ButtonStyle::secondary);
        ImGui::PopFont();
        if (tapped) {
            answers_[question_] = static_cast<int>(c);
            if (question_ + 1 < quiz.questions.size())
                ++question_;
            else
                finish(ui, nav);
            break;
        }
    }
    ImGui::PopStyleVar();
    ImGui::Spacing();
    if (button(ui, "quiz.previous", ui.t("quiz.previous"), ImVec2(ui.px(240), ui.px(64)),
               ButtonStyle::secondary)) {
        if (question_ > 0)
            --question_;
        else
            attendee_.reset();
    }
    if (!problem_.empty()) textError(problem_);
}

void QuizScreen::finish(UiContext& ui, const Navigator& nav) {
    const AttendeeRecord& a = attendees_[*attendee_];
    auto score = recordQuiz(ui.store(), session_id_, a.id, ui.assets().quiz, phase_, answers_,
                            {nav.user() ? nav.user()->id : "unknown", ui.now(), ui.today()});
    if (!score) {
        problem_ = ui.errorText(score.error());
        return;
    }
    score_ = *score;
    loaded_ = false;  // this attendee is done: the pick list changes
}

void QuizScreen::drawResult(UiContext& ui) {
    const Quiz& quiz = ui.assets().quiz;
    const Lang lang = ui.lang();
    ImGui::PushFont(ui.fonts.title);
    ImGui::TextUnformatted(ui.t("quiz.score", {{"score", std::to_string(score_->score)},
                                               {"max", std::to_string(score_->max_score)}})
                               .c_str());
    ImGui::PopFont();
    ui.probe("quiz.score");
    if (button(ui, "quiz.next_attendee", ui.t("quiz.next_attendee"),
               ImVec2(ui.px(360), ui.px(64)))) {
        attendee_.reset();
        score_.reset();
        return;
    }
    ImGui::BeginChild("explanations", ImVec2(0, 0), true);
    dragScroll();
    for (size_t i = 0; i < quiz.questions.size(); ++i) {
        const QuizQuestion& q = quiz.questions[i];
        const bool right = answers_[i] == q.answer;
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushFont(ui.fonts.large);
        ImGui::PushStyleColor(ImGuiCol_Text, right ? color::kPrimaryDark : color::kDanger);
        ImGui::TextWrapped("%s %zu. %s", right ? "+" : "x", i + 1, q.text.in(lang).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        const size_t answer = static_cast<size_t>(q.answer);
        if (answer < q.choices.size())
            ImGui::TextWrapped(
                "%s", ui.t("quiz.answer", {{"answer", q.choices[answer].in(lang)}}).c_str());
        textMuted(q.explanation.in(lang));
        ImGui::Separator();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void QuizScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!loaded_) load(ui);
    if (open_number_) {
        if (*open_number_ >= 1 && *open_number_ <= attendees_.size()) {
            attendee_ = *open_number_ - 1;
            question_ = 0;
            answers_.assign(ui.assets().quiz.questions.size(), std::nullopt);
        }
        open_number_.reset();
    }
    if (!problem_.empty() && !attendee_) textError(problem_);
    if (ui.assets().quiz.questions.empty()) {
        textMuted(ui.t("quiz.none"));
        return;
    }
    if (!attendee_ || *attendee_ >= attendees_.size())
        drawPick(ui);
    else if (score_)
        drawResult(ui);
    else
        drawQuestion(ui, nav);
}

}  // namespace pekon::ui
