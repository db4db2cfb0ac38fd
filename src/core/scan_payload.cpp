#include "core/scan_payload.hpp"

#include "core/kk_number.hpp"
#include "core/nik.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Shown text: valid UTF-8 (bad bytes become '?'), control characters as spaces, 500 bytes.
std::string displayable(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size() && out.size() < 500;) {
        const auto c = static_cast<unsigned char>(text[i]);
        size_t len = c < 0x80             ? 1
                     : (c & 0xE0) == 0xC0 ? 2
                     : (c & 0xF0) == 0xE0 ? 3
                     : (c & 0xF8) == 0xF0 ? 4
                                          : 0;
        if (len > 1 && (i + len > text.size() || !isValidUtf8(text.substr(i, len)))) len = 0;
        if (len == 0) {
            out.push_back('?');
            ++i;
        } else if (len == 1) {
            out.push_back(c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c));
            ++i;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string urlDecode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out.push_back(' ');
        } else if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 &&
                   hexValue(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

// "a=1&b=2" (or ';', '|', new lines as separators; ':' also separates key and value).
std::map<std::string, std::string> keyValues(std::string_view text, bool url) {
    std::map<std::string, std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of(url ? "&" : ";|\n&", start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view pair = trim(text.substr(start, end - start));
        const size_t eq = pair.find_first_of(url ? "=" : "=:");
        if (eq != std::string_view::npos && eq > 0) {
            const std::string key = lower(trim(pair.substr(0, eq)));
            const std::string value(trim(pair.substr(eq + 1)));
            out[url ? urlDecode(key) : key] = url ? urlDecode(value) : value;
        }
        start = end + 1;
    }
    return out;
}

// A minimal reader of a flat JSON object of strings and numbers: enough for the payloads of
// ID cards (nested values are skipped). Returns false when the text is not such an object.
bool flatJson(std::string_view t, std::map<std::string, std::string>& out) {
    size_t i = 0;
    auto ws = [&] {
        while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
    };
    auto str = [&](std::string& s) {
        if (i >= t.size() || t[i] != '"') return false;
        for (++i; i < t.size() && t[i] != '"'; ++i) {
            if (t[i] == '\\' && i + 1 < t.size()) {
                ++i;
                s.push_back(t[i] == 'n' ? '\n' : t[i] == 't' ? '\t' : t[i]);
            } else {
                s.push_back(t[i]);
            }
        }
        if (i >= t.size()) return false;
        ++i;
        return true;
    };
    ws();
    if (i >= t.size() || t[i] != '{') return false;
    ++i;
    for (;;) {
        ws();
        if (i < t.size() && t[i] == '}') return true;
        std::string key, value;
        if (!str(key)) return false;
        ws();
        if (i >= t.size() || t[i] != ':') return false;
        ++i;
        ws();
        if (i < t.size() && t[i] == '"') {
            if (!str(value)) return false;
        } else {
            int depth = 0;  // a number, literal, or a nested value we step over
            while (i < t.size() && (depth > 0 || (t[i] != ',' && t[i] != '}'))) {
                if (t[i] == '{' || t[i] == '[') ++depth;
                if (t[i] == '}' || t[i] == ']') --depth;
                value.push_back(t[i++]);
            }
            value = std::string(trim(value));
        }
        out[lower(key)] = value;
        ws();
        if (i < t.size() && t[i] == ',') {
            ++i;
            continue;
        }
        ws();
        return i < t.size() && t[i] == '}';
    }
}

std::string pick(const std::map<std::string, std::string>& m,
                 std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        if (auto it = m.find(k); it != m.end() && !it->second.empty()) return it->second;
    }
    return {};
}

// "1985-07-01", "01-07-1985", "01/07/1985".
std::optional<Date> looseDate(std::string_view s) {
    s = trim(s);
    if (auto d = parseIsoDate(s)) return *d;
    if (s.size() == 10 && (s[2] == '-' || s[2] == '/') && s[5] == s[2]) {
        const std::string iso = std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) +
                                "-" + std::string(s.substr(0, 2));
        if (auto d = parseIsoDate(iso)) return *d;
    }
    return std::nullopt;
}

std::optional<Sex> looseSex(std::string_view s) {
    const std::string l = lower(trim(s));
    if (auto sex = parseSex(l)) return sex;
    if (l == "laki-laki" || l == "laki laki" || l == "pria" || l == "male") return Sex::male;
    if (l == "perempuan" || l == "wanita" || l == "female") return Sex::female;
    return std::nullopt;
}

// Fills `p` from the usual Indonesian keys; true when a NIK, KK or card number was found.
bool fromFields(const std::map<std::string, std::string>& f, const RegionTable& regions,
                const Date& today, ScanPayload& p) {
    const std::string nik = pick(f, {"nik", "no_nik", "nomor_nik"});
    const std::string kk = pick(f, {"no_kk", "nomor_kk", "kk", "nokk"});
    const std::string card =
        pick(f, {"no_kartu", "nomor_kartu", "noka", "no_bpjs", "card", "card_number"});
    p.name = pick(f, {"nama", "name", "nama_lengkap"});
    p.birth_date = looseDate(pick(f, {"tgl_lahir", "tanggal_lahir", "birth_date", "tgllahir"}));
    p.sex = looseSex(pick(f, {"jk", "jenis_kelamin", "sex", "gender"}));
    if (!nik.empty()) {
        auto info = parseNik(nik, regions, today);
        if (!info) {
            p.problem = info.error();
            return false;
        }
        p.kind = PayloadKind::nik;
        p.nik = info->digits;
        p.warnings = info->warnings;
        // The code's own birth date and sex are checked against the NIK: a warning, not a refusal.
        auto checked = parseNik(nik, regions, today, NikCheck{p.birth_date, p.sex});
        if (!checked) p.warnings.push_back(checked.error());
        if (!kk.empty()) {
            if (auto k = parseKkNumber(kk, regions, today)) p.kk_number = k->digits;
        }
        return true;
    }
    if (!kk.empty()) {
        auto k = parseKkNumber(kk, regions, today);
        if (!k) {
            p.problem = k.error();
            return false;
        }
        p.kind = PayloadKind::kk;
        p.kk_number = k->digits;
        return true;
    }
    if (!card.empty()) {
        auto c = parseCardNumber(card);
        if (!c) {
            p.problem = c.error();
            return false;
        }
        p.kind = PayloadKind::card;
        p.card_number = *c;
        return true;
    }
    return false;
}

bool pekonUri(std::string_view text, ScanPayload& p) {
    const std::string l = lower(text.substr(0, 8));
    if (l != "pekon://") return false;
    std::string_view rest = text.substr(8);
    const size_t q = rest.find('?');
    const std::string host = lower(rest.substr(0, q));
    if (q != std::string_view::npos) p.params = keyValues(rest.substr(q + 1), true);
    struct Kind {
        const char* host;
        PayloadKind kind;
        std::initializer_list<const char*> required;
    };
    static const Kind kKinds[] = {{"receipt", PayloadKind::receipt, {"id"}},
                                  {"enrol", PayloadKind::enrol, {"hub", "token"}},
                                  {"session", PayloadKind::session, {"id"}},
                                  {"user", PayloadKind::user, {"id"}},
                                  {"ticket", PayloadKind::ticket, {"n"}}};
    for (const Kind& k : kKinds) {
        if (host != k.host) continue;
        for (const char* r : k.required) {
            if (p.params[r].empty()) {
                p.problem = Error{"payload_incomplete", "Kode Pekon ini tidak lengkap.",
                                  "This Pekon code is incomplete."};
                return true;
            }
        }
        p.kind = k.kind;
        return true;
    }
    p.problem = Error{"payload_unknown_pekon", "Jenis kode Pekon tidak dikenal.",
                      "Unknown kind of Pekon code."};
    return true;
}

}  // namespace

std::string_view payloadKindCode(PayloadKind kind) {
    switch (kind) {
        case PayloadKind::nik:
            return "nik";
        case PayloadKind::kk:
            return "kk";
        case PayloadKind::card:
            return "card";
        case PayloadKind::receipt:
            return "receipt";
        case PayloadKind::enrol:
            return "enrol";
        case PayloadKind::session:
            return "session";
        case PayloadKind::user:
            return "user";
        case PayloadKind::ticket:
            return "ticket";
        case PayloadKind::unknown:
            return "unknown";
    }
    return "unknown";
}

ScanPayload parsePayload(std::string_view text, const RegionTable& regions, const Date& today) {
    ScanPayload p;
    p.raw = displayable(text);
    if (text.size() > kMaxPayloadBytes) {
        p.problem = Error{"payload_too_large", "Isi kode terlalu panjang.",
                          "The code's content is too long."};
        return p;
    }
    const std::string_view t = trim(text);
    if (pekonUri(t, p)) return p;

    std::map<std::string, std::string> fields;
    if (flatJson(t, fields)) {
        if (!fromFields(fields, regions, today, p) && !p.problem)
            p.problem =
                Error{"payload_no_number", "Kode ini tidak berisi NIK, nomor KK atau nomor kartu.",
                      "This code holds no NIK, KK number or card number."};
        return p;
    }
    const size_t query = t.find('?');
    const bool url =
        query != std::string_view::npos && t.find('=', query) != std::string_view::npos;
    // key=value lists, URL queries, and the "KEY:VALUE;..." form some ID-card codes use.
    if (url || t.find('=') != std::string_view::npos || t.find(':') != std::string_view::npos) {
        fields = keyValues(url ? t.substr(query + 1) : t, url);
        if (fromFields(fields, regions, today, p) || p.problem) return p;
    }

    // Bare numbers: a NIK or a KK number (16 digits), a card number (13).
    const std::string compact = compactNumber(t);
    if (compact.size() == 16 && isAllDigits(compact)) {
        if (auto nik = parseNik(compact, regions, today)) {
            p.kind = PayloadKind::nik;
            p.nik = nik->digits;
            p.warnings = nik->warnings;
            return p;
        }
        if (auto kk = parseKkNumber(compact, regions, today)) {
            p.kind = PayloadKind::kk;
            p.kk_number = kk->digits;
            return p;
        }
    }
    if (compact.size() == 13 && isAllDigits(compact)) {
        p.kind = PayloadKind::card;
        p.card_number = compact;
        return p;
    }
    // A NIK inside other text: a run of exactly 16 digits.
    for (size_t i = 0; i < t.size();) {
        if (!isAsciiDigit(t[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < t.size() && isAsciiDigit(t[j])) ++j;
        if (j - i == 16) {
            if (auto nik = parseNik(t.substr(i, 16), regions, today)) {
                p.kind = PayloadKind::nik;
                p.nik = nik->digits;
                p.warnings = nik->warnings;
                return p;
            }
        }
        i = j;
    }
    p.problem =
        Error{"payload_not_recognised", "Kode tidak dikenali; isinya ditampilkan apa adanya.",
              "The code was not recognised; its content is shown as it is."};
    return p;
}

}  // namespace pekon
