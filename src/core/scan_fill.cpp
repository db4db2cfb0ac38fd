#include "core/scan_fill.hpp"

namespace pekon {

bool fillMemberFromScan(const ScanPayload& p, MemberInput& m) {
    if (p.kind == PayloadKind::card && !p.card_number.empty()) {
        m.existing_card = p.card_number;
        return true;
    }
    if (p.kind != PayloadKind::nik || p.nik.empty()) return false;
    m.nik = p.nik;
    if (!p.name.empty()) m.name = p.name;
    if (p.birth_date) m.birth_date = formatIsoDate(*p.birth_date);
    if (p.sex) m.sex = std::string(sexCode(*p.sex));
    if (!p.card_number.empty()) m.existing_card = p.card_number;
    return true;
}

bool fillKkFromScan(const ScanPayload& p, std::string& kk_number) {
    if (p.kk_number.empty()) return false;
    kk_number = p.kk_number;
    return true;
}

}  // namespace pekon
