#include "zbar_engine.hpp"

#include <zbar.h>

ZbarEngine::ZbarEngine() : scanner_(zbar::zbar_image_scanner_create()) {
    zbar::zbar_image_scanner_set_config(static_cast<zbar::zbar_image_scanner_t*>(scanner_),
                                        zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 1);
}

ZbarEngine::~ZbarEngine() {
    zbar::zbar_image_scanner_destroy(static_cast<zbar::zbar_image_scanner_t*>(scanner_));
}

std::vector<std::string> ZbarEngine::read(const std::uint8_t* gray, int width, int height) {
    zbar::zbar_image_t* image = zbar::zbar_image_create();
    zbar::zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image, static_cast<unsigned>(width), static_cast<unsigned>(height));
    zbar::zbar_image_set_data(
        image, gray, static_cast<unsigned long>(width) * static_cast<unsigned long>(height),
        nullptr);
    zbar::zbar_scan_image(static_cast<zbar::zbar_image_scanner_t*>(scanner_), image);
    std::vector<std::string> out;
    for (const zbar::zbar_symbol_t* s = zbar::zbar_image_first_symbol(image); s;
         s = zbar::zbar_symbol_next(s))
        out.emplace_back(zbar::zbar_symbol_get_data(s), zbar::zbar_symbol_get_data_length(s));
    zbar::zbar_image_destroy(image);
    return out;
}
