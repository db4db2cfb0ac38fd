#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/result.hpp"

// A citizen's feedback or complaint from the kiosk (issue 6), sent to the hub as
// `feedback.submitted` (protocol §4: category, rating, text; phone is an addition).
namespace pekon {

enum class FeedbackCategory { registration, card, faskes_service, payment, other };

inline constexpr FeedbackCategory kFeedbackCategories[] = {
    FeedbackCategory::registration, FeedbackCategory::card, FeedbackCategory::faskes_service,
    FeedbackCategory::payment, FeedbackCategory::other};

// "registration", "card", "faskes_service", "payment", "other".
std::string_view feedbackCategoryCode(FeedbackCategory category);
std::optional<FeedbackCategory> parseFeedbackCategory(std::string_view code);

inline constexpr std::size_t kFeedbackTextMax = 1000;  // bytes of UTF-8

struct Feedback {
    FeedbackCategory category = FeedbackCategory::other;
    int rating = 0;     // satisfaction 1 (very unhappy) to 5 (very happy)
    std::string text;   // optional
    std::string phone;  // optional; E.164 "+628..." once checked
    bool complaint = false;  // the citizen asks the office to act (core/complaint: a ticket)
};

// Checks a form as typed and returns it cleaned: the text trimmed, the phone normalised.
// Errors: feedback_rating (not 1-5), feedback_text_long, feedback_text_chars (control
// characters), and the phone's own (phone_*).
Result<Feedback> checkFeedback(Feedback input);

}  // namespace pekon
