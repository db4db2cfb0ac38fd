#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace pekon::platform {

// A video capture device, e.g. {"/dev/video0", "HD Webcam C270"} (name from VIDIOC_QUERYCAP).
struct CameraInfo {
    std::string path;
    std::string name;
};

// The /dev/video* nodes that are video capture devices with streaming I/O, sorted by path
// (numerically: video2 before video10). Empty when there are none. Nodes this user may not
// open are left out: Camera::open on the path reports why (e.g. `camera_permission`).
std::vector<CameraInfo> listCameras();

// One camera frame as 8-bit luma, row stride == width.
struct GrayFrame {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
    std::uint64_t sequence = 0;  // 1 for the first frame a Camera delivers, then +1 per frame
};

// A streaming V4L2 camera. No threads inside: call nextFrame from one (worker) thread.
// Errors (each with the device path in both messages): camera_not_found, camera_busy,
// camera_permission, camera_not_capture, camera_format, camera_io, camera_lost.
class Camera {
  public:
    // Opens the device, picks a pixel format (GREY, then YUYV, then NV12/NV21/YUV420/YVU420
    // (the Y plane is used), then MJPEG decoded to gray), asks for about want_width x
    // want_height (the driver may give another size), maps ~4 buffers and starts streaming.
    static Result<std::unique_ptr<Camera>> open(const std::string& path, int want_width = 1280,
                                                int want_height = 720);
    // Stops streaming, unmaps and closes: the camera is released (LED off).
    ~Camera();
    Camera(const Camera&) = delete;
    Camera& operator=(const Camera&) = delete;

    // Waits up to timeout_ms (negative: no limit) for the next frame and converts it into
    // `out`, reusing its buffer. true: a frame; false: timeout, or a frame that had to be
    // skipped (corrupt or truncated; `out` is then unchanged). camera_lost when the device
    // was unplugged, camera_io when it is otherwise broken.
    Result<bool> nextFrame(GrayFrame& out, int timeout_ms);

    int width() const;
    int height() const;
    std::string formatName() const;  // the V4L2 fourcc, e.g. "YUYV", "GREY", "NV12", "MJPG"

  private:
    struct Impl;
    explicit Camera(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Pixel conversions and format choice, separate so they can be tested without a camera.
namespace detail {

// Luma of packed YUYV (Y0 U Y1 V): every other byte. `stride` >= 2 * width bytes per row.
void yuyvToGray(const std::uint8_t* src, int width, int height, int stride,
                std::vector<std::uint8_t>& out);

// Copies a Y plane with `stride` >= width bytes per row: GREY, and the first plane of NV12,
// NV21, YUV420 (YU12) and YVU420 (YV12).
void nv12ToGray(const std::uint8_t* src, int width, int height, int stride,
                std::vector<std::uint8_t>& out);

// Decodes one (M)JPEG frame to gray. Frames without Huffman tables (usual for UVC webcams)
// get the standard tables of JPEG Annex K. false, with `out` unchanged, for anything that
// is not a complete JPEG (no end-of-image marker, corrupt data).
bool mjpegToGray(const std::uint8_t* data, std::size_t size, GrayFrame& out);

// Converts one captured buffer of `size` valid bytes in V4L2 pixel format `fourcc` into
// `out` (width, height, pixels; not sequence). false, with `out` unchanged, when the buffer
// is too small for width x height at `stride` or the format is unknown.
bool convertFrame(std::uint32_t fourcc, const std::uint8_t* data, std::size_t size, int width,
                  int height, int stride, GrayFrame& out);

// The formats of `offered` this code can convert, most preferred first.
std::vector<std::uint32_t> rankFormats(const std::vector<std::uint32_t>& offered);

// Sorts by path, numbers as numbers: /dev/video2 before /dev/video10.
void sortCameras(std::vector<CameraInfo>& cameras);

// "YUYV" for V4L2_PIX_FMT_YUYV: the four characters, trailing spaces dropped.
std::string fourccName(std::uint32_t fourcc);

}  // namespace detail

}  // namespace pekon::platform
