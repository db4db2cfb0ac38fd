#pragma once

// V4L2 helpers shared by the camera's files (platform/linux only): ioctl with EINTR retry,
// owners of a file descriptor and of a buffer mapping, and the capability checks.
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace pekon::platform::v4l2 {

inline int xioctl(int fd, unsigned long request, void* arg) {
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

inline std::uint32_t effectiveCaps(const v4l2_capability& cap) {
    return (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
}

inline bool isCaptureStreaming(const v4l2_capability& cap) {
    const std::uint32_t caps = effectiveCaps(cap);
    return (caps & V4L2_CAP_VIDEO_CAPTURE) && (caps & V4L2_CAP_STREAMING);
}

inline std::string cardName(const v4l2_capability& cap) {
    const char* card = reinterpret_cast<const char*>(cap.card);
    return std::string(card, ::strnlen(card, sizeof cap.card));
}

inline bool isCompressed(std::uint32_t fourcc) {
    return fourcc == V4L2_PIX_FMT_MJPEG || fourcc == V4L2_PIX_FMT_JPEG;
}

// The pixel formats Pekon reads, most preferred first (no decoding before compressed ones).
inline const std::vector<std::uint32_t>& formatPreference() {
    static const std::vector<std::uint32_t> order = {
        V4L2_PIX_FMT_GREY,   V4L2_PIX_FMT_YUYV,   V4L2_PIX_FMT_NV12,  V4L2_PIX_FMT_NV21,
        V4L2_PIX_FMT_YUV420, V4L2_PIX_FMT_YVU420, V4L2_PIX_FMT_MJPEG, V4L2_PIX_FMT_JPEG,
    };
    return order;
}

}  // namespace pekon::platform::v4l2
