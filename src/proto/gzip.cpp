#include "proto/gzip.hpp"

#include <zlib.h>

namespace pekon::sync {

Result<std::string> gunzipBounded(std::string_view compressed, std::size_t limit) {
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        return Error{"bad_request", "Kiriman gzip tidak bisa dibaca.",
                     "The gzip body cannot be read."};
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[16384];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&z);
            return Error{"bad_request", "Kiriman gzip rusak.", "The gzip body is damaged."};
        }
        out.append(buffer, sizeof buffer - z.avail_out);
        if (out.size() > limit) {
            inflateEnd(&z);
            return Error{"too_large", "Kiriman lebih dari 1 MiB setelah dibuka.",
                         "The request is over 1 MiB unpacked."};
        }
        if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
            inflateEnd(&z);
            return Error{"bad_request", "Kiriman gzip terpotong.", "The gzip body is cut short."};
        }
    }
    inflateEnd(&z);
    return out;
}

std::string gzip(std::string_view plain) {
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    z.avail_in = static_cast<uInt>(plain.size());
    std::string out(deflateBound(&z, static_cast<uLong>(plain.size())), '\0');
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    return out;
}

}  // namespace pekon::sync
