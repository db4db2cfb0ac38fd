// The V4L2 camera: opening and negotiating a format, mapped buffers, streaming frames, and
// the errors of each step. Pixel conversion is in camera_frames.cpp, listing in camera_list.cpp.
#include "platform/camera.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>

#include "platform/linux/v4l2.hpp"

namespace pekon::platform {

namespace {

using v4l2::Fd;
using v4l2::Mapping;
using v4l2::xioctl;

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

}  // namespace

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
    if (!v4l2::isCaptureStreaming(cap)) return notCapture(path);

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

    const std::vector<std::uint32_t>& known = v4l2::formatPreference();
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
            v4l2::isCompressed(pix.pixelformat) ? 0 : std::max(pix.bytesperline, min_stride));
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
        if (used == 0 && !v4l2::isCompressed(c.fourcc)) used = m.length;  // drivers that leave it 0
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
