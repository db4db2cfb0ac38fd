#include "hub/web/texts.hpp"

#include "codec/json.hpp"
#include "hub/web/embedded_files.hpp"

namespace pekon::hub::web {

namespace {

Result<Catalog::Texts> parseOne(std::string_view json, std::string_view name) {
    auto doc = parseJson(std::string(json));
    const std::string which(name);
    const Error broken{"i18n_invalid", "Berkas terjemahan konsol rusak: " + which,
                       "The console's translation file is broken: " + which};
    if (!doc || !doc->is_object()) return broken;
    Catalog::Texts texts;
    for (const auto& [key, value] : doc->items()) {
        if (!value.is_string()) return broken;
        texts.emplace(key, value.get<std::string>());
    }
    return texts;
}

}  // namespace

Result<Catalog> parseHubTexts(std::string_view indonesian_json, std::string_view english_json) {
    auto id = parseOne(indonesian_json, "hub.id.json");
    if (!id) return id.error();
    auto en = parseOne(english_json, "hub.en.json");
    if (!en) return en.error();
    return Catalog(std::move(id.value()), std::move(en.value()));
}

Result<Catalog> loadHubTexts() {
    return parseHubTexts(embeddedFile("i18n/hub.id.json"), embeddedFile("i18n/hub.en.json"));
}

}  // namespace pekon::hub::web
