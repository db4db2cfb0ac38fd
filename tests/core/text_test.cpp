#include "core/text.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace pekon;

TEST_CASE("text: isAsciiDigit and isAllDigits") {
    CHECK(isAsciiDigit('0'));
    CHECK(isAsciiDigit('9'));
    CHECK_FALSE(isAsciiDigit('a'));
    CHECK_FALSE(isAsciiDigit('/'));
    CHECK_FALSE(isAsciiDigit(':'));
    CHECK(isAllDigits("0123456789"));
    CHECK_FALSE(isAllDigits(""));
    CHECK_FALSE(isAllDigits("12 3"));
    CHECK_FALSE(isAllDigits("-1"));
    CHECK_FALSE(isAllDigits("\xD9\xA1"));  // Arabic-Indic digit one
}

TEST_CASE("text: trim removes ASCII white space at both ends only") {
    CHECK(trim("  a b  ") == "a b");
    CHECK(trim("\t\r\n\f\vx\v\f\n\r\t") == "x");
    CHECK(trim("") == "");
    CHECK(trim(" \t ") == "");
    CHECK(trim("x") == "x");
    CHECK(trim("\xC2\xA0x") == "\xC2\xA0x");  // a UTF-8 no-break space is not ASCII white space
}

TEST_CASE("text: searchKey lower-cases ASCII and drops white space") {
    CHECK(searchKey("Negeri Ratu") == "negeriratu");
    CHECK(searchKey(" NEGERI\tRATU \n") == "negeriratu");
    CHECK(searchKey("Way Halom-2") == "wayhalom-2");
    CHECK(searchKey("\xC3\x89lise") == "\xC3\x89lise");  // UTF-8 passes unchanged
    CHECK(searchKey("") == "");
}

TEST_CASE("text: isValidUtf8") {
    CHECK(isValidUtf8(""));
    CHECK(isValidUtf8("plain ASCII"));
    CHECK(isValidUtf8("\xC3\xA9"));                // é
    CHECK(isValidUtf8("\xE2\x82\xAC"));            // €
    CHECK(isValidUtf8("\xF0\x9F\x98\x80"));        // 😀
    CHECK(isValidUtf8("\xF4\x8F\xBF\xBF"));        // U+10FFFF
    CHECK(isValidUtf8("\xED\x9F\xBF"));            // U+D7FF, just below the surrogates
    CHECK_FALSE(isValidUtf8("\xC3"));              // truncated
    CHECK_FALSE(isValidUtf8("\xE2\x82"));          // truncated
    CHECK_FALSE(isValidUtf8("\x80"));              // lone continuation
    CHECK_FALSE(isValidUtf8("\xC3\x28"));          // bad continuation
    CHECK_FALSE(isValidUtf8("\xC0\x80"));          // overlong NUL
    CHECK_FALSE(isValidUtf8("\xE0\x80\xAF"));      // overlong '/'
    CHECK_FALSE(isValidUtf8("\xF0\x82\x82\xAC"));  // overlong €
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // U+D800 surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(isValidUtf8("\xF8\x88\x80\x80\x80"));
    CHECK_FALSE(isValidUtf8("\xFF"));
    CHECK_FALSE(isValidUtf8("ok\xFEok"));
}

TEST_CASE("text: maskDigits keeps the last digits") {
    CHECK(maskDigits("1806011407850003") == "************0003");
    CHECK(maskDigits("0001234567890", 3) == "**********890");
    CHECK(maskDigits("12345", 0) == "*****");
    CHECK(maskDigits("12345") == "*2345");
    CHECK(maskDigits("1234") == "****");  // never the whole number
    CHECK(maskDigits("12") == "**");
    CHECK(maskDigits("") == "");
}

TEST_CASE("wipeText zeroes the whole buffer before emptying the text") {
    for (std::string text :
         {std::string("1806016208850002"), std::string(200, 'x') + "Siti Aminah"}) {
        const std::size_t capacity = text.capacity();
        wipeText(text);
        CHECK(text.empty());
        CHECK(text.capacity() == capacity);  // the same buffer, now all zeros
        std::size_t nonzero = 0;
        for (std::size_t i = 0; i < capacity; ++i) nonzero += text.data()[i] != '\0';
        CHECK(nonzero == 0);
    }
}
