#include "codec/outreach_json.hpp"

#include <set>

#include "codec/json.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

// Where a document is broken, in each language; `what` names the document.
struct Place {
    const char* code;
    const char* what_id;
    const char* what_en;
    Error at(const std::string& where) const {
        return Error{code, std::string(what_id) + " rusak di " + where + ".",
                     std::string(what_en) + " is broken at " + where + "."};
    }
};

constexpr Place kMaterials{"materials_invalid", "Berkas materi", "The materials file"};
constexpr Place kQuiz{"quiz_invalid", "Berkas kuis", "The quiz file"};

Result<BilingualText> text(const Json& j, const Place& p, const std::string& where) {
    if (!j.is_object()) return p.at(where);
    BilingualText t;
    for (auto [lang, out] : {std::pair{"id", &t.id}, std::pair{"en", &t.en}}) {
        auto it = j.find(lang);
        if (it == j.end() || !it->is_string() || trim(it->get_ref<const std::string&>()).empty())
            return p.at(where + "." + lang);
        *out = it->get<std::string>();
    }
    return t;
}

Result<std::string> key(const Json& j, const Place& p, const std::string& where,
                        std::set<std::string>& seen) {
    auto it = j.find("key");
    if (it == j.end() || !it->is_string() || it->get_ref<const std::string&>().empty() ||
        !seen.insert(it->get<std::string>()).second)
        return p.at(where + ".key");
    return it->get<std::string>();
}

Result<std::vector<BilingualText>> texts(const Json& j, const char* field, const Place& p,
                                         const std::string& where, size_t at_least,
                                         size_t at_most) {
    auto it = j.find(field);
    const std::string here = where + "." + field;
    if (it == j.end() || !it->is_array() || it->size() < at_least || it->size() > at_most)
        return p.at(here);
    std::vector<BilingualText> out;
    for (size_t i = 0; i < it->size(); ++i) {
        auto t = text((*it)[i], p, here + "[" + std::to_string(i) + "]");
        if (!t) return t.error();
        out.push_back(std::move(t.value()));
    }
    return out;
}

Result<BilingualText> field(const Json& j, const char* name, const Place& p,
                            const std::string& where) {
    auto it = j.find(name);
    return text(it == j.end() ? Json() : *it, p, where + "." + name);
}

}  // namespace

Result<std::vector<MaterialTopic>> parseMaterials(std::string_view json_text) {
    auto doc = parseJson(json_text);
    if (!doc) return doc.error();
    if (!doc->is_object() || !doc->contains("topics") || !(*doc)["topics"].is_array() ||
        (*doc)["topics"].empty())
        return kMaterials.at("topics");
    std::vector<MaterialTopic> out;
    std::set<std::string> keys;
    const Json& topics = (*doc)["topics"];
    for (size_t i = 0; i < topics.size(); ++i) {
        const std::string where = "topics[" + std::to_string(i) + "]";
        const Json& t = topics[i];
        if (!t.is_object()) return kMaterials.at(where);
        MaterialTopic topic;
        auto k = key(t, kMaterials, where, keys);
        if (!k) return k.error();
        topic.key = *k;
        auto title = field(t, "title", kMaterials, where);
        if (!title) return title.error();
        topic.title = *title;
        auto pages = texts(t, "pages", kMaterials, where, 1, 50);
        if (!pages) return pages.error();
        topic.pages = std::move(pages.value());
        out.push_back(std::move(topic));
    }
    return out;
}

Result<Quiz> parseQuiz(std::string_view json_text) {
    auto doc = parseJson(json_text);
    if (!doc) return doc.error();
    if (!doc->is_object()) return kQuiz.at("the top");
    Quiz quiz;
    std::set<std::string> quiz_keys;
    auto k = key(*doc, kQuiz, "the top", quiz_keys);
    if (!k) return k.error();
    quiz.key = *k;
    if (!doc->contains("questions") || !(*doc)["questions"].is_array() ||
        (*doc)["questions"].empty())
        return kQuiz.at("questions");
    std::set<std::string> keys;
    const Json& questions = (*doc)["questions"];
    for (size_t i = 0; i < questions.size(); ++i) {
        const std::string where = "questions[" + std::to_string(i) + "]";
        const Json& q = questions[i];
        if (!q.is_object()) return kQuiz.at(where);
        QuizQuestion question;
        auto qk = key(q, kQuiz, where, keys);
        if (!qk) return qk.error();
        question.key = *qk;
        auto t = field(q, "text", kQuiz, where);
        if (!t) return t.error();
        question.text = *t;
        auto choices = texts(q, "choices", kQuiz, where, 2, 6);
        if (!choices) return choices.error();
        question.choices = std::move(choices.value());
        auto answer = q.find("answer");
        if (answer == q.end() || !answer->is_number_integer() || answer->get<std::int64_t>() < 0 ||
            answer->get<std::int64_t>() >= static_cast<std::int64_t>(question.choices.size()))
            return kQuiz.at(where + ".answer");
        question.answer = answer->get<int>();
        auto why = field(q, "explanation", kQuiz, where);
        if (!why) return why.error();
        question.explanation = *why;
        quiz.questions.push_back(std::move(question));
    }
    return quiz;
}

}  // namespace pekon
