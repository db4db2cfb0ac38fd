#include "codec/assets.hpp"

#include <filesystem>
#include <fstream>

#include "codec/json.hpp"
#include "codec/outreach_json.hpp"
#include "codec/premiums_json.hpp"

namespace pekon {

Result<std::string> readStream(std::istream& in, const std::string& name, size_t limit) {
    std::string text;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<size_t>(in.gcount()));
        if (text.size() > limit) {
            const std::string mib = std::to_string(limit >> 20);
            return Error{"file_too_large", "Berkas terlalu besar (maks. " + mib + " MiB): " + name,
                         "The file is too large (at most " + mib + " MiB): " + name};
        }
    }
    if (in.bad())
        return Error{"file_unreadable", "Berkas tidak bisa dibaca: " + name,
                     "Cannot read the file: " + name};
    return text;
}

Result<std::string> readFile(const std::string& path, size_t limit) {
    std::error_code ec;
    std::ifstream in;
    if (!std::filesystem::is_directory(path, ec)) in.open(path, std::ios::binary);
    if (!in.is_open())
        return Error{"file_unreadable", "Berkas tidak bisa dibaca: " + path,
                     "Cannot read the file: " + path};
    return readStream(in, path, limit);
}

Result<RegionTable> loadRegions(const std::string& dir) {
    std::string texts[4];
    const char* names[4] = {"provinces", "regencies", "districts", "tanggamus_villages"};
    for (int i = 0; i < 4; ++i) {
        auto text = readFile(dir + "/regions/" + names[i] + ".csv");
        if (!text) return text.error();
        texts[i] = std::move(text.value());
    }
    return RegionTable::fromCsv(texts[0], texts[1], texts[2], texts[3]);
}

Result<PopulationFile> loadPopulation(const std::string& dir) {
    auto text = readFile(dir + "/regions/population.csv");
    if (!text) return text.error();
    return parsePopulationCsv(*text);
}

Result<PremiumTable> loadPremiums(const std::string& dir) {
    auto text = readFile(dir + "/premiums.json");
    if (!text) return text.error();
    return parsePremiums(*text);
}

Result<Catalog> loadCatalog(const std::string& dir) {
    Catalog::Texts texts[2];
    const char* langs[2] = {"id", "en"};
    for (int i = 0; i < 2; ++i) {
        const std::string path = dir + "/i18n/" + langs[i] + ".json";
        auto text = readFile(path);
        if (!text) return text.error();
        auto doc = parseJson(*text);
        if (!doc || !doc->is_object())
            return Error{"i18n_invalid", "Berkas terjemahan rusak: " + path,
                         "The translation file is broken: " + path};
        for (const auto& [key, value] : doc->items()) {
            if (!value.is_string())
                return Error{"i18n_invalid", "Berkas terjemahan rusak: " + path + " (" + key + ")",
                             "The translation file is broken: " + path + " (" + key + ")"};
            texts[i].emplace(key, value.get<std::string>());
        }
    }
    return Catalog(std::move(texts[0]), std::move(texts[1]));
}

Result<std::vector<MaterialTopic>> loadMaterials(const std::string& dir) {
    auto text = readFile(dir + "/materials/materials.json");
    if (!text) return text.error();
    return parseMaterials(*text);
}

Result<Quiz> loadQuiz(const std::string& dir) {
    auto text = readFile(dir + "/quiz/jkn_basics.json");
    if (!text) return text.error();
    return parseQuiz(*text);
}

Result<Assets> loadAssets(const std::string& dir) {
    auto regions = loadRegions(dir);
    if (!regions) return regions.error();
    auto premiums = loadPremiums(dir);
    if (!premiums) return premiums.error();
    auto catalog = loadCatalog(dir);
    if (!catalog) return catalog.error();
    auto materials = loadMaterials(dir);
    if (!materials) return materials.error();
    auto quiz = loadQuiz(dir);
    if (!quiz) return quiz.error();
    return Assets{std::move(regions.value()), std::move(premiums.value()),
                  std::move(catalog.value()), std::move(materials.value()),
                  std::move(quiz.value())};
}

}  // namespace pekon
