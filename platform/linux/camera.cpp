#include "platform/camera.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <tuple>
#include <utility>

#include "scan/jpeg_check.hpp"

// stb_image, private to this file (static functions) so it cannot clash with another copy
// in the same program. JPEG only; the size cap keeps a corrupt header from asking for
// gigabytes.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_MAX_DIMENSIONS 8192
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb_image.h>
#pragma GCC diagnostic pop

namespace pekon::platform {

namespace {

// ---- errors ---------------------------------------------------------------------------

[[maybe_unused]] const char* strerrorResult(int rc, const char* buf) {
    return rc == 0 ? buf : "unknown error";
}
[[maybe_unused]] const char* strerrorResult(const char* text, const char*) {
    return text;
}

// strerror is not thread-safe; nextFrame runs on a worker thread.
std::string describeErrno(int err) {
    char buf[256] = {};
    return std::string(strerrorResult(::strerror_r(err, buf, sizeof buf), buf)) + " (errno " +
           std::to_string(err) + ")";
}

Error notFound(const std::string& path) {
    return Error{"camera_not_found", "Kamera tidak ditemukan: " + path + ".",
                 "Camera not found: " + path + "."};
}

Error busy(const std::string& path) {
    return Error{
        "camera_busy",
        "Kamera " + path + " sedang dipakai aplikasi lain. Tutup aplikasi itu lalu coba lagi.",
        "The camera " + path + " is in use by another application. Close it and try again."};
}

Error permission(const std::string& path) {
    return Error{"camera_permission",
                 "Tidak ada izin membuka kamera " + path +
                     ". Masukkan pengguna ini ke grup 'video', lalu keluar dan masuk lagi.",
                 "No permission to open the camera " + path +
                     ". Add this user to the 'video' group, then log out and in again."};
}

Error notCapture(const std::string& path) {
    return Error{"camera_not_capture",
                 path + " bukan kamera (perangkat tangkap video dengan streaming).",
                 path + " is not a camera (a video capture device with streaming)."};
}

Error noFormat(const std::string& path) {
    return Error{"camera_format",
                 "Kamera " + path +
                     " tidak menawarkan format gambar yang didukung (GREY, YUYV, NV12, YUV420, "
                     "MJPEG).",
                 "The camera " + path +
                     " offers no supported pixel format (GREY, YUYV, NV12, YUV420, MJPEG)."};
}

// `what` names the failed step (e.g. "VIDIOC_S_FMT"); the system's text is English only.
Error io(const std::string& path, const std::string& what, int err) {
    return Error{"camera_io", "Kamera " + path + " mengalami kesalahan (" + what + ").",
                 "Camera error on " + path + " (" + what + ": " + describeErrno(err) + ")."};
}

Error lost(const std::string& path) {
    return Error{"camera_lost",
                 "Kamera " + path + " terputus. Sambungkan lagi kameranya lalu coba lagi.",
                 "The camera " + path + " was disconnected. Reconnect it and try again."};
}

// A failure while opening or setting up the device.
Error setupFailure(const std::string& path, const std::string& what, int err) {
    switch (err) {
        case ENOENT:
        case ENOTDIR:
        case ENODEV:
        case ENXIO:
            return notFound(path);
        case EBUSY:
            return busy(path);
        case EACCES:
        case EPERM:
            return permission(path);
        default:
            return io(path, what, err);
    }
}

// ---- system helpers ---------------------------------------------------------------------

int xioctl(int fd, unsigned long request, void* arg) {
    int r;
    do {
        r = ::ioctl(fd, request, arg);
    } while (r == -1 && errno == EINTR);
    return r;
}

struct Fd {
    int fd = -1;
    Fd() = default;
    explicit Fd(int f) : fd(f) {}
    Fd(Fd&& o) noexcept : fd(std::exchange(o.fd, -1)) {}
    Fd& operator=(Fd&& o) noexcept {
        if (this != &o) {
            reset();
            fd = std::exchange(o.fd, -1);
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    void reset() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

struct Mapping {
    void* addr = MAP_FAILED;
    std::size_t length = 0;
    Mapping() = default;
    Mapping(void* a, std::size_t n) : addr(a), length(n) {}
    Mapping(Mapping&& o) noexcept
        : addr(std::exchange(o.addr, MAP_FAILED)), length(std::exchange(o.length, 0)) {}
    Mapping& operator=(Mapping&& o) noexcept {
        if (this != &o) {
            reset();
            addr = std::exchange(o.addr, MAP_FAILED);
            length = std::exchange(o.length, 0);
        }
        return *this;
    }
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    ~Mapping() { reset(); }
    void reset() {
        if (addr != MAP_FAILED) ::munmap(addr, length);
        addr = MAP_FAILED;
        length = 0;
    }
    const std::uint8_t* data() const { return static_cast<const std::uint8_t*>(addr); }
};

std::uint32_t effectiveCaps(const v4l2_capability& cap) {
    return (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
}

bool isCaptureStreaming(const v4l2_capability& cap) {
    const std::uint32_t caps = effectiveCaps(cap);
    return (caps & V4L2_CAP_VIDEO_CAPTURE) && (caps & V4L2_CAP_STREAMING);
}

std::string cardName(const v4l2_capability& cap) {
    const char* card = reinterpret_cast<const char*>(cap.card);
    return std::string(card, ::strnlen(card, sizeof cap.card));
}

bool isCompressed(std::uint32_t fourcc) {
    return fourcc == V4L2_PIX_FMT_MJPEG || fourcc == V4L2_PIX_FMT_JPEG;
}

// "/dev/video10" -> ("/dev/video", 10, path); no trailing number -> (path, -1, path).
std::tuple<std::string, long long, std::string> pathKey(const std::string& path) {
    std::size_t i = path.size();
    while (i > 0 && path[i - 1] >= '0' && path[i - 1] <= '9') --i;
    if (i == path.size() || path.size() - i > 18) return {path, -1, path};
    long long number = 0;
    for (std::size_t k = i; k < path.size(); ++k) number = number * 10 + (path[k] - '0');
    return {path.substr(0, i), number, path};
}

// ---- JPEG -------------------------------------------------------------------------------

// stb_image trusts its input more than a camera frame deserves (a DHT with more than 256
// codes overflows its tables; a scan may use tables that were never defined), so a frame is
// first checked by scan::checkJpeg (see src/scan/jpeg_check.hpp) and must be one complete
// baseline JPEG with a single scan. Frames without Huffman tables (UVC MJPEG) are checked
// with the standard tables of JPEG Annex K and rebuilt with them inserted before the scan.
// false for anything else: truncated frames (no EOI, scan data running out), progressive or
// arithmetic-coded JPEG, malformed segments. `input` is the JPEG to decode: the frame
// itself up to its EOI (padding after it dropped), or `rebuilt`.
bool prepareJpeg(const std::uint8_t* d, std::size_t size, std::vector<std::uint8_t>& rebuilt,
                 const std::uint8_t*& input, std::size_t& input_size) {
    scan::JpegCheckOptions options;
    options.standard_huffman_tables = true;
    const auto layout = scan::checkJpeg(d, size, options);
    if (!layout || layout->progressive || layout->scans != 1) return false;
    if (layout->huffman_tables) {
        input = d;
        input_size = layout->end;
        return true;
    }
    const std::vector<std::uint8_t>& standard_dht = scan::standardHuffmanSegment();
    rebuilt.clear();
    rebuilt.reserve(layout->end + standard_dht.size());
    rebuilt.insert(rebuilt.end(), d, d + layout->first_scan);
    rebuilt.insert(rebuilt.end(), standard_dht.begin(), standard_dht.end());
    rebuilt.insert(rebuilt.end(), d + layout->first_scan, d + layout->end);
    input = rebuilt.data();
    input_size = rebuilt.size();
    return true;
}

const std::vector<std::uint32_t>& formatPreference() {
    static const std::vector<std::uint32_t> order = {
        V4L2_PIX_FMT_GREY,   V4L2_PIX_FMT_YUYV,   V4L2_PIX_FMT_NV12,  V4L2_PIX_FMT_NV21,
        V4L2_PIX_FMT_YUV420, V4L2_PIX_FMT_YVU420, V4L2_PIX_FMT_MJPEG, V4L2_PIX_FMT_JPEG,
    };
    return order;
}

}  // namespace

// ---- conversions --------------------------------------------------------------------------

namespace detail {

void yuyvToGray(const std::uint8_t* src, int width, int height, int stride,
                std::vector<std::uint8_t>& out) {
    if (width <= 0 || height <= 0) {
        out.clear();
        return;
    }
    const auto w = static_cast<std::size_t>(width);
    out.resize(w * static_cast<std::size_t>(height));
    std::uint8_t* dst = out.data();
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* row = src + static_cast<std::size_t>(y) * stride;
        for (std::size_t x = 0; x < w; ++x) dst[x] = row[2 * x];
        dst += w;
    }
}

void nv12ToGray(const std::uint8_t* src, int width, int height, int stride,
                std::vector<std::uint8_t>& out) {
    if (width <= 0 || height <= 0) {
        out.clear();
        return;
    }
    const auto w = static_cast<std::size_t>(width);
    out.resize(w * static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y) {
        std::memcpy(out.data() + static_cast<std::size_t>(y) * w,
                    src + static_cast<std::size_t>(y) * stride, w);
    }
}

bool mjpegToGray(const std::uint8_t* data, std::size_t size, GrayFrame& out) {
    if (data == nullptr) return false;
    std::vector<std::uint8_t> rebuilt;
    const std::uint8_t* input = nullptr;
    std::size_t input_size = 0;
    if (!prepareJpeg(data, size, rebuilt, input, input_size)) return false;
    if (input_size > static_cast<std::size_t>(INT_MAX)) return false;

    int w = 0, h = 0, channels = 0;
    stbi_uc* gray =
        stbi_load_from_memory(input, static_cast<int>(input_size), &w, &h, &channels, 1);
    if (gray == nullptr) return false;
    if (w <= 0 || h <= 0) {
        stbi_image_free(gray);
        return false;
    }
    out.width = w;
    out.height = h;
    out.pixels.assign(gray, gray + static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    stbi_image_free(gray);
    return true;
}

bool convertFrame(std::uint32_t fourcc, const std::uint8_t* data, std::size_t size, int width,
                  int height, int stride, GrayFrame& out) {
    if (isCompressed(fourcc)) return mjpegToGray(data, size, out);
    if (data == nullptr || width <= 0 || height <= 0) return false;
    const auto w = static_cast<std::size_t>(width);
    const auto h = static_cast<std::size_t>(height);
    std::size_t row_bytes = 0;
    switch (fourcc) {
        case V4L2_PIX_FMT_YUYV:
            row_bytes = 2 * w;
            break;
        case V4L2_PIX_FMT_GREY:
        case V4L2_PIX_FMT_NV12:
        case V4L2_PIX_FMT_NV21:
        case V4L2_PIX_FMT_YUV420:
        case V4L2_PIX_FMT_YVU420:
            row_bytes = w;
            break;
        default:
            return false;
    }
    const std::size_t pitch = std::max(row_bytes, stride > 0 ? std::size_t(stride) : 0);
    if (pitch > static_cast<std::size_t>(INT_MAX) || size < pitch * (h - 1) + row_bytes) {
        return false;
    }
    if (fourcc == V4L2_PIX_FMT_YUYV) {
        yuyvToGray(data, width, height, static_cast<int>(pitch), out.pixels);
    } else {
        nv12ToGray(data, width, height, static_cast<int>(pitch), out.pixels);
    }
    out.width = width;
    out.height = height;
    return true;
}

std::vector<std::uint32_t> rankFormats(const std::vector<std::uint32_t>& offered) {
    std::vector<std::uint32_t> ranked;
    for (std::uint32_t f : formatPreference()) {
        if (std::find(offered.begin(), offered.end(), f) != offered.end()) ranked.push_back(f);
    }
    return ranked;
}

void sortCameras(std::vector<CameraInfo>& cameras) {
    std::sort(cameras.begin(), cameras.end(), [](const CameraInfo& a, const CameraInfo& b) {
        return pathKey(a.path) < pathKey(b.path);
    });
}

std::string fourccName(std::uint32_t fourcc) {
    std::string name;
    for (int i = 0; i < 4; ++i) {
        const char c = static_cast<char>((fourcc >> (8 * i)) & 0xFF);
        name.push_back(c >= 0x20 && c < 0x7F ? c : '?');
    }
    while (!name.empty() && name.back() == ' ') name.pop_back();
    return name;
}

}  // namespace detail

// ---- listing ------------------------------------------------------------------------------

std::vector<CameraInfo> listCameras() {
    std::vector<CameraInfo> cameras;
    DIR* dir = ::opendir("/dev");
    if (dir == nullptr) return cameras;
    std::vector<std::string> candidates;
    while (const dirent* entry = ::readdir(dir)) {
        if (std::strncmp(entry->d_name, "video", 5) == 0) {
            candidates.push_back(std::string("/dev/") + entry->d_name);
        }
    }
    ::closedir(dir);

    for (const std::string& path : candidates) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0 || !S_ISCHR(st.st_mode)) continue;
        Fd fd(::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
        if (fd.fd < 0) continue;
        v4l2_capability cap{};
        if (xioctl(fd.fd, VIDIOC_QUERYCAP, &cap) != 0 || !isCaptureStreaming(cap)) continue;
        cameras.push_back(CameraInfo{path, cardName(cap)});
    }
    detail::sortCameras(cameras);
    return cameras;
}

// ---- Camera -------------------------------------------------------------------------------

struct Camera::Impl {
    std::string path;
    Fd fd;
    std::vector<Mapping> buffers;
    std::uint32_t fourcc = 0;
    int width = 0;
    int height = 0;
    int stride = 0;
    bool buffers_requested = false;  // REQBUFS done: stop streaming and free them on the way out
    std::uint64_t delivered = 0;

    ~Impl() {
        if (fd.fd < 0) return;
        if (buffers_requested) {
            int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            xioctl(fd.fd, VIDIOC_STREAMOFF, &type);
        }
        buffers.clear();  // munmap before the buffers are freed and the fd closed
        if (buffers_requested) {
            v4l2_requestbuffers req{};
            req.count = 0;
            req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            req.memory = V4L2_MEMORY_MMAP;
            xioctl(fd.fd, VIDIOC_REQBUFS, &req);
        }
    }

    // A capture-time failure: camera_lost when the device is gone, else camera_io.
    Error captureFailure(const std::string& what, int err) const {
        if (err == ENODEV || err == ENXIO) return lost(path);
        v4l2_capability cap{};
        if (xioctl(fd.fd, VIDIOC_QUERYCAP, &cap) != 0 && (errno == ENODEV || errno == ENXIO)) {
            return lost(path);
        }
        return io(path, what, err);
    }
};

Camera::Camera(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Camera::~Camera() = default;

int Camera::width() const {
    return impl_->width;
}
int Camera::height() const {
    return impl_->height;
}
std::string Camera::formatName() const {
    return detail::fourccName(impl_->fourcc);
}

Result<std::unique_ptr<Camera>> Camera::open(const std::string& path, int want_width,
                                             int want_height) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return setupFailure(path, "stat", errno);
    if (!S_ISCHR(st.st_mode)) return notCapture(path);

    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->fd = Fd(::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
    if (impl->fd.fd < 0) return setupFailure(path, "open", errno);
    const int fd = impl->fd.fd;

    v4l2_capability cap{};
    if (xioctl(fd, VIDIOC_QUERYCAP, &cap) != 0) {
        const int err = errno;
        if (err == ENOTTY || err == EINVAL) return notCapture(path);
        return setupFailure(path, "VIDIOC_QUERYCAP", err);
    }
    if (!isCaptureStreaming(cap)) return notCapture(path);

    std::vector<std::uint32_t> offered;
    for (std::uint32_t index = 0; index < 256; ++index) {
        v4l2_fmtdesc desc{};
        desc.index = index;
        desc.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        if (xioctl(fd, VIDIOC_ENUM_FMT, &desc) != 0) {
            if (errno == EINVAL) break;
            return setupFailure(path, "VIDIOC_ENUM_FMT", errno);
        }
        offered.push_back(desc.pixelformat);
    }
    const std::vector<std::uint32_t> ranked = detail::rankFormats(offered);

    const std::vector<std::uint32_t>& known = formatPreference();
    bool chosen = false;
    for (std::uint32_t want : ranked) {
        v4l2_format fmt{};
        fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        fmt.fmt.pix.width = static_cast<std::uint32_t>(std::max(want_width, 1));
        fmt.fmt.pix.height = static_cast<std::uint32_t>(std::max(want_height, 1));
        fmt.fmt.pix.pixelformat = want;
        fmt.fmt.pix.field = V4L2_FIELD_ANY;
        if (xioctl(fd, VIDIOC_S_FMT, &fmt) != 0) {
            const int err = errno;
            if (err == EINVAL) continue;
            return setupFailure(path, "VIDIOC_S_FMT", err);
        }
        const v4l2_pix_format& pix = fmt.fmt.pix;
        // The driver may substitute another format; any one we can convert will do.
        if (std::find(known.begin(), known.end(), pix.pixelformat) == known.end()) continue;
        if (pix.width == 0 || pix.height == 0 || pix.width > 16384 || pix.height > 16384) {
            continue;
        }
        impl->fourcc = pix.pixelformat;
        impl->width = static_cast<int>(pix.width);
        impl->height = static_cast<int>(pix.height);
        const std::uint32_t min_stride =
            pix.pixelformat == V4L2_PIX_FMT_YUYV ? 2 * pix.width : pix.width;
        impl->stride = static_cast<int>(
            isCompressed(pix.pixelformat) ? 0 : std::max(pix.bytesperline, min_stride));
        chosen = true;
        break;
    }
    if (!chosen) return noFormat(path);

    v4l2_requestbuffers req{};
    req.count = 4;
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    if (xioctl(fd, VIDIOC_REQBUFS, &req) != 0) {
        const int err = errno;
        if (err == EINVAL) return notCapture(path);  // no mmap streaming
        return setupFailure(path, "VIDIOC_REQBUFS", err);
    }
    if (req.count < 1) return io(path, "VIDIOC_REQBUFS", ENOMEM);
    impl->buffers_requested = true;

    for (std::uint32_t i = 0; i < req.count; ++i) {
        v4l2_buffer buf{};
        buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buf.memory = V4L2_MEMORY_MMAP;
        buf.index = i;
        if (xioctl(fd, VIDIOC_QUERYBUF, &buf) != 0) {
            return setupFailure(path, "VIDIOC_QUERYBUF", errno);
        }
        void* addr =
            ::mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, buf.m.offset);
        if (addr == MAP_FAILED) return setupFailure(path, "mmap", errno);
        impl->buffers.emplace_back(addr, buf.length);
    }
    for (std::uint32_t i = 0; i < req.count; ++i) {
        v4l2_buffer buf{};
        buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buf.memory = V4L2_MEMORY_MMAP;
        buf.index = i;
        if (xioctl(fd, VIDIOC_QBUF, &buf) != 0) return setupFailure(path, "VIDIOC_QBUF", errno);
    }
    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd, VIDIOC_STREAMON, &type) != 0) {
        return setupFailure(path, "VIDIOC_STREAMON", errno);
    }
    return std::unique_ptr<Camera>(new Camera(std::move(impl)));
}

Result<bool> Camera::nextFrame(GrayFrame& out, int timeout_ms) {
    Impl& c = *impl_;
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(std::max(timeout_ms, 0));
    pollfd pfd{c.fd.fd, POLLIN, 0};
    for (;;) {
        int wait = -1;
        if (timeout_ms >= 0) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            wait = static_cast<int>(std::max<std::chrono::milliseconds::rep>(left.count(), 0));
        }
        pfd.revents = 0;
        const int r = ::poll(&pfd, 1, wait);
        if (r > 0) break;
        if (r == 0) return false;
        if (errno != EINTR) return c.captureFailure("poll", errno);
    }
    if (pfd.revents & POLLNVAL) return c.captureFailure("poll", EBADF);
    const bool poll_error = (pfd.revents & (POLLERR | POLLHUP)) != 0;

    v4l2_buffer buf{};
    buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buf.memory = V4L2_MEMORY_MMAP;
    if (xioctl(c.fd.fd, VIDIOC_DQBUF, &buf) != 0) {
        const int err = errno;
        if (err == EAGAIN && !poll_error) return false;  // woken without a buffer
        return c.captureFailure("VIDIOC_DQBUF", err == EAGAIN ? EIO : err);
    }
    if (buf.index >= c.buffers.size()) return c.captureFailure("VIDIOC_DQBUF", EINVAL);

    bool got = false;
    if ((buf.flags & V4L2_BUF_FLAG_ERROR) == 0) {
        const Mapping& m = c.buffers[buf.index];
        std::size_t used = buf.bytesused;
        if (used == 0 && !isCompressed(c.fourcc)) used = m.length;  // drivers that leave it 0
        used = std::min(used, m.length);
        if (used > 0) {
            got = detail::convertFrame(c.fourcc, m.data(), used, c.width, c.height, c.stride, out);
        }
    }
    if (xioctl(c.fd.fd, VIDIOC_QBUF, &buf) != 0) return c.captureFailure("VIDIOC_QBUF", errno);
    if (got) out.sequence = ++c.delivered;
    return got;
}

}  // namespace pekon::platform
