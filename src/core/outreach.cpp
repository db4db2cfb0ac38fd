#include "core/outreach.hpp"

namespace pekon {

QuizScore scoreQuiz(const Quiz& quiz, const std::vector<std::optional<int>>& answers) {
    QuizScore s;
    s.max_score = static_cast<int>(quiz.questions.size());
    for (size_t i = 0; i < quiz.questions.size() && i < answers.size(); ++i)
        if (answers[i] && *answers[i] == quiz.questions[i].answer) ++s.score;
    return s;
}

namespace {

std::optional<double> meanPercent(const std::vector<QuizScore>& scores) {
    double sum = 0;
    int counted = 0;
    for (const QuizScore& s : scores) {
        if (s.max_score <= 0) continue;
        sum += 100.0 * s.score / s.max_score;
        ++counted;
    }
    if (counted == 0) return std::nullopt;
    return sum / counted;
}

}  // namespace

QuizGain quizGain(const std::vector<QuizScore>& pre, const std::vector<QuizScore>& post) {
    QuizGain g;
    g.pre_percent = meanPercent(pre);
    g.post_percent = meanPercent(post);
    if (g.pre_percent && g.post_percent) g.gain_points = *g.post_percent - *g.pre_percent;
    return g;
}

}  // namespace pekon
