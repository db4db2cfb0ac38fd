#pragma once

#include <string>

#include "core/result.hpp"

namespace pekon::hub {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string db_url;  // sqlite:PATH, a bare path, or postgresql://... (see openHubStore)
    // Worker threads for the store work (enrolment, pushes, changes). Connections hold no
    // thread: one event thread serves them all, so idle or slow ones delay no one.
    int threads = 8;
    // Behind a proxy that terminates TLS (`serve --behind-tls`): the office console's cookies
    // are marked Secure and its forms must come from https://HOST.
    bool behind_tls = false;
};

// Serves protocol version 1 (/v1/...) and the office console (/office/...; web/console.hpp) until
// SIGTERM or SIGINT, then stops accepting, lets the requests in flight finish (up to 30 s; nothing
// acknowledged is lost: an answer is sent only after its commit) and returns. Limits and behaviour:
// docs/sync-protocol.md, "What pekon-hub does today". Prints "pekon-hub listening on HOST:PORT"
// once bound (the port may be 0: the kernel picks one, and the line says which).
Status serve(const ServeOptions& options);

}  // namespace pekon::hub
