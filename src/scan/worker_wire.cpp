#include "scan/worker_wire.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace pekon::scan::wire {

namespace {

// Waits until `fd` is ready for `events` or the deadline passes.
bool waitFor(int fd, short events, Clock::time_point deadline) {
    for (;;) {
        int timeout_ms = -1;
        if (deadline != kNoDeadline) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - Clock::now());
            if (left.count() < 0) return false;
            timeout_ms = static_cast<int>(left.count()) + 1;
        }
        pollfd p{fd, events, 0};
        const int n = ::poll(&p, 1, timeout_ms);
        if (n > 0) return true;  // ready, or hung up: the read/write then says which
        if (n == 0 && deadline != kNoDeadline && Clock::now() >= deadline) return false;
        if (n < 0 && errno != EINTR) return false;
    }
}

void put32(std::string& out, std::uint32_t v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

bool get32(int fd, std::uint32_t& v, Clock::time_point deadline) {
    return recvAll(fd, &v, sizeof v, deadline);
}

}  // namespace

bool sendAll(int fd, const void* data, std::size_t size, Clock::time_point deadline) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::send(fd, p, size, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            p += n;
            size -= static_cast<std::size_t>(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!waitFor(fd, POLLOUT, deadline)) return false;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return false;
        }
    }
    return true;
}

bool recvAll(int fd, void* data, std::size_t size, Clock::time_point deadline) {
    char* p = static_cast<char*>(data);
    while (size > 0) {
        const ssize_t n = ::recv(fd, p, size, MSG_DONTWAIT);
        if (n > 0) {
            p += n;
            size -= static_cast<std::size_t>(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!waitFor(fd, POLLIN, deadline)) return false;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return false;  // 0: the peer closed (the worker died)
        }
    }
    return true;
}

bool sendRequest(int fd, std::uint32_t kind, Symbologies formats, const GrayView& image,
                 Clock::time_point deadline) {
    if (image.empty() || image.width > kMaxSide || image.height > kMaxSide) return false;
    std::string header;
    put32(header, kRequestMagic);
    put32(header, kind);
    put32(header, formats);
    put32(header, static_cast<std::uint32_t>(image.width));
    put32(header, static_cast<std::uint32_t>(image.height));
    if (!sendAll(fd, header.data(), header.size(), deadline)) return false;
    const std::size_t w = static_cast<std::size_t>(image.width);
    if (image.stride == image.width)
        return sendAll(fd, image.data, w * static_cast<std::size_t>(image.height), deadline);
    std::vector<std::uint8_t> packed(w * static_cast<std::size_t>(image.height));
    for (int y = 0; y < image.height; ++y)
        std::memcpy(packed.data() + y * w, image.data + static_cast<long>(y) * image.stride, w);
    return sendAll(fd, packed.data(), packed.size(), deadline);
}

bool recvRequest(int fd, Request& request) {
    std::uint32_t head[5];
    if (!recvAll(fd, head, sizeof head, kNoDeadline)) return false;
    const int width = static_cast<int>(head[3]), height = static_cast<int>(head[4]);
    if (head[0] != kRequestMagic || (head[1] != kFrame && head[1] != kStill) || width <= 0 ||
        height <= 0 || width > kMaxSide || height > kMaxSide)
        return false;
    request.kind = head[1];
    request.formats = head[2] & kAllSymbologies;
    request.image.width = width;
    request.image.height = height;
    request.image.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    return recvAll(fd, request.image.pixels.data(), request.image.pixels.size(), kNoDeadline);
}

std::string encodeReply(const std::vector<Code>& codes) {
    std::string out;
    put32(out, kReplyMagic);
    const std::uint32_t count = std::min<std::uint32_t>(kMaxCodes, codes.size());
    put32(out, count);
    for (std::uint32_t i = 0; i < count; ++i) {
        const Code& c = codes[i];
        const std::string format = c.format.substr(0, kMaxFormat);
        const std::string text = c.text.substr(0, kMaxText);
        put32(out, static_cast<std::uint32_t>(format.size()));
        out += format;
        put32(out, static_cast<std::uint32_t>(text.size()));
        out += text;
        for (int v : {c.box.x, c.box.y, c.box.width, c.box.height})
            put32(out, static_cast<std::uint32_t>(v));
    }
    return out;
}

bool recvReply(int fd, std::vector<Code>& codes, Clock::time_point deadline) {
    std::uint32_t magic = 0, count = 0;
    if (!get32(fd, magic, deadline) || magic != kReplyMagic) return false;
    if (!get32(fd, count, deadline) || count > kMaxCodes) return false;
    codes.clear();
    for (std::uint32_t i = 0; i < count; ++i) {
        Code c;
        std::uint32_t n = 0;
        if (!get32(fd, n, deadline) || n > kMaxFormat) return false;
        c.format.resize(n);
        if (!recvAll(fd, c.format.data(), n, deadline)) return false;
        if (!get32(fd, n, deadline) || n > kMaxText) return false;
        c.text.resize(n);
        if (!recvAll(fd, c.text.data(), n, deadline)) return false;
        std::uint32_t box[4];
        if (!recvAll(fd, box, sizeof box, deadline)) return false;
        c.box = {static_cast<int>(box[0]), static_cast<int>(box[1]), static_cast<int>(box[2]),
                 static_cast<int>(box[3]), 0};
        codes.push_back(std::move(c));
    }
    return true;
}

}  // namespace pekon::scan::wire
