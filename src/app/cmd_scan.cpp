// `pekon scan FILE... [--formats LIST]`: reads barcodes and QR codes in image files and prints
// one JSON object per file and line: {"file","codes":[{"format","text","payload"}],"error"}.
// Each line is written (and flushed) as soon as its file is done. Decoding runs in a worker
// process (scan/sandbox_decoder.hpp): a file the decoder crashes or hangs on gets an error line
// (`scan_crashed`, `scan_timeout`) and the files after it are still read.
// Exit 0 when every file was read (found codes or not), 1 when one could not be read (a bad
// file, or one the decoder crashed or hung on), 2 for a command line it cannot understand (no
// file, an unknown code type in --formats).
#include <ostream>

#include "app/commands.hpp"
#include "codec/json.hpp"
#include "codec/scan_payload_json.hpp"
#include "core/scan_payload.hpp"
#include "scan/decoder.hpp"
#include "scan/image_file.hpp"
#include "scan/sandbox_decoder.hpp"

namespace pekon::cli {

int runScan(CliEnv& env, const Args& args) {
    if (!args.problem.empty()) return env.usage(args.problem);
    if (args.positional.empty()) return env.usage("scan FILE?");
    scan::Symbologies formats = scan::kAllSymbologies;
    if (auto list = args.option("formats")) {
        auto parsed = scan::parseSymbologies(*list);
        if (!parsed) return env.usage(parsed.error().message(env.lang()));
        formats = *parsed;
    }
    auto assets = env.assets();
    if (!assets) return env.fail(assets.error());
    const Date today = env.today();

    scan::SandboxDecoder decoder(formats);
    bool all_read = true;
    for (const std::string& file : args.positional) {
        OrderedJson line = {{"file", file}, {"codes", OrderedJson::array()}, {"error", nullptr}};
        auto image = scan::loadImageFile(file);
        auto codes = image ? decoder.decodeStill(image->view())
                           : Result<std::vector<scan::Code>>(image.error());
        if (!codes) {
            all_read = false;
            line["error"] = {{"code", codes.error().code},
                             {"message", codes.error().message(env.lang())}};
        } else {
            for (const scan::Code& code : *codes) {
                const ScanPayload payload = parsePayload(code.text, (*assets)->regions, today);
                line["codes"].push_back({{"format", code.format},
                                         {"text", code.text},
                                         {"payload", scanPayloadJson(payload, env.lang())}});
            }
        }
        env.out() << dumpJson(line) << "\n";
        env.out().flush();
    }
    return all_read ? kExitOk : kExitFailed;
}

}  // namespace pekon::cli
