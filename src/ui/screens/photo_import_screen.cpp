#include "ui/screens/photo_import_screen.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "scan/image_file.hpp"
#include "scan/sandbox_decoder.hpp"
#include "ui/scan_settings.hpp"
#include "ui/widgets.hpp"

namespace pekon::ui {

namespace {

constexpr size_t kMaxPhotos = 200;

bool isPicture(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".bmp" || ext == ".gif";
}

}  // namespace

void PhotoImportScreen::list(UiContext& ui) {
    listed_ = true;
    namespace fs = std::filesystem;
    struct Found {
        fs::file_time_type time;
        Photo photo;
    };
    std::vector<Found> found;
    const std::vector<std::string> folders =
        ui.devices.photo_folders ? ui.devices.photo_folders() : std::vector<std::string>{};
    for (const std::string& folder : folders) {
        std::error_code ec;
        // The folder and its sub-folders two levels down (DCIM/Camera, a memory card's DCIM).
        fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied,
                                            ec),
            end;
        for (; !ec && it != end && found.size() < 4 * kMaxPhotos; it.increment(ec)) {
            if (it.depth() >= 2) it.disable_recursion_pending();
            std::error_code file_ec;
            if (!it->is_regular_file(file_ec) || !isPicture(it->path())) continue;
            const auto time = it->last_write_time(file_ec);
            if (file_ec) continue;
            found.push_back({time,
                             {it->path().string(), it->path().filename().string() + "  ·  " +
                                                       it->path().parent_path().string()}});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.time > b.time; });
    if (found.size() > kMaxPhotos) found.resize(kMaxPhotos);
    for (auto& f : found) photos_.push_back(std::move(f.photo));
}

void PhotoImportScreen::drawContent(UiContext& ui, Navigator& nav) {
    if (!listed_) list(ui);
    if (!reading_.empty()) {
        // Read now: the previous frame already showed "reading...".
        const std::string path = std::exchange(reading_, std::string());
        status_.clear();
        auto image = scan::loadImageFile(path);
        if (!image) {
            problem_ = ui.errorText(image.error());
        } else {
            // In a worker process: a photo the decoder crashes on costs that photo only.
            scan::SandboxDecoder decoder(formats_);
            const auto codes = decoder.decodeStill(image->view());
            if (!codes) {
                problem_ = ui.errorText(codes.error());
            } else if (codes->empty()) {
                problem_ = ui.t("photo.no_code");
            } else {
                nav.pop();
                nav.deliverScan(choosePayload(ui, *codes));
                return;
            }
        }
    }
    if (!status_.empty()) textMuted(status_);
    if (!problem_.empty()) textError(problem_);
    if (photos_.empty()) {
        textMuted(ui.t("photo.empty"));
        return;
    }
    textMuted(ui.t("photo.choose"));
    ImGui::BeginChild("photos", ImVec2(0, 0), false);
    dragScroll();
    for (size_t i = 0; i < photos_.size(); ++i) {
        if (button(ui, "photo." + std::to_string(i), photos_[i].label,
                   ImVec2(ImGui::GetContentRegionAvail().x, ui.px(64)), ButtonStyle::secondary)) {
            reading_ = photos_[i].path;
            problem_.clear();
            status_ = ui.t("photo.reading");
            ui.animating = true;
        }
    }
    ImGui::EndChild();
}

}  // namespace pekon::ui
