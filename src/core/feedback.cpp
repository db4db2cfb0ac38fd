#include "core/feedback.hpp"

#include "core/phone.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

struct CategoryName {
    FeedbackCategory category;
    std::string_view code;
};
constexpr CategoryName kNames[] = {
    {FeedbackCategory::registration, "registration"},
    {FeedbackCategory::card, "card"},
    {FeedbackCategory::faskes_service, "faskes_service"},
    {FeedbackCategory::payment, "payment"},
    {FeedbackCategory::other, "other"},
};

}  // namespace

std::string_view feedbackCategoryCode(FeedbackCategory category) {
    for (const CategoryName& n : kNames)
        if (n.category == category) return n.code;
    return "other";
}

std::optional<FeedbackCategory> parseFeedbackCategory(std::string_view code) {
    for (const CategoryName& n : kNames)
        if (n.code == code) return n.category;
    return std::nullopt;
}

Result<Feedback> checkFeedback(Feedback input) {
    if (input.rating < 1 || input.rating > 5)
        return Error{"feedback_rating", "Pilih tingkat kepuasan 1 sampai 5.",
                     "Choose a satisfaction rating from 1 to 5."};
    input.text = std::string(trim(input.text));
    if (input.text.size() > kFeedbackTextMax)
        return Error{
            "feedback_text_long",
            "Pesan terlalu panjang (paling banyak " + std::to_string(kFeedbackTextMax) + " huruf).",
            "The message is too long (at most " + std::to_string(kFeedbackTextMax) +
                " characters)."};
    if (!isValidUtf8(input.text) || hasControlChars(input.text, true))
        return Error{"feedback_text_chars", "Pesan berisi karakter yang tidak bisa dipakai.",
                     "The message has characters that cannot be used."};
    const std::string_view phone = trim(input.phone);
    if (phone.empty()) {
        input.phone.clear();
    } else {
        auto normal = normalizePhone(phone);
        if (!normal) return normal.error();
        input.phone = *normal;
    }
    return input;
}

}  // namespace pekon
