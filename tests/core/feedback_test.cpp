#include "core/feedback.hpp"

#include <catch2/catch.hpp>

using namespace pekon;

TEST_CASE("feedback categories round-trip through their codes") {
    for (FeedbackCategory c : kFeedbackCategories) {
        auto parsed = parseFeedbackCategory(feedbackCategoryCode(c));
        REQUIRE(parsed);
        CHECK(*parsed == c);
    }
    CHECK(feedbackCategoryCode(FeedbackCategory::faskes_service) == "faskes_service");
    CHECK_FALSE(parseFeedbackCategory("Card"));
    CHECK_FALSE(parseFeedbackCategory(""));
}

TEST_CASE("a feedback form is cleaned: text trimmed, phone in E.164") {
    Feedback f;
    f.category = FeedbackCategory::card;
    f.rating = 2;
    f.text = "  Kartu belum sampai\nsudah 2 bulan  ";
    f.phone = " 0812-3456-7890 ";
    auto checked = checkFeedback(f);
    REQUIRE(checked);
    CHECK(checked->text == "Kartu belum sampai\nsudah 2 bulan");
    CHECK(checked->phone == "+6281234567890");
    CHECK(checked->rating == 2);
    CHECK(checked->category == FeedbackCategory::card);
}

TEST_CASE("text and phone are optional, the rating is not") {
    Feedback f;
    f.rating = 5;
    auto checked = checkFeedback(f);
    REQUIRE(checked);
    CHECK(checked->text.empty());
    CHECK(checked->phone.empty());
    for (int bad : {0, 6, -1}) {
        f.rating = bad;
        auto refused = checkFeedback(f);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == "feedback_rating");
        CHECK_FALSE(refused.error().message_id.empty());
        CHECK_FALSE(refused.error().message_en.empty());
    }
}

TEST_CASE("bad feedback text or phone is refused with its reason") {
    Feedback f;
    f.rating = 3;
    f.text = std::string(kFeedbackTextMax + 1, 'a');
    CHECK(checkFeedback(f).error().code == "feedback_text_long");
    f.text = std::string(kFeedbackTextMax, 'a');
    CHECK(checkFeedback(f));
    f.text = "ok\x01";
    CHECK(checkFeedback(f).error().code == "feedback_text_chars");
    f.text = "\xC3\x28";  // broken UTF-8
    CHECK(checkFeedback(f).error().code == "feedback_text_chars");
    f.text = "";
    f.phone = "12345";
    auto refused = checkFeedback(f);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code.rfind("phone_", 0) == 0);
}
