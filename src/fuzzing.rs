//! Entry points for the fuzzers in `fuzz/` (cargo-fuzz; see
//! docs/fuzzing.md). Each runs one stage on arbitrary input, in memory, the
//! way a real build or the dev server runs it, and must never panic: every
//! problem has to come back as a diagnostic or an answer. Some also check
//! a property of what they made (an `assert!` that fails is a finding, like
//! a panic). Not part of the stable API.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::content::front_matter;
use crate::diagnostics::{Code, Diagnostic};
use crate::markdown::{self, MarkdownOptions};
use crate::scope::{self, FoundLink, Fragment, HOLE, HOLE_TAG, PieceFacts, Written};
use crate::serve::http::{self, Route, Served};
use crate::shortcodes::ShortcodeCall;

/// A Markdown page as an author writes it, the way a build reads and
/// renders `content/fuzz.md`: the bytes checked as text (`fsio`: a byte
/// order mark dropped, characters no output can carry refused; such a file
/// is not rendered), front matter split and parsed into its schema, working
/// notes looked for, then the body rendered with both raw-HTML policies
/// inside a job's scope: shortcodes embedded as fragments (a small figure of
/// our own, or an error for a name no site knows), the Markdown kept as a
/// fragment with its facts (read from its HTML with `html::facts` when raw
/// HTML is allowed), a template's output around it read for its links and
/// ids, and the page assembled. Checks that the Markdown's HTML holds no
/// placeholder where HTML cannot go, that its ids are exactly the ones the
/// renderer reported (raw HTML escaped) and unique, and that the assembled
/// page holds no placeholder left over.
pub fn page(text: &str) {
    let Ok(source) = crate::fsio::text_source("content/fuzz.md".into(), text.as_bytes().to_vec()) else { return };
    let body_offset = match front_matter::split(&source) {
        Ok(split) => {
            let _ = front_matter::parse(&source, split.yaml);
            split.body_offset
        }
        // A build stops at this file; its body is still Markdown worth reading.
        Err(_) => 0,
    };
    let mut notes = crate::diagnostics::Diagnostics::new();
    crate::working_notes::check(&source, crate::working_notes::Syntax::Markdown, &mut notes);
    for unsafe_html in [false, true] {
        let (skeleton, recorded) = scope::run(|| render_page(&source, body_offset, unsafe_html));
        let assembled = crate::render::assemble::assemble_string(&skeleton, &recorded.fragments);
        let mut tag = String::from(HOLE);
        tag.push_str(HOLE_TAG);
        assert!(!assembled.contains(&tag), "a placeholder was left in the page:\n{assembled}");
    }
}

/// One policy's rendering of a page, inside a job's scope: the template
/// output that shows it.
fn render_page(source: &crate::source::Source, body_offset: usize, unsafe_html: bool) -> String {
    let options = MarkdownOptions { base_path: "/sub", unsafe_html };
    let md = markdown::render_document(source, body_offset, options, &embed);
    let read = crate::html::facts(&md.html);
    assert!(!read.misplaced_hole, "a placeholder inside an attribute, a comment or a script:\n{}", md.html);
    if !unsafe_html {
        let unique: BTreeSet<&String> = md.ids.iter().collect();
        assert_eq!(unique.len(), md.ids.len(), "an id given twice: {:?}", md.ids);
        let mut in_html = read.ids.clone();
        // The heading of the notes, named by the renderer itself.
        if let Some(at) = in_html.iter().position(|id| id == "footnotes-label") {
            in_html.remove(at);
        }
        let mut reported = md.ids.clone();
        in_html.sort();
        reported.sort();
        assert_eq!(in_html, reported, "the ids in the HTML are not the ones reported:\n{}", md.html);
    }
    // As `render::markdown_fragment` keeps it.
    let mut facts = PieceFacts { ids: md.ids, ..PieceFacts::default() };
    facts.links = md
        .links
        .into_iter()
        .map(|l| FoundLink { target: l.dest, written: Written::Template(format!("offset {}", l.offset)) })
        .collect();
    if unsafe_html {
        facts.ids.extend(read.ids);
    }
    let content = scope::embed(Fragment { html: md.html.into(), facts: Arc::new(facts) });
    // A template's output around it, read as a page job reads it.
    let skeleton = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>t</title></head><body><a href=\"/sub/\">home</a>\n<main>{content}</main></body></html>\n"
    );
    let own = crate::html::facts(&skeleton);
    assert!(!own.misplaced_hole);
    skeleton
}

/// What the fuzzed page's shortcodes stand for: a small figure of our own
/// (with an id and a link, read for its facts as a partial's output is) for
/// the names a site knows, an error for any other.
fn embed(call: &ShortcodeCall) -> Result<String, Diagnostic> {
    if !matches!(call.name.as_str(), "chart" | "typology" | "country") {
        return Err(Diagnostic::error(Code::UnknownShortcode, format!("unknown shortcode `{}`", call.name)));
    }
    let html = format!(
        "<figure class=\"embed\" id=\"embed-{}\"><a href=\"/sub/{}/\">{} argument(s)</a></figure>",
        call.offset,
        call.name,
        call.args.len()
    );
    let found = crate::html::facts(&html);
    let facts = PieceFacts {
        links: found
            .links
            .into_iter()
            .map(|target| FoundLink { target, written: Written::Template("partials/embed.html".into()) })
            .collect(),
        ids: found.ids,
        misplaced_hole: found.misplaced_hole,
    };
    Ok(scope::embed(Fragment { html: html.into(), facts: Arc::new(facts) }))
}

/// A data file, the way a build reads `data/countries/*.yaml` and
/// `data/indicators/*.yaml`: the bytes checked as text, working notes
/// looked for, decoded as a country profile and as an indicator with every
/// per-file check, then with a fixed set of countries through the
/// cross-file checks and the derived indexes pages use (see
/// `data::validate::check_source_as_data`).
pub fn data_yaml(text: &str) {
    let Ok(source) = crate::fsio::text_source("data/countries/xx.yaml".into(), text.as_bytes().to_vec()) else {
        return;
    };
    crate::data::fuzz_one_file(&source);
}

/// The files the dev server holds in the `serve_route` target.
const SERVED_FILES: [(&str, &str); 7] = [
    ("index.html", "<!DOCTYPE html><html><body><p>home</p></body></html>"),
    ("404.html", "<!DOCTYPE html><html><body><p>not found</p></body></html>"),
    ("brief/index.html", "<p>brief</p>"),
    ("brief/a b/index.html", "<p>a folder with a space</p>"),
    ("css/polibrief.css", "p { color: black }"),
    ("data/all.json", "{}"),
    ("countries/ma/index.html", "<body>Morocco</body>"),
];

/// One request to the dev server's router (`serve::http::route`), which
/// decides alone what a request gets: no sockets, no files on disk. The
/// text is up to four lines: the method, the request target as a client
/// sent it, an `If-None-Match` value, and the path of the site's
/// `base_url` (`/sub` when the line is missing). Checks that the answer is one of the site's files (or
/// the server's own script, or a page the server makes), that a target
/// whose path holds a `..` or `.` segment, a backslash or a NUL once
/// percent-decoded is refused with 400, and that a redirect stays on the
/// site and no header can be split. Also checks that the site's own links
/// (the base path as `base_url` writes it, percent-encoded) reach its home
/// page and a folder.
pub fn serve_route(text: &str) {
    let mut lines = text.split('\n');
    let method = lines.next().unwrap_or("GET");
    let url = lines.next().unwrap_or("/");
    let if_none_match = lines.next().filter(|l| !l.is_empty());
    // Derived from a `base_url` as config.yaml's is; one that is refused
    // there is no base path a server could have.
    let Ok(base) = crate::config::parse_base_url(&format!("https://example.org{}", lines.next().unwrap_or("/sub")))
    else {
        return;
    };
    let base_path = base.path;
    let files: BTreeMap<String, Arc<crate::output::OutputFile>> = SERVED_FILES
        .iter()
        .map(|(path, body)| (path.to_string(), Arc::new(crate::output::OutputFile::Bytes(body.as_bytes().to_vec()))))
        .collect();
    let pending: BTreeSet<String> = BTreeSet::from(["data/all.json".to_string()]);
    let served = Served { files: Some(Arc::new(files)), base_path: base_path.clone(), pending };
    site_links_reach_their_files(&served);
    let route = http::route(&served, method, url, if_none_match);
    // The path as the router reads it, split where Windows would split it too.
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded: Vec<u8> = percent_encoding::percent_decode_str(path).collect();
    let leaves = decoded.contains(&0) || decoded.split(|b| *b == b'/' || *b == b'\\').any(|segment| segment == b"..");
    let reply = match route {
        Route::Reply(reply) => reply,
        Route::Events | Route::Pending => {
            assert!(!leaves, "{url:?} was not refused");
            return;
        }
    };
    let refused = reply.status == 400;
    if matches!(method, "GET" | "HEAD") && leaves {
        assert!(refused, "{url:?} got {} instead of 400", reply.status);
    }
    for (name, value) in &reply.headers {
        assert!(!value.contains(['\r', '\n', '\0']), "header {name} holds a line break: {value:?}");
    }
    if let Some((_, to)) = reply.headers.iter().find(|(name, _)| *name == "Location") {
        assert!(reply.status == 301, "a Location with status {}", reply.status);
        assert!(
            to.starts_with('/') && !to.starts_with("//") && !to.starts_with("/\\"),
            "redirect off the site: {to:?}"
        );
        assert!(to.starts_with(&format!("{base_path}/")), "redirect outside the base path: {to:?}");
    }
    if reply.status == 200 {
        let body = String::from_utf8_lossy(&reply.body);
        let script =
            format!("<script src=\"{}/__polibrief/live.js\" defer></script>\n", base_path.replace('&', "&amp;"));
        let known = body == http::LIVE_SCRIPT
            || SERVED_FILES.iter().any(|(_, file)| body == *file || body.replacen(&script, "", 1) == *file);
        assert!(known, "{url:?} served something that is not a file of the site: {body:?}");
    }
}

/// The home page and a folder whose name needs encoding, asked for as the
/// site's links write them, are served. A base path that decodes to
/// something the server refuses everywhere (an encoded NUL or backslash)
/// is left out: no request can reach such a site.
fn site_links_reach_their_files(served: &Served) {
    let base = &served.base_path;
    if http::safe_path(&format!("{base}/")).is_none() {
        return;
    }
    let home = http::route(served, "GET", &format!("{base}/"), None);
    assert!(matches!(&home, Route::Reply(r) if r.status == 200), "the home page under {base:?}: {home:?}");
    let Route::Reply(folder) = http::route(served, "GET", &format!("{base}/brief/a%20b"), None) else {
        panic!("a folder under {base:?} was not answered");
    };
    let to = folder.headers.iter().find(|(name, _)| *name == "Location").map(|(_, to)| to.as_str());
    assert_eq!(to, Some(format!("{base}/brief/a%20b/").as_str()), "a folder under {base:?}");
}
