#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hub/office_read.hpp"
#include "hub/web/console.hpp"

// What the verification pages share: the queue's filters as query parameters (never personal
// data: region codes, a device id, days, a segment, a check code, a state) and back, and the
// decision form (verified / needs correction with reason and note / rejected with reason).
namespace pekon::hub::web {

// The filter the query names; unknown states are ignored (the default: awaiting a decision).
QueueFilter filterOfQuery(const Form& query);
// The same filter as query parameters ("kec=18.06.01&state=verified"), without a leading '?'.
std::string queryOfFilter(const QueueFilter& filter);
// The filter's fields as hidden inputs (the export form carries the queue's filter).
void hiddenFilter(Html& html, const QueueFilter& filter);

// The controls of a decision (inside a form the caller opened with postForm): the choice, the
// reasons from office_state's lists, the note and the submit button. `prefix` makes the ids of
// two forms on one page distinct.
void decisionControls(Html& html, const PageContext& ctx, std::string_view prefix);

// A member's state as a tag; the check codes as warning tags.
void stateTag(Html& html, const PageContext& ctx, OfficeState state);
void checkTags(Html& html, const PageContext& ctx, const std::vector<std::string>& checks);

// A member's check tags and state tag as two table cells.
void checkAndStateCells(Html& html, const PageContext& ctx, const MemberRow& member);

// " Pregnant, due 2027-03" or " Baby" as a tag after a member's name (queue rank 0).
void motherInfantTags(Html& html, const PageContext& ctx, const MemberRow& member);

// Appends the signed-in staff member's audit line (action, target, detail JSON or "").
Status auditBy(PageContext& ctx, std::string_view action, std::string_view target,
               std::string detail = "");

// Form controls the filter forms share: <option> (selected or not); a labelled field's
// <div class="field"><label for=id>...</label> (the caller adds the control and closes the div);
// the same opened with a <select name=... id="f-NAME"> (the caller closes select and div); and
// the kecamatan select of the region table (name "kec", "" for all).
void option(Html& html, std::string_view value, const std::string& label, bool selected);
void fieldOpen(Html& html, const PageContext& ctx, std::string_view id, std::string_view key);
void selectOpen(Html& html, const PageContext& ctx, const char* name, const char* key);
void kecamatanSelect(Html& html, const PageContext& ctx, const std::string& selected);

// A village's name ("Baros, Kota Agung"), or its code when the region table lacks it.
std::string villageName(const PageContext& ctx, const std::string& village_code);
// NIK masked for the screen (the last four digits).
std::string maskedNik(const std::string& nik);
// The same, or "NIK menyusul" for a baby registered without one.
std::string shownNik(const PageContext& ctx, const std::string& nik);

}  // namespace pekon::hub::web
