#include "codec/outreach_json.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "codec/assets.hpp"

using namespace pekon;

namespace {

const std::string kAssets = PEKON_SOURCE_ASSETS;

}  // namespace

TEST_CASE("outreach content: the shipped materials cover every topic in both languages",
          "[outreach_json]") {
    auto materials = loadMaterials(kAssets);
    REQUIRE(materials);
    std::set<std::string> keys;
    for (const MaterialTopic& t : *materials) {
        keys.insert(t.key);
        CHECK_FALSE(t.title.id.empty());
        CHECK_FALSE(t.title.en.empty());
        CHECK_FALSE(t.pages.empty());
        for (const BilingualText& page : t.pages) {
            CHECK(page.id != page.en);  // translated, not copied
            CHECK(page.in(Lang::en) == page.en);
        }
    }
    // What JKN-KIS is, benefits, registering and its documents, rights and obligations,
    // classes and premiums, how to pay, using the card and referral, complaints.
    for (const char* needed : {"what_is_jkn", "benefits", "how_to_register", "rights_obligations",
                               "classes_premiums", "how_to_pay", "using_the_card", "complaints"})
        CHECK(keys.count(needed) == 1);
}

TEST_CASE("outreach content: the shipped quiz has at least 8 answerable questions",
          "[outreach_json]") {
    auto quiz = loadQuiz(kAssets);
    REQUIRE(quiz);
    CHECK(quiz->questions.size() >= 8);
    for (const QuizQuestion& q : quiz->questions) {
        CHECK(q.choices.size() >= 2);
        CHECK(q.answer >= 0);
        CHECK(q.answer < static_cast<int>(q.choices.size()));
        CHECK_FALSE(q.explanation.id.empty());
        CHECK_FALSE(q.explanation.en.empty());
    }
    auto all = loadAssets(kAssets);
    REQUIRE(all);
    CHECK(all->quiz.questions.size() == quiz->questions.size());
    CHECK(all->materials.size() == 8);
}

TEST_CASE("outreach content: broken files are refused with the place named", "[outreach_json]") {
    auto code = [](const auto& result) { return result ? std::string() : result.error().code; };
    CHECK(code(parseMaterials("not json")) == "json_invalid");
    CHECK(code(parseMaterials("{}")) == "materials_invalid");
    CHECK(code(parseMaterials(R"({"topics":[]})")) == "materials_invalid");
    auto no_english = parseMaterials(
        R"({"topics":[{"key":"a","title":{"id":"Judul","en":"Title"},"pages":[{"id":"Halaman"}]}]})");
    REQUIRE_FALSE(no_english);
    CHECK(no_english.error().code == "materials_invalid");
    CHECK(no_english.error().message_en.find("topics[0].pages[0].en") != std::string::npos);
    CHECK(no_english.error().message_id.find("topics[0].pages[0].en") != std::string::npos);
    CHECK(code(parseMaterials(
              R"({"topics":[{"key":"a","title":{"id":"J","en":"T"},"pages":[{"id":"x","en":"y"}]},
                            {"key":"a","title":{"id":"J","en":"T"},"pages":[{"id":"x","en":"y"}]}]})")) ==
          "materials_invalid");  // the same key twice
    CHECK(
        code(parseMaterials(
            R"({"topics":[{"key":"a","title":{"id":"  ","en":"T"},"pages":[{"id":"x","en":"y"}]}]})")) ==
        "materials_invalid");  // a blank text

    const std::string question =
        R"({"key":"q","text":{"id":"Tanya","en":"Ask"},"choices":[{"id":"a","en":"a"},{"id":"b","en":"b"}],"answer":ANSWER,"explanation":{"id":"karena","en":"because"}})";
    auto quiz = [&](const std::string& answer) {
        std::string q = question;
        q.replace(q.find("ANSWER"), 6, answer);
        return parseQuiz(R"({"key":"k","questions":[)" + q + "]}");
    };
    CHECK(quiz("1"));
    CHECK(code(quiz("2")) == "quiz_invalid");   // no such choice
    CHECK(code(quiz("-1")) == "quiz_invalid");  // nor this
    CHECK(code(quiz("\"1\"")) == "quiz_invalid");
    CHECK(code(parseQuiz(R"({"key":"k","questions":[]})")) == "quiz_invalid");
    CHECK(code(parseQuiz(R"({"questions":[]})")) == "quiz_invalid");
    CHECK(code(parseQuiz("[1,2]")) == "quiz_invalid");
}
