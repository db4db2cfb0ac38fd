#include "core/household_draft.hpp"

#include "core/code_lookup.hpp"
#include "core/kk_number.hpp"
#include "core/text.hpp"

namespace pekon {

std::string_view stepCode(WizardStep step) {
    switch (step) {
        case WizardStep::location:
            return "location";
        case WizardStep::kk:
            return "kk";
        case WizardStep::members:
            return "members";
        case WizardStep::classes:
            return "classes";
        case WizardStep::documents:
            return "documents";
        case WizardStep::consent:
            return "consent";
        case WizardStep::review:
            return "review";
    }
    return "";
}

std::optional<WizardStep> parseStep(std::string_view text) {
    return findByCode(text, kAllSteps, stepCode);
}

namespace {

// The errors of the full validation whose field belongs to `fields` (prefix match).
void keep(const FieldErrors& all, std::initializer_list<std::string_view> fields,
          FieldErrors& into) {
    for (const FieldError& e : all) {
        for (std::string_view f : fields) {
            if (e.field.rfind(f, 0) == 0) {
                into.push_back(e);
                break;
            }
        }
    }
}

}  // namespace

FieldErrors validateStep(const HouseholdDraft& d, WizardStep step, const RegionTable& regions,
                         const Date& today, FieldErrors& warnings) {
    FieldErrors errors;
    const HouseholdValidation v = validateHousehold(d.household, regions, today);
    switch (step) {
        case WizardStep::location:
            if (d.district_code.empty() || !regions.district(d.district_code))
                errors.push_back(
                    {"district_code",
                     {"district_missing", "Pilih kecamatan.", "Choose the kecamatan."}});
            keep(v.errors, {"village_code", "address", "rt", "rw"}, errors);
            break;
        case WizardStep::kk:
            keep(v.errors, {"kk_number"}, errors);
            keep(v.warnings, {"kk_number"}, warnings);
            break;
        case WizardStep::members:
            // Classes are chosen on the next step.
            for (const FieldError& e : v.errors) {
                const bool is_class =
                    e.field.size() >= 6 && e.field.compare(e.field.size() - 6, 6, ".class") == 0;
                if (e.field.rfind("members", 0) == 0 && !is_class) errors.push_back(e);
            }
            keep(v.warnings, {"members"}, warnings);
            break;
        case WizardStep::classes:
            keep(v.errors, {"members"}, errors);
            break;
        case WizardStep::documents: {
            if (!d.household.documents.ktp && !d.household.documents.kk)
                errors.push_back({"documents",
                                  {"documents_missing", "Lihat minimal KTP atau KK.",
                                   "See at least the KTP or the KK."}});
            bool pbi = false;
            for (const Member& m : v.members) pbi = pbi || isPbi(m.segment);
            if (pbi && d.household.documents.pbi_basis.empty())
                errors.push_back(
                    {"documents.pbi_basis",
                     {"pbi_basis_missing", "Untuk peserta PBI, catat status DTKS/SKTM.",
                      "For PBI members, record the DTKS/SKTM status."}});
            break;
        }
        case WizardStep::consent:
            if (!d.household.consent.citizen_agreed || !d.household.consent.volunteer_attested)
                errors.push_back(
                    {"consent",
                     {"consent_missing",
                      "Persetujuan warga dan pernyataan kader wajib sebelum menyimpan.",
                      "The citizen's consent and the volunteer's attestation are required."}});
            break;
        case WizardStep::review:
            errors = v.errors;
            warnings = v.warnings;
            for (WizardStep s :
                 {WizardStep::location, WizardStep::documents, WizardStep::consent}) {
                FieldErrors w;
                for (FieldError& e : validateStep(d, s, regions, today, w)) {
                    bool seen = false;
                    for (const FieldError& x : errors)
                        seen = seen || (x.field == e.field && x.error.code == e.error.code);
                    if (!seen) errors.push_back(std::move(e));
                }
            }
            break;
    }
    return errors;
}

}  // namespace pekon
