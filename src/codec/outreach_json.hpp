#pragma once

#include <string_view>
#include <vector>

#include "core/outreach.hpp"
#include "core/result.hpp"

// assets/materials/materials.json and assets/quiz/*.json. Every text is an object
// {"id": "...", "en": "..."}, both languages required and not blank.
//   materials: {"topics": [{"key", "title", "pages": [text, ...]}, ...]}
//   quiz:      {"key", "questions": [{"key", "text", "choices": [text, ...], "answer": index,
//              "explanation"}, ...]}
// Errors: `json_invalid`, and `materials_invalid` / `quiz_invalid` naming the place.
namespace pekon {

Result<std::vector<MaterialTopic>> parseMaterials(std::string_view json_text);
Result<Quiz> parseQuiz(std::string_view json_text);

}  // namespace pekon
