#include "core/outreach.hpp"

#include <catch2/catch.hpp>

using namespace pekon;

namespace {

Quiz threeQuestions() {
    Quiz q;
    q.key = "t";
    for (int answer : {0, 2, 1}) {
        QuizQuestion question;
        question.choices.resize(3);
        question.answer = answer;
        q.questions.push_back(question);
    }
    return q;
}

}  // namespace

TEST_CASE("quiz: an attendee's score counts right answers, blanks and extras are wrong") {
    const Quiz quiz = threeQuestions();
    CHECK(scoreQuiz(quiz, {0, 2, 1}).score == 3);
    CHECK(scoreQuiz(quiz, {0, 2, 1}).max_score == 3);
    CHECK(scoreQuiz(quiz, {0, std::nullopt, 0}).score == 1);
    CHECK(scoreQuiz(quiz, {}).score == 0);
    CHECK(scoreQuiz(quiz, {}).max_score == 3);
    CHECK(scoreQuiz(quiz, {0, 2, 1, 0, 0}).score == 3);  // answers beyond the quiz are ignored
}

TEST_CASE("quiz: a session's gain is the post mean minus the pre mean, in points") {
    const QuizGain g = quizGain({{1, 4}, {2, 4}}, {{3, 4}, {4, 4}, {2, 4}});
    REQUIRE(g.pre_percent);
    REQUIRE(g.post_percent);
    REQUIRE(g.gain_points);
    CHECK(*g.pre_percent == Approx(37.5));
    CHECK(*g.post_percent == Approx(75.0));
    CHECK(*g.gain_points == Approx(37.5));
    // Nobody took the post-quiz: no gain to report.
    const QuizGain none = quizGain({{1, 4}}, {});
    CHECK(none.pre_percent);
    CHECK_FALSE(none.post_percent);
    CHECK_FALSE(none.gain_points);
    CHECK_FALSE(quizGain({{0, 0}}, {{0, 0}}).gain_points);  // empty quizzes count for nothing
}
