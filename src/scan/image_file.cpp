#include "scan/image_file.hpp"

#include <filesystem>
#include <fstream>
#include <memory>

#include "scan/jpeg_check.hpp"

// stb_image, private to this file. Only the formats Pekon names (PNG, JPEG, BMP, GIF): the
// others (TGA has no signature at all, PSD, PIC, PNM) would only widen what hostile bytes
// can reach. JPEG data is checked by checkJpeg before stb_image sees it.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_NO_HDR
#define STBI_NO_LINEAR
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_BMP
#define STBI_ONLY_GIF
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include <stb_image.h>
#pragma GCC diagnostic pop

namespace pekon::scan {

namespace {

Error imageError(const char* code, std::string id, std::string en) {
    return Error{code, std::move(id), std::move(en)};
}

bool startsWith(std::string_view bytes, std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
}

// stb decodes what is there and invents the rest of a cut-off PNG or JPEG; a file that stops
// early is reported instead, so that a half-copied photo is not read as a different image.
bool truncated(std::string_view bytes) {
    if (startsWith(bytes, "\x89PNG\r\n\x1a\n")) {
        // The last chunk of a whole PNG is IEND (its type followed by its CRC).
        return bytes.size() < 12 || bytes.find("IEND", bytes.size() - 12) == std::string_view::npos;
    }
    if (startsWith(bytes, "\xff\xd8")) {
        // A whole JPEG ends with the EOI marker; some writers add padding after it.
        const size_t eoi = bytes.rfind("\xff\xd9");
        return eoi == std::string_view::npos || bytes.size() - eoi > 4096;
    }
    return false;
}

std::uint32_t be32(std::string_view bytes, size_t at) {
    std::uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

enum class PngLayout { ok, corrupt, truncated };

// The chunks of a PNG, checked for what stb_image 2.27 mishandles (found by tests/fuzz's
// pekon_image_fuzz):
//  - a chunk longer than the rest of the file: for an IDAT stb_image first grows its buffer
//    to hold it (a 100-byte file can make it allocate 2 GiB), then finds the data missing;
//  - an empty IDAT before any data: stb_image copies 0 bytes to its still-null buffer
//    (memcpy(NULL, ...), undefined behaviour).
PngLayout pngLayout(std::string_view bytes) {
    size_t pos = 8;
    bool have_data = false;
    for (;;) {
        if (bytes.size() - pos < 12) return PngLayout::truncated;
        const std::uint32_t length = be32(bytes, pos);
        const std::string_view type = bytes.substr(pos + 4, 4);
        if (length > bytes.size() - pos - 12) return PngLayout::truncated;
        if (type == "IEND") return PngLayout::ok;
        if (type == "IDAT") {
            if (length == 0 && !have_data) return PngLayout::corrupt;
            have_data = true;
        }
        pos += 12 + length;
    }
}

}  // namespace

Result<GrayImage> decodeImage(std::string_view bytes) {
    if (bytes.empty())
        return imageError("image_empty", "Berkas gambar kosong (0 bita).",
                          "The image file is empty (0 bytes).");
    if (bytes.size() > kMaxImageFileBytes) {
        return imageError("image_too_large", "Berkas gambar terlalu besar (lebih dari 64 MiB).",
                          "The image file is too large (over 64 MiB).");
    }
    // Before stb_image reads anything: even its header pass builds the Huffman tables.
    if (looksLikeJpeg(bytes)) {
        if (truncated(bytes)) {
            return imageError("image_truncated", "Berkas gambar terpotong (tidak lengkap).",
                              "The image file is cut short (incomplete).");
        }
        auto jpeg = checkJpeg(bytes);
        if (!jpeg) return jpeg.error();
    }
    if (startsWith(bytes, "\x89PNG\r\n\x1a\n")) {
        switch (pngLayout(bytes)) {
            case PngLayout::ok:
                break;
            case PngLayout::truncated:
                return imageError("image_truncated", "Berkas gambar terpotong (tidak lengkap).",
                                  "The image file is cut short (incomplete).");
            case PngLayout::corrupt:
                return imageError("image_corrupt", "Isi gambar rusak dan tidak bisa dibaca.",
                                  "The image data is damaged and cannot be read.");
        }
    }
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int size = static_cast<int>(bytes.size());
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(data, size, &width, &height, &channels)) {
        return imageError("image_format", "Bukan gambar yang bisa dibaca (PNG, JPEG, BMP, GIF).",
                          "Not an image Pekon can read (PNG, JPEG, BMP, GIF).");
    }
    if (width <= 0 || height <= 0 || width > kMaxImageSide || height > kMaxImageSide ||
        static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) > kMaxImagePixels) {
        return imageError("image_too_large",
                          "Gambar terlalu besar: " + std::to_string(width) + "x" +
                              std::to_string(height) + " piksel (paling banyak 40 juta).",
                          "The image is too large: " + std::to_string(width) + "x" +
                              std::to_string(height) + " pixels (40 million at most).");
    }
    if (truncated(bytes)) {
        return imageError("image_truncated", "Berkas gambar terpotong (tidak lengkap).",
                          "The image file is cut short (incomplete).");
    }
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(data, size, &width, &height, &channels, 1), stbi_image_free);
    if (!pixels) {
        return imageError("image_corrupt", "Isi gambar rusak dan tidak bisa dibaca.",
                          "The image data is damaged and cannot be read.");
    }
    GrayImage image;
    image.width = width;
    image.height = height;
    image.pixels.assign(pixels.get(),
                        pixels.get() + static_cast<size_t>(width) * static_cast<size_t>(height));
    return image;
}

Result<GrayImage> loadImageFile(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
        return imageError("image_unreadable", "Bukan berkas gambar (mungkin sebuah folder).",
                          "Not an image file (perhaps a folder).");
    }
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file) {
        return imageError("image_unreadable", "Berkas gambar tidak bisa dibuka.",
                          "The image file cannot be opened.");
    }
    const std::streamoff size = file.tellg();
    if (size < 0)
        return imageError("image_unreadable", "Berkas gambar tidak bisa dibaca.",
                          "The image file cannot be read.");
    if (static_cast<std::uint64_t>(size) > kMaxImageFileBytes) {
        return imageError("image_too_large", "Berkas gambar terlalu besar (lebih dari 64 MiB).",
                          "The image file is too large (over 64 MiB).");
    }
    std::string bytes(static_cast<size_t>(size), '\0');
    file.seekg(0);
    if (size > 0 && !file.read(bytes.data(), size)) {
        return imageError("image_unreadable", "Berkas gambar tidak bisa dibaca.",
                          "The image file cannot be read.");
    }
    return decodeImage(bytes);
}

}  // namespace pekon::scan
