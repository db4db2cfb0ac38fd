#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace pekon {

// The user-visible texts of one program, in Bahasa Indonesia and English, by key
// ("household.members"). Texts may hold {name} placeholders.
class Catalog {
  public:
    using Texts = std::map<std::string, std::string, std::less<>>;

    Catalog() = default;
    Catalog(Texts indonesian, Texts english)
        : id_(std::move(indonesian)), en_(std::move(english)) {}

    // The text for `key`; English falls back to Indonesian, and a missing key shows the key
    // itself (never empty, never a crash).
    std::string text(std::string_view key, Lang lang) const;
    std::string text(std::string_view key, Lang lang,
                     const std::vector<std::pair<std::string, std::string>>& args) const;

    // Keys present in one language but not the other.
    std::vector<std::string> missingKeys() const;
    const Texts& texts(Lang lang) const { return lang == Lang::en ? en_ : id_; }

  private:
    Texts id_;
    Texts en_;
};

}  // namespace pekon
