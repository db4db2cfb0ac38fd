#include "core/catalog.hpp"

namespace pekon {

std::string Catalog::text(std::string_view key, Lang lang) const {
    const Texts& primary = lang == Lang::en ? en_ : id_;
    if (auto it = primary.find(key); it != primary.end()) return it->second;
    if (auto it = id_.find(key); it != id_.end()) return it->second;
    return std::string(key);
}

std::string Catalog::text(std::string_view key, Lang lang,
                          const std::vector<std::pair<std::string, std::string>>& args) const {
    std::string out = text(key, lang);
    for (const auto& [name, value] : args) {
        const std::string token = "{" + name + "}";
        for (size_t pos = out.find(token); pos != std::string::npos;
             pos = out.find(token, pos + value.size())) {
            out.replace(pos, token.size(), value);
        }
    }
    return out;
}

std::vector<std::string> Catalog::missingKeys() const {
    std::vector<std::string> missing;
    for (const auto& [key, _] : id_) {
        if (!en_.count(key)) missing.push_back(key);
    }
    for (const auto& [key, _] : en_) {
        if (!id_.count(key)) missing.push_back(key);
    }
    return missing;
}

}  // namespace pekon
