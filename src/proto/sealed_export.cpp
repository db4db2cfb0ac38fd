#include "proto/sealed_export.hpp"

namespace pekon {

namespace {

constexpr std::string_view kHeader = "PEKON-SEALED-CSV 1\n";

}  // namespace

Result<std::string> sealExport(std::string_view hub_public_key, std::string_view content) {
    auto box = vault::sealTo(hub_public_key, content);
    if (!box) return box.error();
    return std::string(kHeader) + *box + "\n";
}

Result<std::string> openExport(const vault::BoxKeys& hub_keys, std::string_view file_text) {
    if (file_text.substr(0, kHeader.size()) != kHeader)
        return Error{"export_not_sealed", "Berkas ini bukan ekspor tersegel dari Pekon.",
                     "This file is not a sealed Pekon export."};
    std::string_view body = file_text.substr(kHeader.size());
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.remove_suffix(1);
    auto opened = vault::openSealed(hub_keys, body);
    if (!opened)
        return Error{"export_unreadable",
                     "Ekspor ini tidak bisa dibuka dengan kunci hub ini (hub lain, atau berkas "
                     "diubah).",
                     "This export does not open with this hub's key (another hub's, or the file "
                     "was altered)."};
    return *opened;
}

}  // namespace pekon
