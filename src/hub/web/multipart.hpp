#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "hub/web/http_fields.hpp"

// multipart/form-data (RFC 7578) as the console's upload form sends it: form fields plus at
// most one file. Pure and bounded; every refusal is `bad_multipart` (or `upload_too_large`
// past kMaxUploadBytes).
namespace pekon::hub::web {

inline constexpr std::size_t kMaxUploadBytes = 8u << 20;  // the whole body
inline constexpr std::size_t kMaxMultipartParts = 64;
inline constexpr std::size_t kMaxPartHeaderBytes = 4 * 1024;

struct UploadedFile {
    std::string field;         // the form field's name
    std::string filename;      // as the browser sent it (only for display; never a path)
    std::string content_type;  // "" when not given
    std::string data;
};

struct MultipartBody {
    Form fields;                       // the parts without a filename, as text
    std::optional<UploadedFile> file;  // the one part with a filename
};

// The boundary of a `multipart/form-data; boundary=...` Content-Type (quoted or not, 1..70
// characters of RFC 2046's set); `bad_multipart` when it is another type or has none.
Result<std::string> multipartBoundary(std::string_view content_type);

// The parts of `body`. Refused: a missing first or closing delimiter, a part without a
// `Content-Disposition: form-data; name=...`, header lines over kMaxPartHeaderBytes, more than
// kMaxMultipartParts parts, a second file, text fields over kMaxFormBytes in all.
Result<MultipartBody> parseMultipart(std::string_view body, std::string_view boundary);

}  // namespace pekon::hub::web
