// Finding the V4L2 capture devices: /dev/video* that can stream video, in numeric order.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <tuple>

#include "platform/camera.hpp"
#include "platform/linux/v4l2.hpp"

namespace pekon::platform {

namespace {

// "/dev/video10" -> ("/dev/video", 10, path); no trailing number -> (path, -1, path).
std::tuple<std::string, long long, std::string> pathKey(const std::string& path) {
    std::size_t i = path.size();
    while (i > 0 && path[i - 1] >= '0' && path[i - 1] <= '9') --i;
    if (i == path.size() || path.size() - i > 18) return {path, -1, path};
    long long number = 0;
    for (std::size_t k = i; k < path.size(); ++k) number = number * 10 + (path[k] - '0');
    return {path.substr(0, i), number, path};
}

}  // namespace

namespace detail {

void sortCameras(std::vector<CameraInfo>& cameras) {
    std::sort(cameras.begin(), cameras.end(), [](const CameraInfo& a, const CameraInfo& b) {
        return pathKey(a.path) < pathKey(b.path);
    });
}

}  // namespace detail

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
        v4l2::Fd fd(::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
        if (fd.fd < 0) continue;
        v4l2_capability cap{};
        if (v4l2::xioctl(fd.fd, VIDIOC_QUERYCAP, &cap) != 0 || !v4l2::isCaptureStreaming(cap))
            continue;
        cameras.push_back(CameraInfo{path, v4l2::cardName(cap)});
    }
    detail::sortCameras(cameras);
    return cameras;
}

}  // namespace pekon::platform
