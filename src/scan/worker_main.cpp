// pekon-scan-worker: decodes frames and photos for the scan sandbox (sandbox_decoder.hpp).
// Started by the sandbox with one end of a socket pair as its stdin and stdout; reads
// requests, answers each (worker_wire.hpp), and exits at the end of the stream or on a
// malformed request. Should ZXing abort or crash on an image, only this process ends; the
// sandbox reports that image as not read and starts a new worker.
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <memory>

#include "scan/decoder.hpp"
#include "scan/worker_wire.hpp"

using namespace pekon::scan;

int main() {
    // Ends with the process that started it, whatever way that one ends.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() == 1) return 0;
    // One decoder per symbology set, kept: the live path's treatment cycle runs over frames.
    Symbologies formats = 0;
    std::unique_ptr<Decoder> decoder;
    wire::Request request;
    while (wire::recvRequest(STDIN_FILENO, request)) {
        if (!decoder || request.formats != formats) {
            formats = request.formats;
            decoder = std::make_unique<Decoder>(formats);
        }
        const GrayView view = request.image.view();
        const auto codes = request.kind == wire::kStill ? decoder->decodeStill(view)
                                                        : decoder->decodeFrame(view);
        const std::string reply = wire::encodeReply(codes);
        if (!wire::sendAll(STDOUT_FILENO, reply.data(), reply.size(), wire::kNoDeadline)) break;
    }
    return 0;
}
