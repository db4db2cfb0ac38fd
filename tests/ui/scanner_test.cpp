// The scanner in the touch app, headless, with real images decoded by the real decoder: the
// camera overlay (a frame source made of sample image files), photo import, the keyboard-wedge
// scanner, where scans go, the device settings, and the camera's lifetime.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include "core/text.hpp"
#include "scan/decoder.hpp"
#include "scan/image_file.hpp"
#include "store/settings.hpp"
#include "store/users.hpp"
#include "support/scan_samples.hpp"
#include "support/ui_walk.hpp"
#include "ui/headless.hpp"
#include "ui/screens/households_screen.hpp"
#include "ui/screens/photo_import_screen.hpp"
#include "ui/screens/scan_result_screen.hpp"
#include "ui/screens/scanner_screen.hpp"
#include "ui/screens/settings_screen.hpp"
#include "ui/screens/wizard_screen.hpp"

using namespace pekon;
using namespace std::chrono_literals;

namespace {

constexpr UnixSeconds kNow = 1'795'000'000;
// The KTP code of qrencode_kv__*.jpg and the bare NIK of zxing_qr_nik__*.jpg: Siti Aminah.
const std::string kSitiNik = "1806014501870003";

std::string sample(const std::string& name) {
    return test::scanDataDir() + "/" + name;
}

scan::GrayImage loadFrame(const std::string& name) {
    auto image = scan::loadImageFile(sample(name));
    INFO(name);
    REQUIRE(image.ok());
    return std::move(image.value());
}

// A camera made of image files: each opened source hands out the frames in turn, round and
// round, at about a camera's pace. Counts the sources alive, the opens and the frames read;
// records the device paths it was opened with. Shared with the sources on the worker thread.
struct FakeCamera {
    std::vector<scan::GrayImage> frames;
    int fail_after = -1;  // next() answers an Error after this many frames (-1: never)
    std::atomic<int> live{0};
    std::atomic<int> opens{0};
    std::atomic<int> served{0};
    std::mutex mutex;
    std::vector<std::string> paths;

    std::vector<std::string> openedPaths() {
        std::lock_guard lock(mutex);
        return paths;
    }
};

class FileFrames : public ui::FrameSource {
  public:
    explicit FileFrames(std::shared_ptr<FakeCamera> camera) : camera_(std::move(camera)) {
        ++camera_->live;
    }
    ~FileFrames() override { --camera_->live; }
    FileFrames(const FileFrames&) = delete;
    FileFrames& operator=(const FileFrames&) = delete;

    Result<bool> next(scan::GrayImage& frame, int timeout_ms) override {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(timeout_ms, 15)));
        if (camera_->fail_after >= 0 && next_ >= static_cast<size_t>(camera_->fail_after))
            return Error{"camera_lost", "Kamera terputus.", "The camera was disconnected."};
        frame = camera_->frames[next_ % camera_->frames.size()];
        ++next_;
        ++camera_->served;
        return true;
    }

  private:
    std::shared_ptr<FakeCamera> camera_;
    size_t next_ = 0;
};

// Gives the app one camera, /dev/video0, whose frames are these sample files.
std::shared_ptr<FakeCamera> plugCamera(ui::UiContext& ui, const std::vector<std::string>& files) {
    auto camera = std::make_shared<FakeCamera>();
    for (const std::string& f : files) camera->frames.push_back(loadFrame(f));
    ui.devices.list_cameras = [] {
        return std::vector<ui::CameraChoice>{{"/dev/video0", "Kamera uji"}};
    };
    ui.devices.open_camera =
        [camera](const std::string& path) -> Result<std::unique_ptr<ui::FrameSource>> {
        {
            std::lock_guard lock(camera->mutex);
            camera->paths.push_back(path);
        }
        ++camera->opens;
        return std::unique_ptr<ui::FrameSource>(std::make_unique<FileFrames>(camera));
    };
    return camera;
}

// Draws frames until `done` (the worker thread decodes in real time, slowly under the
// sanitizers); false when it did not happen within `seconds`.
bool frameUntil(test::Headless& app, const std::function<bool()>& done, double seconds = 60) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        app.frame();
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

const ui::ScannerScreen& scanner(test::Headless& app) {
    return dynamic_cast<const ui::ScannerScreen&>(app.shell().top());
}

std::unique_ptr<Store> openStore(const std::string& name) {
    auto store = Store::open(test::tempPath(name));
    REQUIRE(store.ok());
    return std::move(store.value());
}

User makeUser(Store& store) {
    auto user = createUser(store, "Rina Marlina", Role::supervisor, "428195", "", kNow);
    REQUIRE(user.ok());
    return *user;
}

const HouseholdDraft& draftOf(test::Headless& app) { return test::wizardOf(app).draft(); }

// A folder holding copies of sample files (and made-up files), newest first in this order.
std::string photoFolder(const std::vector<std::pair<std::string, std::string>>& files) {
    namespace fs = std::filesystem;
    const std::string dir = test::tempDir() + "/DCIM";
    fs::create_directories(dir);
    auto time = fs::file_time_type::clock::now();
    for (const auto& [name, bytes] : files) {
        std::ofstream out(dir + "/" + name, std::ios::binary);
        out << bytes;
        REQUIRE(out.good());
        out.close();
        fs::last_write_time(dir + "/" + name, time);
        time -= std::chrono::hours(1);
    }
    return dir;
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void typedBurst(test::Headless& app, const std::string& text, std::int64_t start_ms,
                std::int64_t gap_ms) {
    std::int64_t ms = start_ms;
    for (char c : text) {
        app.shell().keyText(std::string(1, c), ms);
        // A frame between keys now and then, as the window draws while keys arrive.
        app.shell().tick(ms + gap_ms / 2);
        app.frame();
        ms += gap_ms;
    }
}

}  // namespace

TEST_CASE("ui scanner: a KTP code seen by the camera fills the open member form") {
    auto store = openStore("scan-member.db");
    const User user = makeUser(*store);
    test::Headless app(*store);
    int beeps = 0;
    app.ui().devices.beep = [&beeps] { ++beeps; };
    // Two frames with no code, then the KTP code (key=value, as the Dukcapil QR has it).
    auto camera = plugCamera(
        app.ui(), {"empty/empty_01.jpg", "empty/empty_07.jpg", "qrencode_kv__clean.jpg"});
    app.home(user);
    test::walkToMembersStep(app);
    app.tap("wizard.member.add");
    REQUIRE(draftOf(app).household.members.size() == 1);
    app.tap("wizard.member.scan");  // the form's own scan button
    REQUIRE(app.screen() == "scanner");
    REQUIRE(frameUntil(app, [&] { return app.screen() != "scanner"; }));

    // The overlay closed itself and gave the code to the form below it.
    REQUIRE(app.screen() == "wizard");
    CHECK(camera->served >= 3);  // the empty frames were read and gave nothing
    CHECK(camera->live == 0);    // the camera was let go
    CHECK(camera->openedPaths() == std::vector<std::string>{"/dev/video0"});
    const HouseholdDraft& draft = draftOf(app);
    REQUIRE(draft.household.members.size() == 1);
    const MemberInput& m = draft.household.members[0];
    CHECK(m.nik == kSitiNik);
    CHECK(m.name == "SITI AMINAH");
    CHECK(m.birth_date == "1987-01-05");
    CHECK(m.sex == "F");
    // What was read is said with the NIK masked, never in full; and it beeped once.
    const std::string toast = app.shell().toast();
    INFO("toast: " << toast);
    CHECK(toast.find(maskDigits(kSitiNik)) != std::string::npos);
    CHECK(toast.find("0003") != std::string::npos);
    CHECK(toast.find(kSitiNik) == std::string::npos);
    CHECK(toast.find("180601") == std::string::npos);
    CHECK(beeps == 1);

    // The member is complete as scanned (NIK, birth date and sex agree).
    app.tap("wizard.member.done");
    CHECK(draftOf(app).household.members.size() == 1);

    // From the member list, "Scan" adds a member from a KTP code: Budi, from a zint QR code.
    auto second = plugCamera(app.ui(), {"empty/empty_02.jpg", "zint_qr_kv__clean.jpg"});
    app.tap("wizard.member.scan");
    REQUIRE(app.screen() == "scanner");
    REQUIRE(frameUntil(app, [&] { return app.screen() != "scanner"; }));
    REQUIRE(app.screen() == "wizard");
    CHECK(second->live == 0);
    const auto& members = draftOf(app).household.members;
    REQUIRE(members.size() == 2);
    CHECK(members[0].nik == kSitiNik);
    CHECK(members[1].nik == "1806010107850001");
    CHECK(members[1].name == "BUDI SANTOSO");
    CHECK(members[1].birth_date == "1985-07-01");
    CHECK(members[1].sex == "M");
    CHECK(app.shell().toast().find("1806010107850001") == std::string::npos);
    CHECK(beeps == 2);
    CHECK(app.ui().missingKeys().empty());
}

TEST_CASE("ui scanner: without a camera the overlay says so and a photo can be imported") {
    auto store = openStore("scan-nocam.db");
    const User user = makeUser(*store);
    test::Headless app(*store);
    std::string expected;
    std::shared_ptr<int> asked = std::make_shared<int>(0);

    SECTION("no camera function at all") {
        expected = app.ui().t("scanner.no_camera");
    }
    SECTION("no camera in the list") {
        app.ui().devices.list_cameras = [] { return std::vector<ui::CameraChoice>{}; };
        app.ui().devices.open_camera =
            [asked](const std::string&) -> Result<std::unique_ptr<ui::FrameSource>> {
            ++*asked;
            return Error{"x", "x", "x"};
        };
        expected = app.ui().t("scanner.no_camera");
    }
    SECTION("the camera cannot be opened") {
        const Error busy{"camera_busy", "Kamera sedang dipakai aplikasi lain.",
                         "The camera is in use by another application."};
        app.ui().devices.list_cameras = [] {
            return std::vector<ui::CameraChoice>{{"/dev/video0", "Kamera"}};
        };
        app.ui().devices.open_camera =
            [asked, busy](const std::string&) -> Result<std::unique_ptr<ui::FrameSource>> {
            ++*asked;
            return busy;
        };
        expected = busy.message(Lang::id);
    }
    SECTION("the camera is turned off in the settings") {
        plugCamera(app.ui(), {"empty/empty_01.jpg"});
        REQUIRE(writeSetting(*store, kSettingCamera, "none").ok());
        expected = app.ui().t("scanner.camera_off");
    }
    // A photo of a bare NIK QR code waits in the photo folder.
    const std::string folder =
        photoFolder({{"IMG_0001.jpg", fileBytes(sample("zxing_qr_nik__clean.jpg"))}});
    app.ui().devices.photo_folders = [folder] { return std::vector<std::string>{folder}; };

    app.home(user);
    app.tap("home.households");
    app.tap("households.scan");
    REQUIRE(app.screen() == "scanner");
    REQUIRE(frameUntil(
        app, [&] { return scanner(app).status() == expected; }, 20));
    CHECK_FALSE(scanner(app).cameraOpen());
    CHECK(app.screen() == "scanner");  // it stays, offering the photo

    app.tap("scanner.photo");
    REQUIRE(app.screen() == "photo_import");
    CHECK(dynamic_cast<const ui::PhotoImportScreen&>(app.shell().top()).photoCount() == 1);
    app.tap("photo.0");
    REQUIRE(app.screen() == "households");
    const auto& households = dynamic_cast<const ui::HouseholdsScreen&>(app.shell().top());
    CHECK(households.query() == kSitiNik);
    CHECK(app.shell().toast().find(maskDigits(kSitiNik)) != std::string::npos);
    CHECK(app.shell().toast().find(kSitiNik) == std::string::npos);
    CHECK(*asked <= 1);
    CHECK(app.ui().missingKeys().empty());
}

TEST_CASE("ui scanner: a photo with no code, or a damaged file, says why") {
    auto store = openStore("scan-badphoto.db");
    const User user = makeUser(*store);
    test::Headless app(*store, Lang::en);
    const std::string jpeg = fileBytes(sample("qrencode_kv__clean.jpg"));
    const std::string folder = photoFolder({
        {"empty.jpg", fileBytes(sample("empty/empty_03.jpg"))},  // photo.0: no code
        {"cut.jpg", jpeg.substr(0, jpeg.size() / 2)},            // photo.1: cut short
        {"noise.png", std::string(4096, '\x5a')},                // photo.2: not an image
        {"zero.png", ""},                                        // photo.3: empty
    });
    app.ui().devices.photo_folders = [folder] { return std::vector<std::string>{folder}; };
    app.home(user);
    app.tap("home.households");
    app.tap("households.scan");
    REQUIRE(app.screen() == "scanner");
    app.tap("scanner.photo");
    REQUIRE(app.screen() == "photo_import");
    auto problem = [&] {
        return dynamic_cast<const ui::PhotoImportScreen&>(app.shell().top()).problem();
    };
    REQUIRE(dynamic_cast<const ui::PhotoImportScreen&>(app.shell().top()).photoCount() == 4);

    app.tap("photo.0");
    REQUIRE(app.screen() == "photo_import");
    CHECK(problem() == app.ui().t("photo.no_code"));

    const std::vector<std::pair<std::string, std::string>> damaged = {
        {"photo.1", folder + "/cut.jpg"},
        {"photo.2", folder + "/noise.png"},
        {"photo.3", folder + "/zero.png"},
    };
    std::set<std::string> codes;
    for (const auto& [id, path] : damaged) {
        app.tap(id);
        REQUIRE(app.screen() == "photo_import");
        auto loaded = scan::loadImageFile(path);
        REQUIRE_FALSE(loaded.ok());
        codes.insert(loaded.error().code);
        INFO(id << ": " << problem());
        CHECK(problem() == loaded.error().message(Lang::en));
        CHECK(problem() != app.ui().t("photo.no_code"));
    }
    CHECK(codes == std::set<std::string>{"image_truncated", "image_format", "image_empty"});

    // Back to the list, nothing changed, nothing crashed.
    app.tap("nav.back");
    CHECK(app.screen() == "households");
    CHECK(dynamic_cast<const ui::HouseholdsScreen&>(app.shell().top()).query().empty());
    CHECK(app.ui().missingKeys().empty());
}

TEST_CASE("ui scanner: a wedge scanner's burst is a scan, a person's typing reaches the field") {
    auto store = openStore("scan-wedge.db");
    const User user = makeUser(*store);
    test::Headless app(*store);
    app.home(user);
    app.tap("home.households");
    app.tap("households.search");
    REQUIRE(app.ui().focused("households.search"));

    SECTION("16 digits at 8 ms a key and Enter: the search becomes the NIK") {
        typedBurst(app, kSitiNik, 10'000, 8);
        // Held back: nothing reached ImGui's input, so nothing reached the field.
        CHECK(ImGui::GetIO().InputQueueCharacters.Size == 0);
        CHECK(app.shell().holdingKeys());
        CHECK(dynamic_cast<const ui::HouseholdsScreen&>(app.shell().top()).query().empty());
        CHECK_FALSE(app.shell().keyTerminator(10'000 + 8 * 16));  // Enter is not passed on
        app.frames(2);
        REQUIRE(app.screen() == "households");
        CHECK(dynamic_cast<const ui::HouseholdsScreen&>(app.shell().top()).query() == kSitiNik);
        CHECK_FALSE(app.ui().entry.target);  // the keyboard went away
        CHECK(app.shell().toast().find(maskDigits(kSitiNik)) != std::string::npos);
    }
    SECTION("a person typing at 120 ms a key: the field gets the letters, no scan") {
        typedBurst(app, "siti", 10'000, 120);
        app.shell().tick(10'000 + 4 * 120);
        app.frames(2);
        CHECK(dynamic_cast<const ui::HouseholdsScreen&>(app.shell().top()).query() == "siti");
        CHECK(app.shell().keyTerminator(10'000 + 5 * 120));  // Enter goes on to the field
        app.frames(2);
        CHECK(app.screen() == "households");
        CHECK(app.shell().toast().empty());
        CHECK(app.ui().focused("households.search"));
    }
}

TEST_CASE("ui scanner: a wedge scan never types into the focused field below it") {
    auto store = openStore("scan-wedge-kk.db");
    const User user = makeUser(*store);
    test::Headless app(*store);
    app.home(user);
    test::walkToKkStep(app);
    app.tap("wizard.kk");
    REQUIRE(app.ui().focused("wizard.kk"));
    // A NIK is no KK number: the KK step does not take it; it is shown as a scan result.
    typedBurst(app, kSitiNik, 50'000, 6);
    CHECK_FALSE(app.shell().keyTerminator(50'000 + 6 * 16));
    app.frames(2);
    REQUIRE(app.screen() == "scan_result");
    const auto& result = dynamic_cast<const ui::ScanResultScreen&>(app.shell().top());
    CHECK(result.payload().kind == PayloadKind::nik);
    CHECK(result.payload().nik == kSitiNik);
    app.tap("nav.back");
    REQUIRE(app.screen() == "wizard");
    CHECK(draftOf(app).household.kk_number.empty());

    // A keyed KK number is taken by the KK step.
    app.tap("wizard.kk");
    typedBurst(app, "no_kk=1806011203150007", 60'000, 5);
    CHECK_FALSE(app.shell().keyTerminator(60'000 + 5 * 22));
    app.frames(2);
    REQUIRE(app.screen() == "wizard");
    CHECK(draftOf(app).household.kk_number == "1806011203150007");
}

TEST_CASE("ui scanner: a scan no screen uses goes to a hook, else to the scan result") {
    auto store = openStore("scan-route.db");
    const User user = makeUser(*store);
    test::Headless app(*store, Lang::en);
    std::vector<ScanPayload> sessions;
    bool take_sessions = true;
    app.shell().setScanHook(PayloadKind::session,
                            [&](ui::UiContext&, ui::Navigator&, const ScanPayload& p) {
                                sessions.push_back(p);
                                return take_sessions;
                            });
    const std::string session = "pekon://session?id=0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9f";

    // Signed out: the login screen uses nothing and nothing personal is shown.
    app.frames(2);
    REQUIRE(app.screen() == "login");
    app.shell().scanned(app.ui().parseScan("hello"));
    app.frames(2);
    CHECK(app.screen() == "login");

    app.home(user);
    app.shell().scanned(app.ui().parseScan("WIFI:S:Balai Pekon;T:WPA;;"));
    app.frames(2);
    REQUIRE(app.screen() == "scan_result");
    {
        const auto& result = dynamic_cast<const ui::ScanResultScreen&>(app.shell().top());
        CHECK(result.payload().kind == PayloadKind::unknown);
        CHECK(result.payload().raw == "WIFI:S:Balai Pekon;T:WPA;;");
    }
    app.tap("nav.back");
    REQUIRE(app.screen() == "home");

    app.shell().scanned(app.ui().parseScan(session));
    app.frames(2);
    CHECK(app.screen() == "home");  // the hook took it
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].kind == PayloadKind::session);
    CHECK(sessions[0].params.at("id") == "0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9f");

    // A hook that declines leaves it to the scan result.
    take_sessions = false;
    app.shell().scanned(app.ui().parseScan(session));
    app.frames(2);
    CHECK(sessions.size() == 2);
    REQUIRE(app.screen() == "scan_result");
    CHECK(dynamic_cast<const ui::ScanResultScreen&>(app.shell().top()).payload().kind ==
          PayloadKind::session);
    app.tap("nav.back");

    // From the camera: the household list has no use for a session code (Aztec, from zint).
    take_sessions = true;
    auto camera = plugCamera(app.ui(), {"empty/empty_05.jpg", "zint_aztec_session__clean.jpg"});
    app.tap("home.households");
    app.tap("households.scan");
    REQUIRE(app.screen() == "scanner");
    REQUIRE(frameUntil(app, [&] { return app.screen() != "scanner"; }));
    CHECK(app.screen() == "households");
    REQUIRE(sessions.size() == 3);
    CHECK(sessions[2].params.at("id") == "0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9f");
    CHECK(camera->live == 0);

    // A NIK from the result screen searches the records.
    app.shell().scanned(app.ui().parseScan("1806014501870003"));
    app.frames(2);
    CHECK(app.screen() == "households");  // the list takes a NIK itself
    app.tap("nav.back");
    REQUIRE(app.screen() == "home");
    app.shell().scanned(app.ui().parseScan("1806014501870003"));
    app.frames(2);
    REQUIRE(app.screen() == "scan_result");
    app.tap("scan_result.search");
    REQUIRE(app.screen() == "households");
    CHECK(dynamic_cast<const ui::HouseholdsScreen&>(app.shell().top()).query() == kSitiNik);
    CHECK(app.ui().missingKeys().empty());
}

TEST_CASE("ui scanner: code types and the camera are device settings, kept and used") {
    auto store = openStore("scan-settings.db");
    const User user = makeUser(*store);
    test::Headless app(*store);
    auto camera = plugCamera(app.ui(), {"empty/empty_01.jpg"});
    app.ui().devices.list_cameras = [] {
        return std::vector<ui::CameraChoice>{{"/dev/video0", "Depan"}, {"/dev/video2", "Belakang"}};
    };
    const std::string folder =
        photoFolder({{"card.jpg", fileBytes(sample("zxing_code128_card__clean.jpg"))}});
    app.ui().devices.photo_folders = [folder] { return std::vector<std::string>{folder}; };
    auto setting = [&](const char* key) {
        auto value = readSetting(*store, key);
        REQUIRE(value.ok());
        return value->value_or("(unset)");
    };
    auto problem = [&] {
        return dynamic_cast<const ui::SettingsScreen&>(app.shell().top()).problem();
    };

    app.home(user);
    app.tap("home.settings");
    REQUIRE(app.screen() == "settings");
    CHECK(setting(kSettingScanFormats) == "(unset)");
    app.tap("settings.format.qr");
    CHECK(setting(kSettingScanFormats) ==
          scan::symbologiesText(scan::kAllSymbologies & ~scan::kQr));
    for (const char* f : {"pdf417", "datamatrix", "aztec", "code128", "code39", "itf"})
        app.tap(std::string("settings.format.") + f);
    CHECK(setting(kSettingScanFormats) == scan::symbologiesText(scan::kEanUpc));
    CHECK(problem().empty());
    // The last one stays on, and the screen says why.
    app.tap("settings.format.ean");
    CHECK(problem() == app.ui().t("settings.formats_one"));
    CHECK(setting(kSettingScanFormats) == scan::symbologiesText(scan::kEanUpc));
    app.tap("settings.format.qr");
    CHECK(problem().empty());
    CHECK(setting(kSettingScanFormats) == scan::symbologiesText(scan::kQr | scan::kEanUpc));

    app.tap("settings.camera./dev/video2");
    CHECK(setting(kSettingCamera) == "/dev/video2");
    app.tap("nav.back");

    // The scanner opens the chosen camera; a Code 128 card number is not read while Code 128
    // is off...
    app.tap("home.households");
    app.tap("households.scan");
    REQUIRE(app.screen() == "scanner");
    REQUIRE(frameUntil(
        app, [&] { return camera->opens == 1; }, 20));
    CHECK(camera->openedPaths() == std::vector<std::string>{"/dev/video2"});
    app.tap("scanner.photo");
    REQUIRE(app.screen() == "photo_import");
    app.tap("photo.0");
    REQUIRE(app.screen() == "photo_import");
    CHECK(dynamic_cast<const ui::PhotoImportScreen&>(app.shell().top()).problem() ==
          app.ui().t("photo.no_code"));
    app.tap("nav.back");
    app.tap("nav.back");
    REQUIRE(app.screen() == "home");

    // ...and is once it is on again; a new settings screen shows what was kept.
    app.tap("home.settings");
    app.tap("settings.format.code128");
    CHECK(setting(kSettingScanFormats) ==
          scan::symbologiesText(scan::kQr | scan::kCode128 | scan::kEanUpc));
    app.tap("settings.camera.none");
    CHECK(setting(kSettingCamera) == "none");
    app.tap("nav.back");
    app.tap("home.households");
    app.tap("households.scan");
    REQUIRE(app.screen() == "scanner");
    CHECK(scanner(app).status() == app.ui().t("scanner.camera_off"));
    CHECK(camera->opens == 1);  // not opened again: it is off
    app.tap("scanner.photo");
    app.tap("photo.0");
    REQUIRE(app.screen() == "households");
    CHECK(dynamic_cast<const ui::HouseholdsScreen&>(app.shell().top()).query() == "0001234567890");
    CHECK(app.ui().missingKeys().empty());
}

TEST_CASE("ui scanner: the camera is released when the overlay closes") {
    auto store = openStore("scan-release.db");
    const User user = makeUser(*store);
    test::Headless app(*store);
    auto camera = plugCamera(app.ui(), {"empty/empty_04.jpg", "empty/empty_09.jpg"});
    app.home(user);
    app.tap("home.households");

    SECTION("Back") {
        app.tap("households.scan");
        REQUIRE(frameUntil(app, [&] { return camera->served >= 2; }));
        CHECK(camera->live == 1);
        CHECK(scanner(app).cameraOpen());
        CHECK(scanner(app).status().empty());  // the live preview, no message
        app.tap("nav.back");
        CHECK(app.screen() == "households");
        CHECK(camera->live == 0);
    }
    SECTION("Import photo") {
        app.tap("households.scan");
        REQUIRE(frameUntil(app, [&] { return camera->served >= 1; }));
        CHECK(camera->live == 1);
        app.tap("scanner.photo");
        CHECK(app.screen() == "photo_import");
        CHECK(camera->live == 0);
    }
    SECTION("the camera fails while reading") {
        camera->fail_after = 2;
        app.tap("households.scan");
        REQUIRE(frameUntil(app, [&] { return !scanner(app).cameraOpen(); }));
        CHECK(camera->live == 0);
        CHECK(scanner(app).status() == "Kamera terputus.");
        CHECK(app.screen() == "scanner");
    }
    SECTION("the idle logout") {
        app.tap("households.scan");
        REQUIRE(frameUntil(app, [&] { return camera->live == 1; }));
        app.advance(kIdleLogoutSeconds);
        app.frames(2);
        CHECK(app.screen() == "login");
        CHECK(camera->live == 0);
    }
    CHECK(camera->opens == 1);
}

// The regression photo makes Debian's ZXing abort (tests/data/scan_regressions). Seen by the
// camera, it costs those frames only: the overlay says a frame was skipped, keeps reading, and
// the next code in view is read; imported as a photo, it says why and the app goes on.
TEST_CASE("ui scanner: a frame or photo the decoder crashes on is skipped, the app goes on") {
    auto store = openStore("scan-crash.db");
    const User user = makeUser(*store);
    test::Headless app(*store, Lang::en);
    const std::string crasher = "../scan_regressions/ean13-zxing-assert.png";
    auto camera = plugCamera(app.ui(), {crasher, crasher, crasher, "zint_aztec_session__clean.jpg"});
    std::vector<ScanPayload> sessions;
    app.shell().setScanHook(PayloadKind::session,
                            [&](ui::UiContext&, ui::Navigator&, const ScanPayload& p) {
                                sessions.push_back(p);
                                return true;
                            });
    app.home(user);
    app.tap("home.households");
    app.tap("households.scan");
    REQUIRE(app.screen() == "scanner");
    bool said_skipped = false;
    REQUIRE(frameUntil(app, [&] {
        if (app.screen() != "scanner") return true;
        said_skipped |= scanner(app).status().find("skipped") != std::string::npos;
        return false;
    }));
    CHECK(said_skipped);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].raw == "pekon://session?id=0192f0c4-5e1a-7b2c-8d3e-4f5a6b7c8d9f");
    CHECK(camera->live == 0);

    // Imported as a photo: the reason, and the list is still there.
    const std::string folder =
        photoFolder({{"product.png", fileBytes(sample(crasher))},
                     {"ktp.jpg", fileBytes(sample("qrencode_kv__clean.jpg"))}});
    app.ui().devices.photo_folders = [folder] { return std::vector<std::string>{folder}; };
    app.ui().devices.open_camera = nullptr;  // no camera this time: straight to the photos
    REQUIRE(app.screen() == "households");
    app.tap("households.scan");
    REQUIRE(app.screen() == "scanner");
    app.tap("scanner.photo");
    REQUIRE(app.screen() == "photo_import");
    app.tap("photo.0");
    REQUIRE(app.screen() == "photo_import");
    const std::string problem =
        dynamic_cast<const ui::PhotoImportScreen&>(app.shell().top()).problem();
    CHECK(problem.find("skipped") != std::string::npos);
    app.tap("photo.1");  // the next photo is read
    CHECK(app.screen() != "photo_import");
    CHECK(app.ui().missingKeys().empty());
}
