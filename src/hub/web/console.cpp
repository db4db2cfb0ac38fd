#include "hub/web/console.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include <ctime>
#include <iostream>

#include "codec/assets.hpp"
#include "hub/hub_api.hpp"
#include "hub/web/embedded_files.hpp"
#include "hub/web/layout.hpp"
#include "hub/web/pages.hpp"
#include "hub/web/security.hpp"
#include "hub/web/texts.hpp"
#include "platform/clock.hpp"
#include "platform/paths.hpp"

namespace pekon::hub::web {

namespace {

// Every page and action of the console. Paths are exact; ids travel in the query or the form.
constexpr Route kRoutes[] = {
    {"GET", "/office/", Access::signed_in, homePage},
    {"GET", "/office/sign-in", Access::anyone, signInPage},
    {"POST", "/office/sign-in", Access::anyone, signInAction},
    {"POST", "/office/sign-out", Access::signed_in, signOutAction},
    {"GET", "/office/lang", Access::anyone, languageSwitch},
    {"GET", "/office/account", Access::signed_in, accountPage},
    {"POST", "/office/account/password", Access::signed_in, changePasswordAction},
    {"GET", "/office/staff", Access::manage, staffPage},
    {"POST", "/office/staff/add", Access::manage, staffAddAction},
    {"POST", "/office/staff/role", Access::manage, staffRoleAction},
    {"POST", "/office/staff/disable", Access::manage, staffDisableAction},
    {"POST", "/office/staff/enable", Access::manage, staffEnableAction},
    {"POST", "/office/staff/unlock", Access::manage, staffUnlockAction},
    {"POST", "/office/staff/password", Access::manage, staffPasswordAction},
    {"GET", "/office/audit", Access::manage, auditPage},
    {"GET", "/office/devices", Access::signed_in, devicesPage},
    {"GET", "/office/devices/revoke", Access::manage, revokeConfirmPage},
    {"POST", "/office/devices/revoke", Access::manage, revokeAction},
    {"GET", "/office/codes", Access::manage, codesPage},
    {"POST", "/office/codes", Access::manage, createCodeAction},
    {"GET", "/office/queue", Access::signed_in, queuePageView},
    {"GET", "/office/members/*", Access::signed_in, memberPage},
    {"POST", "/office/decide", Access::decide, decideAction},
    {"GET", "/office/status-upload", Access::decide, statusUploadPage},
    {"POST", "/office/status-upload", Access::decide, statusUploadAction, true},
    {"POST", "/office/export", Access::decide, exportAction},
    {"GET", "/office/dashboard", Access::signed_in, dashboardPage},
    {"GET", "/office/dashboard/export", Access::signed_in, dashboardExport},
    {"GET", "/office/complaints", Access::signed_in, complaintsPage},
    {"GET", "/office/complaints/settings", Access::manage, complaintSettingsPage},
    {"POST", "/office/complaints/settings", Access::manage, complaintSettingsAction},
    {"POST", "/office/complaints/act", Access::decide, complaintAction},
    {"GET", "/office/complaints/*", Access::signed_in, complaintPage},  // after the exact ones
};

constexpr std::size_t kGetCap = 4 * 1024;
constexpr std::string_view kAssetPrefix = "/office/assets/";

const Route* findRoute(std::string_view method, std::string_view path, bool& path_known) {
    path_known = false;
    for (const Route& r : kRoutes) {
        // A path ending in '*' is a prefix (the page reads the rest from the request's path).
        const std::string_view pattern(r.path);
        const bool prefix = !pattern.empty() && pattern.back() == '*';
        if (prefix ? path.size() < pattern.size() ||
                         path.substr(0, pattern.size() - 1) != pattern.substr(0, pattern.size() - 1)
                   : path != pattern)
            continue;
        path_known = true;
        if (method == r.method) return &r;
    }
    return nullptr;
}

Lang languageOf(const WebRequest& request, const Form& cookies) {
    if (auto chosen = cookies.get(kLangCookie))
        if (auto lang = parseLang(*chosen)) return *lang;
    return pickLanguage(request.accept_language);
}

Form cookiesOf(const WebRequest& request) {
    auto parsed = parseCookies(request.cookie);
    return parsed ? std::move(parsed.value()) : Form();
}

bool isMultipart(std::string_view content_type) {
    return multipartBoundary(content_type).ok();
}

std::string_view mimeOf(std::string_view name) {
    if (name.size() >= 4 && name.substr(name.size() - 4) == ".css")
        return "text/css; charset=utf-8";
    if (name.size() >= 3 && name.substr(name.size() - 3) == ".js")
        return "text/javascript; charset=utf-8";
    if (name.size() >= 4 && name.substr(name.size() - 4) == ".svg") return "image/svg+xml";
    return "application/octet-stream";
}

WebResponse finished(WebResponse r) {
    for (auto& header : securityHeaders()) r.headers.push_back(std::move(header));
    r.headers.emplace_back("Cache-Control", r.cacheable ? "max-age=300" : "no-store");
    return r;
}

WebResponse htmlError(const Catalog& catalog, Lang lang, const StaffSession* session,
                      std::string_view path, int status, std::string_view key) {
    Html main;
    main.el("p", {{"class", "error"}}, catalog.text(key, lang));
    main.open("p")
        .el("a", {{"href", "/office/"}}, catalog.text("error.back_home", lang))
        .close("p");
    WebResponse r;
    r.status = status;
    const std::string title = catalog.text("error.title", lang);
    r.body = renderLayout(LayoutInput{lang, &catalog, session, path, title, "", main.str()});
    return r;
}

}  // namespace

bool PageContext::hasText(std::string_view key) const {
    return catalog.texts(lang).count(key) > 0;
}

// --- Responses ---------------------------------------------------------------------------

WebResponse page(PageContext& ctx, std::string_view title, const std::string& main_html,
                 int status) {
    std::string notice;
    if (auto done = ctx.query.get("done")) {
        const std::string key = "done." + *done;
        if (ctx.hasText(key)) notice = ctx.t(key);
    }
    WebResponse r;
    r.status = status;
    r.body = renderLayout(LayoutInput{ctx.lang, &ctx.catalog, ctx.session ? &*ctx.session : nullptr,
                                      ctx.request.path, title, notice, main_html});
    return r;
}

WebResponse errorPage(PageContext& ctx, int status, std::string_view message_key) {
    return htmlError(ctx.catalog, ctx.lang, ctx.session ? &*ctx.session : nullptr, ctx.request.path,
                     status, message_key);
}

WebResponse redirect(std::string location) {
    WebResponse r;
    r.status = 303;
    r.headers.emplace_back("Location", std::move(location));
    return r;
}

WebResponse download(PageContext&, int fd, std::uint64_t size, std::string content_type,
                     const std::string& filename) {
    std::string safe;
    for (char c : filename)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '.' || c == '_' || c == '-')
            safe.push_back(c);
    if (safe.empty()) safe = "download";
    WebResponse r;
    r.content_type = std::move(content_type);
    r.download = Download{fd, size};
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + safe + "\"");
    return r;
}

std::string temporaryFile(const std::string& prefix) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/" + prefix + "-XXXXXX";
    const int made = ::mkstemp(path.data());
    if (made < 0) return "";
    ::close(made);
    return path;
}

WebResponse downloadFile(PageContext& ctx, const std::string& path, std::string content_type,
                         const std::string& filename) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    ::unlink(path.c_str());
    if (fd < 0) return errorPage(ctx, 503, "export.error.write");
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return errorPage(ctx, 503, "export.error.write");
    }
    return download(ctx, fd, static_cast<std::uint64_t>(st.st_size), std::move(content_type),
                    filename);
}

Html& postForm(Html& html, const PageContext& ctx, std::string_view action, bool upload) {
    html.open(
        "form",
        {{"method", "post"}, {"action", action}, {upload ? "enctype" : "", "multipart/form-data"}});
    return html.hidden("csrf",
                       ctx.session ? std::string_view(ctx.session->csrf) : std::string_view());
}

std::string formatTime(UnixSeconds at) {
    const std::time_t t = static_cast<std::time_t>(at);
    std::tm local{};
    if (!::localtime_r(&t, &local)) return std::to_string(at);
    char text[32];
    if (std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local) == 0) return std::to_string(at);
    return text;
}

// --- The console ---------------------------------------------------------------------------

Result<Console> Console::make(HubApi& api, ConsoleOptions options) {
    if (sodium_init() < 0)
        return Error{"sodium_failed", "libsodium tidak bisa dimulai.", "libsodium cannot start."};
    auto texts = loadHubTexts();
    if (!texts) return texts.error();
    Console console(api, options, std::move(texts.value()));
    // The region tables check a kiosk code's area when Pekon's assets are found (as the
    // command line's `token create --kiosk`); without them, its form only.
    auto dir = platform::findAssetsDir();
    auto regions = dir ? loadRegions(*dir) : Result<RegionTable>(dir.error());
    if (regions)
        console.regions_ = std::move(regions.value());
    else
        std::cerr << "pekon-hub: kiosk areas are not checked against the region tables ("
                  << regions.error().message_en << ")\n";
    // The regency's official population, which the dashboard's coverage is measured against.
    auto population = dir ? loadPopulation(*dir) : Result<PopulationFile>(dir.error());
    if (population)
        console.population_ = std::move(population.value());
    else
        std::cerr << "pekon-hub: the dashboard has no official population ("
                  << population.error().message_en << ")\n";
    // The outreach materials' topics, which name the sessions' topics on the dashboard.
    auto topics = dir ? loadMaterials(*dir) : Result<std::vector<MaterialTopic>>(dir.error());
    if (topics) console.topics_ = std::move(topics.value());
    return console;
}

Console::Console(HubApi& api, ConsoleOptions options, Catalog catalog)
    : api_(&api), options_(options), catalog_(std::move(catalog)) {}

bool Console::owns(std::string_view path) {
    return path == "/" || path == "/office" || path.rfind("/office/", 0) == 0;
}

std::size_t Console::bodyCap(const WebRequest& r) const {
    if (r.method != "POST") return kGetCap;
    bool known = false;
    const Route* route = findRoute(r.method, r.path, known);
    if (route && route->upload && isMultipart(r.content_type)) return kMaxUploadBytes;
    return kMaxFormBytes;
}

std::optional<WebResponse> Console::quick(const WebRequest& r) const {
    if (r.path == "/" || r.path == "/office") return finished(redirect("/office/"));
    if (r.path.rfind(kAssetPrefix, 0) == 0) {
        if (r.method != "GET") return refusal(r, 405, "error.method");
        const std::string name = "hub/" + r.path.substr(kAssetPrefix.size());
        const std::string_view data = embeddedFile(name);
        if (data.data() == nullptr) return refusal(r, 404, "error.not_found");
        WebResponse out;
        out.content_type = std::string(mimeOf(name));
        out.body = std::string(data);
        out.cacheable = true;
        return finished(std::move(out));
    }
    if (r.method != "GET" && r.method != "POST") return refusal(r, 405, "error.method");
    return std::nullopt;
}

WebResponse Console::refusal(const WebRequest& r, int status, std::string_view key) const {
    const Form cookies = cookiesOf(r);
    return finished(htmlError(catalog_, languageOf(r, cookies), nullptr, r.path, status, key));
}

WebResponse Console::handle(const WebRequest& r) {
    const Form cookies = cookiesOf(r);
    const Lang lang = languageOf(r, cookies);
    bool known = false;
    const Route* route = findRoute(r.method, r.path, known);
    if (!route)
        return finished(htmlError(catalog_, lang, nullptr, r.path, known ? 405 : 404,
                                  known ? "error.method" : "error.not_found"));
    auto turn = api_->storeTurn();
    PageContext ctx(r, lang, catalog_, turn.store, platform::nowSeconds(), options_);
    ctx.regions = regions_ ? &*regions_ : nullptr;
    ctx.population = population_ ? &*population_ : nullptr;
    ctx.topics = topics_ ? &*topics_ : nullptr;
    auto answer = [&]() -> WebResponse {
        try {
            return dispatch(ctx, *route, cookies);
        } catch (const std::exception&) {
            // A bug: the page says so in the user's words; nothing of the request is shown
            // or logged.
            return errorPage(ctx, 500, "error.internal");
        }
    }();
    // A decision or a status upload may have queued rows for the kiosks' table.
    if (route->access == Access::decide && r.method == "POST") {
        turn.lock = {};
        api_->kioskRowsQueued();
    }
    return finished(std::move(answer));
}

WebResponse Console::dispatch(PageContext& ctx, const Route& route, const Form& cookies) {
    const WebRequest& r = ctx.request;
    auto query = parseFormUrlEncoded(r.query);
    if (!query) return errorPage(ctx, 400, "error.bad_request");
    ctx.query = std::move(query.value());

    // Who is signed in.
    const auto token = cookies.get(kSessionCookie);
    if (token && !token->empty()) {
        auto session = sessionOf(ctx.db(), *token, ctx.now);
        if (!session) return errorPage(ctx, 503, "error.storage");
        ctx.session = std::move(session.value());
        if (ctx.session) ctx.session_token = *token;
    }
    if (route.access != Access::anyone) {
        if (!ctx.session) {
            // Not signed in, or the session ended (idle, too old, signed out elsewhere).
            WebResponse to = redirect(token ? "/office/sign-in?ended=1" : "/office/sign-in");
            if (token)
                to.headers.emplace_back(
                    "Set-Cookie", cookieHeader(kSessionCookie, "", "/", options_.behind_tls, 0));
            return to;
        }
        if (!allows(route.access, ctx.who().role)) return errorPage(ctx, 403, "error.forbidden");
    }

    if (r.method == "POST") {
        if (!sameOrigin(OriginHeaders{r.host, r.origin, r.sec_fetch_site, r.referer},
                        options_.behind_tls))
            return errorPage(ctx, 403, "error.origin");
        if (route.upload && isMultipart(r.content_type)) {
            auto parts = parseMultipart(r.body, multipartBoundary(r.content_type).value());
            if (!parts)
                return errorPage(ctx, parts.error().code == "upload_too_large" ? 413 : 400,
                                 "error.bad_upload");
            ctx.form = std::move(parts->fields);
            ctx.file = std::move(parts->file);
        } else {
            const std::string_view type =
                std::string_view(r.content_type).substr(0, r.content_type.find(';'));
            if (type != "application/x-www-form-urlencoded")
                return errorPage(ctx, 415, "error.bad_request");
            auto form = parseFormUrlEncoded(r.body);
            if (!form)
                return errorPage(ctx, form.error().code == "form_too_large" ? 413 : 400,
                                 "error.bad_request");
            ctx.form = std::move(form.value());
        }
        // The CSRF token: the session's, or before sign-in the one of the sign-in form's
        // cookie (double submit).
        const std::string sent = ctx.form.value("csrf");
        const std::string expected = ctx.session ? ctx.session->csrf : cookies.value(kSignInCookie);
        if (!sameToken(sent, expected)) return errorPage(ctx, 403, "error.csrf");
    }
    return route.handler(ctx);
}

}  // namespace pekon::hub::web
