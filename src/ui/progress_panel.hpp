#pragma once

#include "store/progress.hpp"
#include "ui/screen.hpp"
#include "ui/ui_context.hpp"

// The volunteer's week and to-do list on Home (store/progress): four counts, then one large
// button per thing to do (a correction or refusal opens the household, a draft resumes, a lead
// opens its session). Probe ids: home.week.<households|members|synced|verified>, home.todo.<i>,
// home.todo.none.
namespace pekon::ui {

// `own`: the signed-in user's list (else a supervisor reading a volunteer's: drafts stay shut).
void progressPanel(UiContext& ui, Navigator& nav, const VolunteerProgress& progress, bool own);

// The words of one to-do line (for tests and the screenshot tool).
std::string todoText(UiContext& ui, const TodoItem& item);

}  // namespace pekon::ui
