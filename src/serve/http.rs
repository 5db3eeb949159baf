//! What the dev server answers to one request, as data: no sockets here.
//!
//! Owns resolving a request's path against the site's base path and its
//! files (a folder's `index.html`, a redirect from `/x` to `/x/`, the site's
//! 404 page with status 404), refusing paths that try to leave the site
//! (`..`, encoded or not, backslashes, absolute and drive paths) with 400,
//! content types with a charset, ETags and `If-None-Match` (304), and the
//! live-reload script put into every HTML page on its way out (never into
//! the built files). HTTP itself (parsing, HEAD) is tiny_http's.

use crate::output::OutputFile;

/// Where the server's own script and event stream live, under the base path.
pub(crate) const OWN_PREFIX: &str = "/__polibrief/";

/// The site as the server sees it: the files of the last good build (none
/// before the first one succeeded) and the base path.
pub(crate) struct Served {
    pub(crate) files: Option<crate::pipeline::incremental::Files>,
    /// `/brief`, or empty; percent-encoded as `base_url`'s path is (`/a%20b`).
    pub(crate) base_path: String,
    /// Files being made again after a rebuild was announced (the data
    /// downloads): a request for one waits until they are done.
    pub(crate) pending: std::collections::BTreeSet<String>,
}

/// An answer, before it is written.
#[derive(Debug, PartialEq)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Vec<u8>,
}

/// What a request asks for.
#[derive(Debug, PartialEq)]
pub(crate) enum Route {
    /// An answer to write at once.
    Reply(Reply),
    /// The live-reload event stream.
    Events,
    /// A file being made again: ask once more in a moment.
    Pending,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
        Reply { status, headers: vec![("Content-Type", content_type.to_string())], body }
    }

    fn text(status: u16, text: &str) -> Reply {
        Reply::new(status, "text/plain; charset=utf-8", text.as_bytes().to_vec())
    }

    fn redirect(to: String) -> Reply {
        let mut reply = Reply::text(301, &format!("moved to {to}\n"));
        reply.headers.push(("Location", to));
        reply
    }
}

/// Answer `GET`/`HEAD` of `url` (path and query as the client sent them).
pub(crate) fn route(served: &Served, method: &str, url: &str, if_none_match: Option<&str>) -> Route {
    if method != "GET" && method != "HEAD" {
        let mut reply = Reply::text(405, "only GET and HEAD\n");
        reply.headers.push(("Allow", "GET, HEAD".into()));
        return Route::Reply(reply);
    }
    let raw_path = url.split(['?', '#']).next().unwrap_or("");
    let Some(path) = safe_path(raw_path) else {
        return Route::Reply(Reply::text(400, "this address is not allowed\n"));
    };
    // As the site's links write it (percent-encoded, from `base_url`), and
    // decoded as the request's path is.
    let base = served.base_path.as_str();
    let base_decoded = percent_encoding::percent_decode_str(base).decode_utf8_lossy();
    if !base.is_empty() && (path == "/" || path.is_empty()) {
        return Route::Reply(Reply::redirect(format!("{base}/")));
    }
    let Some(inside) = path.strip_prefix(&*base_decoded).filter(|rest| rest.is_empty() || rest.starts_with('/')) else {
        return Route::Reply(not_found(served, base));
    };
    if inside.is_empty() {
        return Route::Reply(Reply::redirect(format!("{base}/")));
    }
    if let Some(own) = inside.strip_prefix(OWN_PREFIX) {
        return match own {
            "events" => Route::Events,
            "live.js" => Route::Reply(with_etag(
                Reply::new(200, "text/javascript; charset=utf-8", LIVE_SCRIPT.as_bytes().to_vec()),
                if_none_match,
            )),
            _ => Route::Reply(not_found(served, base)),
        };
    }
    let Some(files) = &served.files else {
        return Route::Reply(not_built(base));
    };
    let rel = inside.trim_start_matches('/');
    let file_path = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel.to_string() };
    if served.pending.contains(&file_path) {
        return Route::Pending;
    }
    match files.get(&file_path) {
        Some(file) => Route::Reply(match read(file) {
            Some(bytes) => with_etag(page(200, &file_path, bytes, base), if_none_match),
            None => Reply::text(500, "the file could not be read\n"),
        }),
        None if files.contains_key(&format!("{rel}/index.html")) => {
            Route::Reply(Reply::redirect(format!("{base}/{}/", encoded_path(rel))))
        }
        None => Route::Reply(not_found(served, base)),
    }
}

/// The path decoded once, or `None` when it tries to leave the site or is
/// not a plain path: `..` or `.` segments (also as `%2e`), backslashes
/// (also `%5c`), NUL, a drive letter, a path that is not absolute.
pub(crate) fn safe_path(raw: &str) -> Option<String> {
    if !raw.starts_with('/') || raw.starts_with("//") {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(raw).decode_utf8().ok()?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    for segment in decoded.split('/') {
        let is_drive = segment.len() == 2 && segment.ends_with(':') && segment.as_bytes()[0].is_ascii_alphabetic();
        if segment == ".." || segment == "." || is_drive {
            return None;
        }
    }
    Some(decoded.into_owned())
}

/// What a path may not hold as such in a URL (or a header): controls,
/// space, quotes, `#`, `%`, `<`, `>`, `?`, backtick, braces. `/` stays.
const NOT_IN_PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// A decoded path made a URL's path again.
fn encoded_path(decoded: &str) -> String {
    percent_encoding::utf8_percent_encode(decoded, NOT_IN_PATH).to_string()
}

fn read(file: &OutputFile) -> Option<Vec<u8>> {
    match file {
        OutputFile::Bytes(bytes) => Some(bytes.clone()),
        OutputFile::Copy(from) => std::fs::read(from).ok(),
    }
}

/// A file as served: its type, and for HTML the live-reload script.
fn page(status: u16, path: &str, bytes: Vec<u8>, base: &str) -> Reply {
    let content_type = content_type(path);
    let body = if content_type.starts_with("text/html") { with_live_script(bytes, base) } else { bytes };
    let mut reply = Reply::new(status, &content_type, body);
    reply.headers.push(("Cache-Control", "no-cache".into()));
    reply
}

fn not_found(served: &Served, base: &str) -> Reply {
    let page_404 = served.files.as_ref().and_then(|files| files.get("404.html")).and_then(|f| read(f));
    match page_404 {
        Some(bytes) => page(404, "404.html", bytes, base),
        None => Reply::text(404, "not found\n"),
    }
}

/// Before the first good build: a page that shows the errors (the
/// live-reload script's overlay) and reloads once the site builds.
fn not_built(base: &str) -> Reply {
    let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>The site has errors</title>\n</head>\n<body>\n<main>\n<h1>The site has errors</h1>\n<p>Nothing is built yet. Fix the errors listed in the terminal (and over this page); the page reloads by itself.</p>\n</main>\n</body>\n</html>\n";
    page(503, "index.html", html.as_bytes().to_vec(), base)
}

/// `Content-Type` from the file name, with a charset for text.
pub(crate) fn content_type(path: &str) -> String {
    if path.ends_with("feed.xml") {
        return "application/atom+xml; charset=utf-8".into();
    }
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "javascript" | "json" | "xml" | "svg");
    if text { format!("{mime}; charset=utf-8") } else { mime.to_string() }
}

/// An ETag from the bytes; 304 without a body when the client has them.
fn with_etag(mut reply: Reply, if_none_match: Option<&str>) -> Reply {
    let hash = reply.body.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3));
    let etag = format!("\"{hash:016x}\"");
    let matches = if_none_match.is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    reply.headers.push(("ETag", etag));
    if matches && reply.status == 200 {
        reply.status = 304;
        reply.body.clear();
    }
    reply
}

/// Put the live-reload script before `</body>` (at the end when there is none).
fn with_live_script(html: Vec<u8>, base: &str) -> Vec<u8> {
    let tag = format!("<script src=\"{}{OWN_PREFIX}live.js\" defer></script>\n", base.replace('&', "&amp;"));
    let at = memchr::memmem::rfind(&html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The script served mode adds to every page: reload after a good rebuild
/// (keeping the scroll position), swap stylesheets when only they changed,
/// and show the errors of a failed rebuild over the page.
pub(crate) const LIVE_SCRIPT: &str = include_str!("live.js");

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn served() -> Served {
        let mut files = std::collections::BTreeMap::new();
        let mut add = |p: &str, b: &[u8]| files.insert(p.to_string(), Arc::new(OutputFile::Bytes(b.to_vec())));
        add("index.html", b"<html><body>home</body></html>");
        add("brief/index.html", b"<p>brief");
        add("404.html", b"<body>lost</body>");
        add("css/a.css", b"p{}");
        Served { files: Some(Arc::new(files)), base_path: "/sub".into(), pending: Default::default() }
    }

    fn reply(url: &str) -> Reply {
        match route(&served(), "GET", url, None) {
            Route::Reply(r) => r,
            Route::Events | Route::Pending => panic!("not a reply"),
        }
    }

    #[test]
    fn a_file_being_made_again_is_waited_for() {
        let mut served = served();
        served.pending.insert("css/a.css".into());
        assert_eq!(route(&served, "GET", "/sub/css/a.css", None), Route::Pending);
        assert!(matches!(route(&served, "GET", "/sub/brief/", None), Route::Reply(r) if r.status == 200));
    }

    fn header<'a>(r: &'a Reply, name: &str) -> Option<&'a str> {
        r.headers.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    #[test]
    fn folders_pages_redirects_and_the_base_path() {
        let home = reply("/sub/");
        assert_eq!(home.status, 200);
        assert_eq!(header(&home, "Content-Type"), Some("text/html; charset=utf-8"));
        let body = String::from_utf8(home.body).unwrap();
        assert!(body.contains("home<script src=\"/sub/__polibrief/live.js\" defer></script>\n</body>"), "{body}");
        assert_eq!(reply("/sub/brief").status, 301);
        assert_eq!(header(&reply("/sub/brief"), "Location"), Some("/sub/brief/"));
        assert_eq!(header(&reply("/"), "Location"), Some("/sub/"));
        assert_eq!(reply("/sub/css/a.css?v=1").body, b"p{}");
        let missing = reply("/sub/nope/");
        assert_eq!(missing.status, 404);
        assert!(String::from_utf8(missing.body).unwrap().contains("lost"));
        assert_eq!(reply("/other/").status, 404);
        assert_eq!(route(&served(), "GET", "/sub/__polibrief/events", None), Route::Events);
    }

    #[test]
    fn a_base_path_with_encoded_characters_is_served_and_redirects_are_encoded() {
        let mut served = served();
        served.base_path = "/br%C3%A8ves%20&%20notes".into();
        let files = served.files.as_mut().and_then(Arc::get_mut).unwrap();
        files.insert("a b%/index.html".into(), Arc::new(OutputFile::Bytes(b"<body>folder</body>".to_vec())));
        let get = |url: &str| match route(&served, "GET", url, None) {
            Route::Reply(r) => r,
            Route::Events | Route::Pending => panic!("not a reply"),
        };
        let home = get("/br%C3%A8ves%20&%20notes/");
        assert_eq!(home.status, 200);
        let body = String::from_utf8(home.body).unwrap();
        assert!(body.contains("<script src=\"/br%C3%A8ves%20&amp;%20notes/__polibrief/live.js\""), "{body}");
        assert_eq!(header(&get("/"), "Location"), Some("/br%C3%A8ves%20&%20notes/"));
        let folder = get("/br%C3%A8ves%20&%20notes/a%20b%25");
        assert_eq!(header(&folder, "Location"), Some("/br%C3%A8ves%20&%20notes/a%20b%25/"));
        assert_eq!(get("/br%C3%A8ves%20&%20notes/a%20b%25/").status, 200);
    }

    #[test]
    fn paths_leaving_the_site_are_refused() {
        for url in [
            "/sub/../etc/passwd",
            "/sub/%2e%2e/etc/passwd",
            "/sub/%2E%2E%2Fetc",
            "/sub/..%5c..%5cwindows",
            "/sub\\..\\x",
            "//etc/passwd",
            "/sub/C:/windows",
            "/sub/a%00b",
            "etc/passwd",
        ] {
            assert_eq!(reply(url).status, 400, "{url}");
        }
        // Encoded twice: decoded once, it is a name with a `%` in it, not `..`.
        assert_eq!(reply("/sub/%252e%252e/etc/passwd").status, 404);
    }

    #[test]
    fn etags_make_reloads_cheap_and_other_methods_are_refused() {
        let first = reply("/sub/css/a.css");
        let etag = header(&first, "ETag").unwrap().to_string();
        let Route::Reply(again) = route(&served(), "GET", "/sub/css/a.css", Some(&etag)) else { panic!() };
        assert_eq!((again.status, again.body.len()), (304, 0));
        let Route::Reply(post) = route(&served(), "POST", "/sub/", None) else { panic!() };
        assert_eq!(post.status, 405);
    }

    #[test]
    fn the_live_script_puts_errors_in_as_text() {
        // The overlay shows diagnostics, which quote the site's files.
        for html_sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
            assert!(!LIVE_SCRIPT.contains(html_sink), "{html_sink}");
        }
        assert!(LIVE_SCRIPT.contains("el.textContent = text;"));
    }

    #[test]
    fn types_carry_a_charset_for_text() {
        assert_eq!(content_type("a/b.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("data/x.csv"), "text/csv; charset=utf-8");
        assert_eq!(content_type("data/x.json"), "application/json; charset=utf-8");
        assert_eq!(content_type("feed.xml"), "application/atom+xml; charset=utf-8");
        assert_eq!(content_type("chart.svg"), "image/svg+xml; charset=utf-8");
        assert_eq!(content_type("r.pdf"), "application/pdf");
        assert_eq!(content_type("img.png"), "image/png");
    }
}
