#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

// The request target of an HTTP request as it came off the wire, checked before any routing:
// a hub has a handful of plain paths, so anything a path filter in front of it could read one
// way and the hub another is refused rather than normalised.
namespace pekon::hub {

struct RequestTarget {
    std::string path;   // as sent, e.g. /v1/changes
    std::string query;  // after the first '?', without it; "" when none
};

// Refused (`bad_path`): a target that does not start with '/', a path with any
// percent-encoding (%2F, %5C, %65...), a backslash, an empty segment (//), a dot segment
// (/./, /../, a trailing /. or /..), or a byte outside printable ASCII. The query is only
// checked for bytes outside printable ASCII.
Result<RequestTarget> parseRequestTarget(std::string_view raw);

// The value of the first `name=value` of a query, percent-decoded ('+' stays '+'); nothing
// when the name is absent. A malformed escape (`%4`, `%zz`) is `bad_request`.
Result<std::optional<std::string>> queryParam(std::string_view query, std::string_view name);

}  // namespace pekon::hub
