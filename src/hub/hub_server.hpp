#pragma once

#include <string>

#include "core/result.hpp"

namespace pekon::hub {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string db_url;  // sqlite:PATH, a bare path, or postgresql://... (see openHubStore)
    // Worker threads; connections beyond them wait in the queue. A device keeps its connection
    // for a whole sync and works between its requests, so there are more threads than cores.
    int threads = 32;
};

// Serves protocol version 1 until SIGTERM or SIGINT, then stops accepting, lets the requests
// in flight finish (nothing acknowledged is lost: an answer is sent only after its commit)
// and returns. Prints "pekon-hub listening on HOST:PORT" once bound (the port may be 0: the
// kernel picks one, and the line says which).
Status serve(const ServeOptions& options);

}  // namespace pekon::hub
