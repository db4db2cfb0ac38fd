// pekon_png_check FILE...: fails unless every PNG is a real picture, not a blank or
// single-colour frame (the screenshot check of scripts/test).
#include <stb_image.h>

#include <cstdio>
#include <set>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: pekon_png_check FILE...\n");
        return 2;
    }
    int bad = 0;
    for (int i = 1; i < argc; ++i) {
        int w = 0, h = 0, n = 0;
        unsigned char* px = stbi_load(argv[i], &w, &h, &n, 3);
        if (!px) {
            std::fprintf(stderr, "%s: not a readable PNG\n", argv[i]);
            ++bad;
            continue;
        }
        std::set<unsigned> colours;
        long dark = 0;
        for (long p = 0; p < static_cast<long>(w) * h; ++p) {
            const unsigned char* c = px + p * 3;
            colours.insert((c[0] << 16) | (c[1] << 8) | c[2]);
            dark += (c[0] + c[1] + c[2]) < 200;
        }
        stbi_image_free(px);
        // A drawn screen has text (dark pixels) and anti-aliased edges (many colours).
        const bool blank = colours.size() < 16 || dark < 500;
        std::printf("%s: %dx%d, %zu colours, %ld dark pixels%s\n", argv[i], w, h, colours.size(),
                    dark, blank ? "  BLANK" : "");
        bad += blank;
    }
    return bad == 0 ? 0 : 1;
}
