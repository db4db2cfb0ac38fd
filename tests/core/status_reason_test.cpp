#include "core/status_reason.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace pekon;

using S = MemberStatus;

TEST_CASE("office reasons: the lists, and an unknown code is shown as other", "[status_reason]") {
    CHECK(correctionReasonCodes().size() == 10);
    CHECK(rejectionReasonCodes().size() == 6);
    CHECK(correctionReasonCodes().back() == "other");
    CHECK(rejectionReasonCodes().back() == "other");
    CHECK(shownReasonCode(S::needs_correction, "nik_unreadable") == "nik_unreadable");
    CHECK(shownReasonCode(S::needs_correction, "segment_class") == "segment_class");
    CHECK(shownReasonCode(S::rejected, "deceased") == "deceased");
    // Each list is its decision's own: a rejection's reason is no correction's, and back.
    CHECK(shownReasonCode(S::needs_correction, "deceased") == "other");
    CHECK(shownReasonCode(S::rejected, "nik_unreadable") == "other");
    // A newer hub's code, or none.
    CHECK(shownReasonCode(S::needs_correction, "photo_blurred") == "other");
    CHECK(shownReasonCode(S::rejected, "") == "other");
}

TEST_CASE("office reasons: what is kept of a reason and a note is bounded", "[status_reason]") {
    CHECK(keptReasonCode("nik_mismatch") == "nik_mismatch");
    CHECK(keptReasonCode("photo_blurred") == "photo_blurred");  // unknown, kept as sent
    CHECK(keptReasonCode("") == "");
    CHECK(keptReasonCode("NIK salah") == "other");  // not a code
    CHECK(keptReasonCode("<script>") == "other");
    CHECK(keptReasonCode(std::string(64, 'a')) == std::string(64, 'a'));
    CHECK(keptReasonCode(std::string(65, 'a')) == "other");

    CHECK(keptOfficeNote("Tulis nama sesuai KTP: Siti Aminah") ==
          "Tulis nama sesuai KTP: Siti Aminah");
    CHECK(keptOfficeNote(std::string(500, 'x')).size() == 500);
    CHECK(keptOfficeNote(std::string(10'000, 'x')).size() == 500);
    // 499 ASCII bytes then "é" (2 bytes): cut before it, never inside it.
    const std::string accented = std::string(499, 'x') + "\xC3\xA9" + "tail";
    CHECK(keptOfficeNote(accented) == std::string(499, 'x'));
    CHECK(keptOfficeNote("bad \xFF byte").empty());
}

TEST_CASE("office reasons: where a member stands with the office's last word", "[status_reason]") {
    CHECK(officeRequest(S::needs_correction, "needs_correction") ==
          OfficeRequest::needs_correction);
    CHECK(officeRequest(S::rejected, "rejected") == OfficeRequest::rejected);
    CHECK(officeRequest(S::rejected, "") == OfficeRequest::rejected);  // a hub before issue 14
    // Corrected: queued, then synced, until the office decides again.
    CHECK(officeRequest(S::queued, "needs_correction") == OfficeRequest::correction_sent);
    CHECK(officeRequest(S::synced, "rejected") == OfficeRequest::correction_sent);
    CHECK(officeRequest(S::queued, "") == OfficeRequest::none);
    CHECK(officeRequest(S::verified, "") == OfficeRequest::none);
    CHECK(officeRequest(S::card_issued, "needs_correction") == OfficeRequest::none);
    CHECK(officeRequestCode(OfficeRequest::correction_sent) == "correction_sent");
    CHECK(officeRequestCode(OfficeRequest::none) == "none");
}

TEST_CASE("office reasons: the i18n keys of the line shown", "[status_reason]") {
    auto asked = officeRequestKeys(S::needs_correction, "needs_correction", "kk_mismatch");
    REQUIRE(asked);
    CHECK(asked->line == "household.needs_correction");
    CHECK(asked->reason == "reason.needs_correction.kk_mismatch");
    auto refused = officeRequestKeys(S::rejected, "rejected", "photo_blurred");
    REQUIRE(refused);
    CHECK(refused->line == "household.rejected_reason");
    CHECK(refused->reason == "reason.rejected.other");
    // Corrected after a refusal: the reason is read from the refusal's list.
    auto sent = officeRequestKeys(S::synced, "rejected", "duplicate");
    REQUIRE(sent);
    CHECK(sent->line == "household.correction_sent");
    CHECK(sent->reason == "reason.rejected.duplicate");
    CHECK_FALSE(officeRequestKeys(S::rejected, "", ""));  // a hub before issue 14
    CHECK_FALSE(officeRequestKeys(S::verified, "", ""));
    CHECK_FALSE(officeRequestKeys(S::synced, "", ""));
}
