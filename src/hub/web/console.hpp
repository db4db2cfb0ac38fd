#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/catalog.hpp"
#include "core/date.hpp"
#include "core/outreach.hpp"
#include "core/population.hpp"
#include "core/regions.hpp"
#include "hub/hub_store.hpp"
#include "hub/office_staff.hpp"
#include "hub/web/html.hpp"
#include "hub/web/http_fields.hpp"
#include "hub/web/multipart.hpp"

// The office console: the web pages pekon-hub serves under /office/ to district staff.
// hub_server moves the bytes (and enforces the size and time limits); this is what a request
// means: which page, who is signed in, whether they may, and the page's HTML.
//
// HOW TO ADD A PAGE
//   1. Write `WebResponse myPage(PageContext& ctx)` in a new src/hub/web/page_<name>.cpp (and
//      list the file in src/hub/CMakeLists.txt). Read the request from ctx.query (the query
//      string, decoded), the store through ctx.db() / ctx.store (the store's lock is held for
//      the whole call), the signed-in staff member from ctx.who(). Build the body with Html
//      (everything not markup is escaped; NEVER put data through Html::raw), every visible
//      word through ctx.t("key") with the key in BOTH assets/i18n/hub.id.json and hub.en.json,
//      and answer `return page(ctx, ctx.t("mypage.title"), html.take());` (the layout: header,
//      nav, language switch, sign-out). Errors: `return errorPage(ctx, 404, "error.not_found")`.
//   2. Declare it in src/hub/web/pages.hpp and add a line to kRoutes in console.cpp:
//        {"GET", "/office/mine", Access::signed_in, myPage},
//      Access: signed_in (any role reads), decide (admin, verifier), manage (admin); the
//      console checks it before calling the handler. For the nav, add a line to kNav in
//      layout.cpp (shown to the roles its Access allows).
// A FORM
//   Open it with postForm(html, ctx, "/office/mine/do") (method=post, the session's CSRF token
//   in a hidden field), close it with html.close("form"), and route the POST like a page. The
//   console checks the CSRF token and the Origin (Sec-Fetch-Site, Referer) of every POST
//   before the handler runs; the handler reads ctx.form and answers, after the change,
//   `return redirect("/office/mine?done=mine_saved");` (POST-redirect-GET; `done=<code>` shows
//   the text of key `done.<code>` as a notice on the next page). Form bodies are capped at
//   64 KiB. A FILE UPLOAD: mark the route `upload` (the 5th field, true): its multipart body
//   may be 8 MiB; the form is postForm(html, ctx, action, true) (enctype multipart/form-data,
//   with an <input type="file" name=...>) and the handler finds the file in ctx.file.
// A DOWNLOAD
//   Write the file to a temporary file (e.g. `FILE* f = std::tmpfile()`, written, flushed),
//   then `return download(ctx, ::dup(fileno(f)), size, "text/csv", "pekon-export.csv");`
//   (closing the FILE afterwards): hub_server streams it with MHD_create_response_from_fd and
//   closes the descriptor. The file name must be plain ASCII, and never a NIK or a name.
// Audit: staff changes are audited by office_staff; a page that shows or changes personal
// data appends its own line (appendAudit) with ctx.who() as the actor.
namespace pekon::hub {
class HubApi;
}

namespace pekon::hub::web {

// A request as hub_server hands it over (HEAD arrives as GET).
struct WebRequest {
    std::string method;
    std::string path;
    std::string query;  // raw, after '?'
    std::string host;
    std::string cookie;
    std::string origin;
    std::string referer;
    std::string sec_fetch_site;
    std::string accept_language;
    std::string content_type;
    std::string body;
};

// A file to send as it is on disk: hub_server hands the descriptor to libmicrohttpd, which
// closes it.
struct Download {
    int fd = -1;
    std::uint64_t size = 0;
};

struct WebResponse {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie, Location...
    std::string body;
    std::optional<Download> download;  // instead of `body`
    bool cacheable = false;            // the stylesheet; pages are never stored
};

enum class Access {
    anyone,     // the sign-in page, the language switch
    signed_in,  // any role (viewer reads)
    decide,     // admin, verifier
    manage,     // admin: staff, devices, enrolment codes, the audit log
};
bool allows(Access access, StaffRole role);

struct ConsoleOptions {
    // The hub is reached over HTTPS through a proxy that terminates TLS (serve
    // --behind-tls): cookies get `Secure`, and a POST's Origin must be https://HOST.
    bool behind_tls = false;
};

// What a handler sees.
class PageContext {
  public:
    PageContext(const WebRequest& request, Lang lang, const Catalog& catalog, HubStore& store,
                UnixSeconds now, const ConsoleOptions& options)
        : request(request),
          lang(lang),
          catalog(catalog),
          store(store),
          now(now),
          options(options) {}

    const WebRequest& request;
    Lang lang;
    const Catalog& catalog;
    HubStore& store;  // its lock is held while the handler runs
    UnixSeconds now;
    const ConsoleOptions& options;
    std::optional<StaffSession> session;   // always set on pages that are not Access::anyone
    std::string session_token;             // the cookie's token, when signed in
    Form query;                            // the query string, decoded
    Form form;                             // a POST's fields (url-encoded or multipart)
    std::optional<UploadedFile> file;      // an upload route's file
    const RegionTable* regions = nullptr;  // when the assets were found
    const PopulationFile* population = nullptr;  // the official totals, when found
    const std::vector<MaterialTopic>* topics = nullptr;  // the materials' topics, when found

    HubDb& db() { return store.db(); }
    const StaffAccount& who() const { return session->who; }
    std::string t(std::string_view key) const { return catalog.text(key, lang); }
    std::string t(std::string_view key,
                  const std::vector<std::pair<std::string, std::string>>& args) const {
        return catalog.text(key, lang, args);
    }
    // Whether the catalog has `key` (for codes from a query: done=..., error=...).
    bool hasText(std::string_view key) const;
};

using Handler = WebResponse (*)(PageContext&);

struct Route {
    const char* method;  // GET or POST
    const char* path;    // exact
    Access access;
    Handler handler;
    bool upload = false;  // a multipart body up to kMaxUploadBytes
};

// --- What handlers answer with -------------------------------------------------------------

// The page in the layout (responses from layout.cpp).
WebResponse page(PageContext& ctx, std::string_view title, const std::string& main_html,
                 int status = 200);
// An error page in the user's language: `message_key` from the catalog; nothing else of the
// request (never a NIK, a name or a stack).
WebResponse errorPage(PageContext& ctx, int status, std::string_view message_key);
// 303 See Other to `location` (a path of this hub).
WebResponse redirect(std::string location);
// A file download (see above). `filename`: [A-Za-z0-9._-] only.
WebResponse download(PageContext& ctx, int fd, std::uint64_t size, std::string content_type,
                     const std::string& filename);
// A new empty 0600 file in $TMPDIR (else /tmp) named `prefix`-XXXXXX, for a download to be
// written to; "" when none can be made.
std::string temporaryFile(const std::string& prefix);
// The file at `path` as a download, unlinked at once (the open descriptor keeps it until it is
// sent); the page of `export.error.write` when it cannot be opened.
WebResponse downloadFile(PageContext& ctx, const std::string& path, std::string content_type,
                         const std::string& filename);
// <form method="post" action=... [enctype=multipart/form-data]> and the CSRF field.
Html& postForm(Html& html, const PageContext& ctx, std::string_view action, bool upload = false);

// A time as the office reads it: "2026-12-07 09:30" in the hub's local time zone.
std::string formatTime(UnixSeconds at);

class Console {
  public:
    // The texts are parsed (they are compiled in); fails only on a broken build.
    static Result<Console> make(HubApi& api, ConsoleOptions options);

    // Whether hub_server should hand this path to the console: "/" and /office/...
    static bool owns(std::string_view path);
    // The largest body a request may carry (decided from its headers): 8 MiB for the
    // multipart POST of an upload route, 64 KiB for any other POST, 4 KiB otherwise.
    std::size_t bodyCap(const WebRequest& headers) const;
    // Answered on the event loop without the store: "/", the stylesheet, an unknown method.
    // Nothing: hand the request (with its body) to handle() on a worker.
    std::optional<WebResponse> quick(const WebRequest& request) const;
    // Everything else, on a worker.
    WebResponse handle(const WebRequest& request);
    // A refusal before the body is read (413 too large...), as an HTML page.
    WebResponse refusal(const WebRequest& request, int status, std::string_view message_key) const;

  private:
    Console(HubApi& api, ConsoleOptions options, Catalog catalog);
    WebResponse dispatch(PageContext& ctx, const Route& route, const Form& cookies);

    HubApi* api_;
    ConsoleOptions options_;
    Catalog catalog_;
    std::optional<RegionTable> regions_;
    std::optional<PopulationFile> population_;
    std::optional<std::vector<MaterialTopic>> topics_;
};

}  // namespace pekon::hub::web
