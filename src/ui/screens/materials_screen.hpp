#pragma once

#include <string>

#include "ui/screen.hpp"

namespace pekon::ui {

// The socialization materials, shown to a group: the topics down the side, one page at a time
// in large type, big Previous / Next buttons (Next runs on into the next topic), and the
// language switch at hand (the material is in both languages).
class MaterialsScreen : public Screen {
  public:
    explicit MaterialsScreen(const std::string& topic_key = {}) : start_topic_(topic_key) {}
    std::string_view name() const override { return "materials"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "materials.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    size_t topic() const { return topic_; }
    size_t page() const { return page_; }

  private:
    std::string start_topic_;
    bool started_ = false;
    size_t topic_ = 0;
    size_t page_ = 0;
};

}  // namespace pekon::ui
