#include "core/catalog.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

using namespace pekon;

namespace {

Catalog sample() {
    return Catalog(
        {{"greeting", "Halo, {name}!"}, {"only.id", "Hanya Indonesia"}, {"pair", "{a} dan {b}"}},
        {{"greeting", "Hello, {name}!"}, {"only.en", "English only"}, {"pair", "{a} and {b}"}});
}

}  // namespace

TEST_CASE("catalog: texts by language with fallbacks") {
    const Catalog c = sample();
    CHECK(c.text("greeting", Lang::id) == "Halo, {name}!");
    CHECK(c.text("greeting", Lang::en) == "Hello, {name}!");
    CHECK(c.text("only.id", Lang::en) == "Hanya Indonesia");  // English falls back to Indonesian
    CHECK(c.text("only.en", Lang::en) == "English only");
    CHECK(c.text("only.en", Lang::id) == "only.en");  // no fallback to English: the key
    CHECK(c.text("missing.key", Lang::id) == "missing.key");
    CHECK(c.text("missing.key", Lang::en) == "missing.key");
    CHECK(Catalog().text("x", Lang::en) == "x");
}

TEST_CASE("catalog: placeholders") {
    const Catalog c = sample();
    CHECK(c.text("greeting", Lang::id, {{"name", "Budi"}}) == "Halo, Budi!");
    CHECK(c.text("greeting", Lang::en, {{"name", "Siti"}}) == "Hello, Siti!");
    CHECK(c.text("pair", Lang::en, {{"a", "1"}, {"b", "2"}}) == "1 and 2");
    CHECK(c.text("pair", Lang::en, {{"a", "x"}}) == "x and {b}");  // missing args stay visible
    CHECK(c.text("greeting", Lang::en, {{"other", "z"}}) == "Hello, {name}!");
    // A value holding its own token is not substituted again.
    CHECK(c.text("greeting", Lang::en, {{"name", "{name}{name}"}}) == "Hello, {name}{name}!");
    const Catalog twice({{"k", "{n}+{n}"}}, {});
    CHECK(twice.text("k", Lang::id, {{"n", "7"}}) == "7+7");
}

TEST_CASE("catalog: missingKeys lists keys in one language only") {
    auto missing = sample().missingKeys();
    std::sort(missing.begin(), missing.end());
    CHECK(missing == std::vector<std::string>{"only.en", "only.id"});
    CHECK(Catalog().missingKeys().empty());
    CHECK(sample().texts(Lang::id).size() == 3);
    CHECK(sample().texts(Lang::en).count("only.en") == 1);
}

TEST_CASE("catalog: the shipped catalog has every key in both languages") {
    const Catalog& c = test::assets().catalog;
    CHECK(c.missingKeys().empty());
    CHECK(c.text("app.name", Lang::id) == "Pekon");
    CHECK_FALSE(c.texts(Lang::id).empty());
}
