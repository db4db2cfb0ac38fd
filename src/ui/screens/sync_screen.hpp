#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "store/event_log.hpp"
#include "store/store.hpp"
#include "sync/worker.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// Sync with the district office's pekon-hub: enrolment of the device (by scanning the
// office's QR code or pasting its pekon://enrol URI), then what waits in the outbox, when the
// last sync worked, the last error in plain words, progress, the events the hub refused with
// its reason, and Sync now. The work itself runs on the background SyncWorker.
class SyncScreen : public Screen {
  public:
    std::string_view name() const override { return "sync"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "sync.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    bool onScan(UiContext& ui, Navigator& nav, const ScanPayload& payload) override;
    const std::string& problem() const { return problem_; }

  private:
    void refresh(UiContext& ui);
    // With the worker's state as read once at the start of the frame.
    void drawEnrolment(UiContext& ui, Navigator& nav, const sync::WorkerState& s);
    void drawLinked(UiContext& ui, Navigator& nav, const sync::WorkerState& s);
    UnixSeconds refreshed_at_ = -1;
    bool was_running_ = false;
    std::optional<OutboxCounts> outbox_;
    std::vector<Event> rejected_;
    std::string problem_;  // a paste that is not an enrolment URI, a read error
};

// The plain-words explanation of a sync error for the person holding the tablet.
std::string syncErrorText(UiContext& ui, const Error& e);

}  // namespace pekon::ui
