// `pekon scan FILE... [--formats LIST]`: reads barcodes and QR codes in image files and prints
// one JSON object per file and line: {"file","codes":[{"format","text","payload"}],"error"}.
// Exit 0 when every file was read (found codes or not), 1 when one could not be read, 2 for a
// command line it cannot understand (no file, an unknown code type in --formats).
#include <ostream>

#include "app/commands.hpp"
#include "codec/json.hpp"
#include "codec/scan_payload_json.hpp"
#include "core/scan_payload.hpp"
#include "scan/decoder.hpp"
#include "scan/image_file.hpp"

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

    scan::Decoder decoder(formats);
    bool all_read = true;
    for (const std::string& file : args.positional) {
        OrderedJson line = {{"file", file}, {"codes", OrderedJson::array()}, {"error", nullptr}};
        auto image = scan::loadImageFile(file);
        if (!image) {
            all_read = false;
            line["error"] = {{"code", image.error().code},
                             {"message", image.error().message(env.lang())}};
        } else {
            for (const scan::Code& code : decoder.decodeStill(image->view())) {
                const ScanPayload payload = parsePayload(code.text, (*assets)->regions, today);
                line["codes"].push_back({{"format", code.format},
                                         {"text", code.text},
                                         {"payload", scanPayloadJson(payload, env.lang())}});
            }
        }
        env.out() << dumpJson(line) << "\n";
    }
    env.out().flush();
    return all_read ? kExitOk : kExitFailed;
}

}  // namespace pekon::cli
