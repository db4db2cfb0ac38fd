#pragma once

#include <string>
#include <vector>

#include "scan/decoder.hpp"
#include "ui/screen.hpp"

namespace pekon::ui {

// "Import photo": the pictures in the device's photo folders, newest first; tapping one reads
// its codes (the thorough still-image path) and hands the payload to the screen below.
class PhotoImportScreen : public Screen {
  public:
    explicit PhotoImportScreen(scan::Symbologies formats) : formats_(formats) {}
    std::string_view name() const override { return "photo_import"; }
    Chrome chrome() const override { return {Chrome::Bar::volunteer, "photo.title", true}; }
    void drawContent(UiContext& ui, Navigator& nav) override;
    // Why the last photo gave nothing ("" when none was tapped, or it is being read).
    const std::string& problem() const { return problem_; }
    size_t photoCount() const { return photos_.size(); }

  private:
    struct Photo {
        std::string path;
        std::string label;  // file name and folder
    };
    void list(UiContext& ui);
    scan::Symbologies formats_;
    bool listed_ = false;
    std::vector<Photo> photos_;
    std::string reading_;  // a tapped photo, read on the next frame (after "reading..." shows)
    std::string status_;
    std::string problem_;
};

}  // namespace pekon::ui
