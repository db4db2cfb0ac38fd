#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

// What an outreach team shows and asks at a socialization session (penyuluhan): the
// materials, page by page, and the pre/post quiz with its scoring. Both come in Bahasa
// Indonesia and English (assets/materials, assets/quiz).
namespace pekon {

struct BilingualText {
    std::string id;
    std::string en;
    const std::string& in(Lang lang) const { return lang == Lang::id ? id : en; }
};

// One topic of the materials viewer (what JKN-KIS is, benefits, ...), paged for a tablet
// held up to a group.
struct MaterialTopic {
    std::string key;  // stable: "what_is_jkn", "how_to_pay", ...
    BilingualText title;
    std::vector<BilingualText> pages;
};

struct QuizQuestion {
    std::string key;
    BilingualText text;
    std::vector<BilingualText> choices;  // 2..6
    int answer = 0;                      // index into choices
    BilingualText explanation;           // shown after the post-quiz
};

struct Quiz {
    std::string key;
    std::vector<QuizQuestion> questions;
};

// One attendee's answers (an index per question; nullopt: not answered, counts as wrong).
struct QuizScore {
    int score = 0;
    int max_score = 0;
};
QuizScore scoreQuiz(const Quiz& quiz, const std::vector<std::optional<int>>& answers);

// A session's learning: the mean share of correct answers before and after, and the gain in
// percentage points (post - pre). Means over the attendees who took that phase; a phase nobody
// took has no mean, and then there is no gain.
struct QuizGain {
    std::optional<double> pre_percent;
    std::optional<double> post_percent;
    std::optional<double> gain_points;
};
QuizGain quizGain(const std::vector<QuizScore>& pre, const std::vector<QuizScore>& post);

}  // namespace pekon
