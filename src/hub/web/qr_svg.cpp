#include "hub/web/qr_svg.hpp"

#include "hub/web/html.hpp"
#include "scan/qr_encode.hpp"

namespace pekon::hub::web {

Result<std::string> qrSvg(const std::string& text, const std::string& label) {
    auto qr = encodeQr(text);
    if (!qr) return qr.error();
    const std::string side = std::to_string(qr->size);
    std::string path;
    for (int y = 0; y < qr->size; ++y) {
        for (int x = 0; x < qr->size;) {
            if (!qr->dark(x, y)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < qr->size && qr->dark(x + run, y)) ++run;
            path += "M" + std::to_string(x) + " " + std::to_string(y) + "h" + std::to_string(run) +
                    "v1h-" + std::to_string(run) + "z";
            x += run;
        }
    }
    Html h;
    h.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                   {"viewBox", "0 0 " + side + " " + side},
                   {"class", "qr"},
                   {"role", "img"},
                   {"aria-label", label},
                   {"shape-rendering", "crispEdges"}});
    h.empty("rect", {{"width", side}, {"height", side}, {"fill", "#fff"}}).close("rect");
    h.empty("path", {{"d", path}, {"fill", "#000"}}).close("path");
    h.close("svg");
    return h.take();
}

}  // namespace pekon::hub::web
