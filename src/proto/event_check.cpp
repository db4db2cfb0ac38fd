#include "proto/event_check.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/text.hpp"

namespace pekon {

namespace {

Error invalid(const std::string& field, const std::string& what_id, const std::string& what_en) {
    return Error{"invalid", "Kolom " + field + " " + what_id + ".",
                 "Field " + field + " " + what_en + "."};
}

std::optional<Error> needText(const Json& data, const char* key, bool allow_empty = false) {
    if (!data.contains(key) || !data[key].is_string())
        return invalid(key, "wajib berupa teks", "must be text");
    if (!allow_empty && data[key].get_ref<const std::string&>().empty())
        return invalid(key, "tidak boleh kosong", "must not be empty");
    return std::nullopt;
}

std::optional<Error> needDigits(const Json& data, const char* key, size_t count) {
    if (auto e = needText(data, key)) return e;
    const std::string& v = data[key].get_ref<const std::string&>();
    if (v.size() != count || !isAllDigits(v))
        return invalid(key, "harus " + std::to_string(count) + " angka",
                       "must be " + std::to_string(count) + " digits");
    return std::nullopt;
}

std::optional<Error> needInt(const Json& data, const char* key, std::int64_t lo, std::int64_t hi) {
    if (!data.contains(key) || !data[key].is_number_integer())
        return invalid(key, "wajib berupa bilangan bulat", "must be an integer");
    const std::int64_t v = data[key].get<std::int64_t>();
    if (v < lo || v > hi)
        return invalid(key, "di luar rentang " + std::to_string(lo) + ".." + std::to_string(hi),
                       "is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return std::nullopt;
}

std::optional<Error> needOneOf(const Json& data, const char* key,
                               std::initializer_list<std::string_view> values) {
    if (auto e = needText(data, key)) return e;
    const std::string& v = data[key].get_ref<const std::string&>();
    if (std::find(values.begin(), values.end(), v) == values.end())
        return invalid(key, "tidak dikenal", "has an unknown value");
    return std::nullopt;
}

// A member's NIK: 16 digits, or "" with nik_pending true (a baby without a NIK yet; added in
// issue 15, optional).
std::optional<Error> memberNik(const Json& data) {
    if (auto it = data.find("nik_pending"); it != data.end()) {
        if (!it->is_boolean())
            return invalid("nik_pending", "wajib true atau false", "must be true or false");
        if (it->get<bool>()) {
            if (auto e = needText(data, "nik", true)) return e;
            if (!data["nik"].get_ref<const std::string&>().empty())
                return invalid("nik", "harus kosong bila nik_pending", "must be empty when nik_pending");
            return std::nullopt;
        }
    }
    return needDigits(data, "nik", 16);
}

// pregnancy_due (added in issue 15, optional): the expected month of delivery, YYYY-MM.
std::optional<Error> dueMonth(const Json& data) {
    auto it = data.find("pregnancy_due");
    if (it == data.end()) return std::nullopt;
    const bool ok = it->is_string() && it->get_ref<const std::string&>().size() == 7 &&
                    static_cast<bool>(parseIsoDate(it->get_ref<const std::string&>() + "-01"));
    if (!ok) return invalid("pregnancy_due", "bukan bulan TTTT-BB", "is not a YYYY-MM month");
    return std::nullopt;
}

template <class... Checks>
std::optional<Error> first(Checks&&... checks) {
    std::optional<Error> found;
    ((found = found ? found : checks()), ...);
    return found;
}

}  // namespace

std::optional<Error> checkEvent(const WireEvent& e) {
    if (e.seq < 1)
        return invalid("seq", "wajib bilangan bulat positif", "must be a positive integer");
    if (!parseRfc3339(e.at))
        return invalid("at", "bukan waktu RFC 3339", "is not an RFC 3339 time");
    if (e.type.empty()) return invalid("type", "wajib diisi", "is required");
    if (!e.data.is_object()) return invalid("data", "wajib berupa objek", "must be an object");
    const Json& d = e.data;
    auto text = [&](const char* key) { return [&d, key] { return needText(d, key); }; };
    auto textOrEmpty = [&](const char* key) {
        return [&d, key] { return needText(d, key, true); };
    };
    if (e.type == "household.registered") {
        return first(
            text("household_id"), [&] { return needDigits(d, "kk_number", 16); },
            text("village_code"), textOrEmpty("address"), textOrEmpty("rt"), textOrEmpty("rw"));
    }
    if (e.type == "member.registered") {
        return first(
            text("member_id"), text("household_id"), [&] { return memberNik(d); },
            text("name"),
            [&]() -> std::optional<Error> {
                if (auto t = needText(d, "birth_date")) return t;
                if (!parseIsoDate(d["birth_date"].get_ref<const std::string&>()))
                    return invalid("birth_date", "bukan tanggal TTTT-BB-HH",
                                   "is not a YYYY-MM-DD date");
                return std::nullopt;
            },
            [&] {
                return needOneOf(d, "sex", {"M", "F"});
            },
            text("relation"), text("segment"), [&] { return needInt(d, "class", 1, 3); },
            [&] { return dueMonth(d); });
    }
    if (e.type == "member.corrected") return needText(d, "member_id");
    if (e.type == "session.held") {
        return first(text("session_id"), text("village_code"), text("method"), text("topic"),
                     text("started_at"), [&]() -> std::optional<Error> {
                         if (!d.contains("facilitators"))
                             return invalid("facilitators", "wajib diisi", "is required");
                         return std::nullopt;
                     });
    }
    if (e.type == "session.attended") return first(text("session_id"), text("attendee"));
    if (e.type == "session.lead")  // added in issue 15
        return first(text("lead_id"), text("session_id"), text("attendee_id"));
    if (e.type == "lead.registered")  // added in issue 15
        return first(text("lead_id"), text("household_id"));
    if (e.type == "quiz.answered") {
        return first(
            text("session_id"),
            [&] {
                return needOneOf(d, "phase", {"pre", "post"});
            },
            [&] { return needInt(d, "max_score", 1, 1000); },
            [&]() -> std::optional<Error> {
                const std::int64_t max = d["max_score"].get<std::int64_t>();
                return needInt(d, "score", 0, max);
            });
    }
    if (e.type == "feedback.submitted") {
        return first(
            text("category"), [&] { return needInt(d, "rating", 1, 5); }, textOrEmpty("text"),
            [&]() -> std::optional<Error> {  // added in issue 15: optional
                if (d.contains("complaint") && !d["complaint"].is_boolean())
                    return invalid("complaint", "wajib true atau false", "must be true or false");
                return std::nullopt;
            });
    }
    return Error{"unknown_type", "Jenis peristiwa tidak dikenal: " + e.type + ".",
                 "Unknown event type: " + e.type + "."};
}

}  // namespace pekon
