#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "scan/decoder.hpp"

// The framed messages between the scan sandbox (sandbox_decoder.hpp) and its worker process
// (pekon-scan-worker) over one socket, in host byte order (both ends are the same machine):
//   request: u32 magic "PKSQ", u32 kind (1 live frame, 2 still), u32 symbologies,
//            i32 width, i32 height, then width*height gray bytes, row after row
//   reply:   u32 magic "PKSR", u32 code count, then per code: u32 format length, the format,
//            u32 text length, the text, i32 x, y, width, height
// Every length is bounded; a message outside the bounds is a broken peer.
namespace pekon::scan::wire {

inline constexpr std::uint32_t kRequestMagic = 0x51534b50;  // "PKSQ"
inline constexpr std::uint32_t kReplyMagic = 0x52534b50;    // "PKSR"
inline constexpr std::uint32_t kFrame = 1, kStill = 2;
inline constexpr int kMaxSide = 1 << 14;
inline constexpr std::uint32_t kMaxCodes = 256;
inline constexpr std::uint32_t kMaxFormat = 64;
inline constexpr std::uint32_t kMaxText = 1 << 16;

struct Request {
    std::uint32_t kind = kFrame;
    Symbologies formats = kAllSymbologies;
    GrayImage image;
};

using Clock = std::chrono::steady_clock;
// No deadline: the worker waits for its next request as long as it takes.
inline constexpr Clock::time_point kNoDeadline = Clock::time_point::max();

// Whole-buffer I/O on a socket, waiting with poll() until `deadline`; false on end of stream,
// an error or the deadline. Writes never raise SIGPIPE.
bool sendAll(int fd, const void* data, std::size_t size, Clock::time_point deadline);
bool recvAll(int fd, void* data, std::size_t size, Clock::time_point deadline);

bool sendRequest(int fd, std::uint32_t kind, Symbologies formats, const GrayView& image,
                 Clock::time_point deadline);
// False on end of stream or a malformed request.
bool recvRequest(int fd, Request& request);

std::string encodeReply(const std::vector<Code>& codes);
// False on end of stream, the deadline, or a malformed reply.
bool recvReply(int fd, std::vector<Code>& codes, Clock::time_point deadline);

}  // namespace pekon::scan::wire
