//! `TestSite`: a site folder in a temporary directory, built in-process or
//! through the real binary, and helpers to read its output as HTML.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use polibrief::{Output, RunOptions, RunResult};
use scraper::{Html, Selector};

pub const MINIMAL_CONFIG: &str = "title: Test site\nbase_url: https://org.example\n";

pub struct TestSite {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("fixture readable");
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

impl TestSite {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Self {
        let site = TestSite::blank();
        copy_tree(&fixtures_dir().join(name), &site.dir);
        site
    }

    /// A copy of the default site at the repository root (config, content, data, templates, static).
    pub fn default_site() -> Self {
        let site = TestSite::blank();
        let root = repo_root();
        std::fs::copy(root.join("config.yaml"), site.dir.join("config.yaml")).unwrap();
        for folder in ["content", "data", "templates", "static"] {
            if root.join(folder).is_dir() {
                copy_tree(&root.join(folder), &site.dir.join(folder));
            }
        }
        site
    }

    /// An empty folder.
    pub fn blank() -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("site");
        std::fs::create_dir_all(&dir).unwrap();
        TestSite { _tmp: tmp, dir }
    }

    /// A site with the minimal config and nothing else.
    pub fn minimal() -> Self {
        TestSite::blank().file("config.yaml", MINIMAL_CONFIG)
    }

    /// Write (or replace) a file of the site.
    pub fn file(self, rel: &str, text: &str) -> Self {
        self.write(rel, text);
        self
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.dir.join(rel)).unwrap();
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    pub fn run_with(&self, options: &RunOptions) -> RunResult {
        polibrief::run(&self.dir, options)
    }

    pub fn run(&self) -> RunResult {
        self.run_with(&RunOptions::default())
    }

    /// Build in-process and insist on success.
    pub fn built_with(&self, options: &RunOptions) -> Built {
        let result = self.run_with(options);
        let errors = result.errors();
        assert!(errors.is_empty(), "unexpected errors:\n{}", errors.render());
        Built { output: result.output.expect("output"), warnings: result.diagnostics.warnings().cloned().collect() }
    }

    pub fn built(&self) -> Built {
        self.built_with(&RunOptions::default())
    }

    /// Every error, rendered as the user sees it.
    pub fn error_text(&self) -> String {
        let result = self.run();
        assert!(result.output.is_none(), "expected the run to fail");
        result.errors().render()
    }

    /// The real binary, run in the site's folder.
    pub fn command(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("polibrief").unwrap();
        cmd.current_dir(&self.dir).env("NO_COLOR", "1");
        cmd
    }
}

pub struct Built {
    pub output: Output,
    pub warnings: Vec<polibrief::Diagnostic>,
}

impl Built {
    pub fn has(&self, path: &str) -> bool {
        self.output.paths().any(|p| p == path)
    }

    pub fn text(&self, path: &str) -> String {
        let bytes = self.output.bytes(path).unwrap_or_else(|| panic!("no generated file `{path}`"));
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    /// The page at a site path (`/brief/introduction/`), parsed.
    pub fn page(&self, url: &str) -> Page {
        let path = if url.ends_with('/') {
            format!("{}index.html", url.trim_start_matches('/'))
        } else {
            url.trim_start_matches('/').to_string()
        };
        Page(Html::parse_document(&self.text(&path)))
    }

    pub fn html_paths(&self) -> Vec<String> {
        self.output.paths().filter(|p| p.ends_with(".html")).map(str::to_owned).collect()
    }
}

pub struct Page(pub Html);

impl Page {
    pub fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
        self.0.select(&selector).collect()
    }

    /// Trimmed texts of the elements matching `css`.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.select(css).iter().map(|e| normalize(&e.text().collect::<String>())).collect()
    }

    pub fn text(&self, css: &str) -> String {
        self.texts(css).join(" ")
    }

    /// Values of `attr` on the elements matching `css`.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.select(css).iter().filter_map(|e| e.value().attr(attr).map(str::to_owned)).collect()
    }

    pub fn count(&self, css: &str) -> usize {
        self.select(css).len()
    }
}

pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every `href`/`src` of every HTML page that points inside the site, and the
/// page it appears on.
pub fn internal_links(built: &Built, base_path: &str) -> Vec<(String, String)> {
    let mut links = Vec::new();
    for path in built.html_paths() {
        let page = Html::parse_document(&built.text(&path));
        let selector = Selector::parse("a[href], link[href], img[src], script[src]").unwrap();
        for el in page.select(&selector) {
            let target = el.value().attr("href").or_else(|| el.value().attr("src")).unwrap().to_string();
            if target.starts_with("http") || target.starts_with("mailto:") {
                continue;
            }
            links.push((path.clone(), target));
        }
    }
    let _ = base_path;
    links
}

/// Whether a link found on `from` (an output path) lands on a file and,
/// for `#anchor`, on an element with that id. Returns a problem, if any.
pub fn broken(built: &Built, base_path: &str, from: &str, target: &str) -> Option<String> {
    let (path, fragment) = target.split_once('#').map_or((target, None), |(p, f)| (p, Some(f)));
    let path = path.split('?').next().unwrap();
    let file = if path.is_empty() {
        from.to_string()
    } else if !path.starts_with('/') {
        let mut segments: Vec<&str> = from.split('/').collect();
        segments.pop();
        for seg in path.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    segments.pop();
                }
                s => segments.push(s),
            }
        }
        let joined = segments.join("/");
        if path.ends_with('/') { format!("{joined}/index.html") } else { joined }
    } else {
        let Some(rest) = path.strip_prefix(base_path) else {
            return Some(format!("{from}: `{target}` does not start with the base path `{base_path}`"));
        };
        let rest = rest.trim_start_matches('/');
        if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() }
    };
    if !built.has(&file) {
        return Some(format!("{from}: `{target}` -> missing `{file}`"));
    }
    if let Some(fragment) = fragment {
        let page = Page(Html::parse_document(&built.text(&file)));
        if page.count(&format!("[id=\"{fragment}\"]")) == 0 {
            return Some(format!("{from}: `{target}` -> no element with id `{fragment}` in `{file}`"));
        }
    }
    None
}
