#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sessions.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// The pre- or post-quiz of a session, attendee by attendee: pick who answers (those who have
// not done this phase yet), one question at a time with large answer buttons (tapping one
// moves on; Previous goes back), then the score with every question's answer and explanation.
// Each finished quiz is recorded (`quiz.answered`).
class QuizScreen : public Screen {
  public:
    QuizScreen(std::string session_id, QuizPhase phase)
        : session_id_(std::move(session_id)), phase_(phase) {}
    std::string_view name() const override { return "quiz"; }
    Chrome chrome() const override {
        return {Chrome::Bar::volunteer, phase_ == QuizPhase::pre ? "quiz.title_pre" : "quiz.title_post",
                true};
    }
    void drawContent(UiContext& ui, Navigator& nav) override;

    QuizPhase phase() const { return phase_; }
    const std::optional<QuizScore>& score() const { return score_; }
    // Opens attendee `number` (1-based, as listed) at the first question: for the screenshot
    // tool (people tap a name).
    void openAttendee(size_t number) { open_number_ = number; }

  private:
    void load(UiContext& ui);
    void drawPick(UiContext& ui);
    void drawQuestion(UiContext& ui, const Navigator& nav);
    void drawResult(UiContext& ui);
    void finish(UiContext& ui, const Navigator& nav);

    std::string session_id_;
    QuizPhase phase_;
    bool loaded_ = false;
    std::vector<AttendeeRecord> attendees_;
    std::optional<size_t> attendee_;  // index into attendees_: who is answering
    size_t question_ = 0;
    std::vector<std::optional<int>> answers_;
    std::optional<QuizScore> score_;  // set when finished
    std::string problem_;
    std::optional<size_t> open_number_;
};

}  // namespace pekon::ui
