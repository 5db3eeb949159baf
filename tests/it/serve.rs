//! `polibrief serve` through the real binary: pages served from memory,
//! edits rebuilt and announced to open pages, errors shown, the site folder
//! left as it was, paths leaving the site refused, Ctrl-C stopping it.

use std::io::{BufRead, BufReader, Read as _};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::support::*;

/// A running `polibrief serve` on an ephemeral port.
struct Serving {
    child: Child,
    /// `http://127.0.0.1:PORT/sub/`
    url: String,
    origin: String,
    agent: ureq::Agent,
}

impl Serving {
    fn start(site: &TestSite) -> Serving {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("polibrief"))
            .args(["serve", ".", "--port", "0"])
            .current_dir(site.path())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("polibrief serve starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        let url = first.trim().to_string();
        assert!(url.starts_with("http://127.0.0.1:"), "serve printed its address: {url:?}");
        let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(20)))
            .build()
            .into();
        Serving { child, url, origin, agent }
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        let mut response = self.agent.get(&format!("{}{path}", self.origin)).call().expect("the server answers");
        let status = response.status().as_u16();
        let kind = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        (status, kind, body)
    }

    fn header(&self, path: &str, name: &str, if_none_match: Option<&str>) -> (u16, Option<String>) {
        let mut request = self.agent.get(&format!("{}{path}", self.origin));
        if let Some(etag) = if_none_match {
            request = request.header("If-None-Match", etag);
        }
        let response = request.call().unwrap();
        let value = response.headers().get(name).map(|v| v.to_str().unwrap().to_string());
        (response.status().as_u16(), value)
    }

    /// The live-reload stream: each event's name and data, as they come.
    fn events(&self) -> Receiver<(String, String)> {
        let (tx, rx) = channel();
        let url = format!("{}__polibrief/events", self.url);
        let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        std::thread::spawn(move || {
            let Ok(mut response) = agent.get(&url).call() else { return };
            let mut reader = BufReader::new(response.body_mut().as_reader());
            let (mut name, mut data) = (String::new(), String::new());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 {
                let l = line.trim_end().to_string();
                line.clear();
                if let Some(n) = l.strip_prefix("event: ") {
                    name = n.to_string();
                } else if let Some(d) = l.strip_prefix("data: ") {
                    data = d.to_string();
                } else if l.is_empty()
                    && !name.is_empty()
                    && tx.send((std::mem::take(&mut name), std::mem::take(&mut data))).is_err()
                {
                    return;
                }
            }
        });
        rx
    }

    /// Stop with Ctrl-C (SIGINT) and return what it printed on stderr.
    fn stop(mut self) -> (bool, String) {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-INT", &pid]).status().unwrap();
        let status = wait_with_timeout(&mut self.child, Duration::from_secs(10));
        let mut err = String::new();
        self.child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        (status, err)
    }
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < timeout {
        if let Some(status) = child.try_wait().unwrap() {
            return status.success();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("serve did not stop on Ctrl-C");
}

/// The next event, skipping none, within a generous time.
fn next(events: &Receiver<(String, String)>) -> (String, String) {
    events.recv_timeout(Duration::from_secs(30)).expect("an event arrives")
}

fn snapshot(dir: &std::path::Path) -> Vec<(String, u64, std::time::SystemTime)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let meta = e.metadata().unwrap();
            (e.path().display().to_string(), meta.len(), meta.modified().unwrap())
        })
        .collect()
}

#[test]
fn serve_shows_edits_errors_and_fixes_and_leaves_the_site_folder_alone() {
    let site = TestSite::fixture("data-basic")
        .file("content/brief/_index.md", "---\ntitle: The brief\n---\nThe first version of the brief.\n");
    let before = snapshot(site.path());
    let server = Serving::start(&site);
    assert!(server.url.ends_with("/sub/"), "served under the path of base_url: {}", server.url);

    // Pages from memory, with the live-reload script; a folder without its
    // slash is redirected; the root goes to the base path.
    let (status, kind, body) = server.get("/sub/brief/");
    assert_eq!((status, kind.as_str()), (200, "text/html; charset=utf-8"));
    assert!(body.contains("The first version of the brief."));
    assert!(body.contains("<script src=\"/sub/__polibrief/live.js\" defer></script>\n</body>"));
    assert_eq!(server.header("/sub/brief", "location", None), (301, Some("/sub/brief/".into())));
    assert_eq!(server.header("/", "location", None), (301, Some("/sub/".into())));
    let (status, _, body) = server.get("/sub/no-such-page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's own 404 page");
    let (_, kind, _) = server.get("/sub/data/indicators/employment-rate.csv");
    assert_eq!(kind, "text/csv; charset=utf-8");
    // A reload with the ETag it had costs nothing.
    let (_, etag) = server.header("/sub/countries/", "etag", None);
    assert_eq!(server.header("/sub/countries/", "etag", etag.as_deref()).0, 304);

    // Paths that try to leave the site.
    for path in ["/sub/%2e%2e/config.yaml", "/sub/..%2f..%2fconfig.yaml", "/sub/..%5cconfig.yaml", "/sub/C:/x"] {
        assert_eq!(server.get(path).0, 400, "{path}");
    }
    assert_eq!(server.get("/sub/%252e%252e/config.yaml").0, 404);

    // An edit: rebuilt, announced, served.
    let events = server.events();
    assert_eq!(next(&events).0, "ok", "a page learns the state when it connects");
    site.write("content/brief/_index.md", "---\ntitle: The brief\n---\nThe second version of the brief.\n");
    assert_eq!(next(&events).0, "reload");
    assert!(server.get("/sub/brief/").2.contains("The second version of the brief."));

    // A broken file: the errors go to open pages, the last good site stays.
    site.write(
        "data/countries/ma.yaml",
        &std::fs::read_to_string(site.path().join("data/countries/ma.yaml"))
            .unwrap()
            .replace("name: Morocco", "name: [Morocco"),
    );
    let (name, data) = next(&events);
    assert_eq!(name, "errors");
    let errors: Vec<String> = serde_json::from_str(&data).unwrap();
    assert!(errors[0].starts_with("data/countries/ma.yaml:2:7:"), "located as in the terminal: {errors:?}");
    assert!(errors[0].contains("name: [Morocco"), "with the source line: {errors:?}");
    let (status, _, body) = server.get("/sub/countries/ma/");
    assert_eq!(status, 200);
    assert!(body.contains("Morocco"), "the last good page is still served");
    let (_, kind, script) = server.get("/sub/__polibrief/live.js");
    assert_eq!(kind, "text/javascript; charset=utf-8");
    assert!(script.contains("addEventListener(\"errors\"") && script.contains("alertdialog"), "the overlay");

    // Fixed: the overlay goes, pages reload.
    site.write(
        "data/countries/ma.yaml",
        &std::fs::read_to_string(site.path().join("data/countries/ma.yaml"))
            .unwrap()
            .replace("name: [Morocco", "name: Morocco"),
    );
    assert_eq!(next(&events).0, "reload");

    // Restore the file the test changed, then compare the folder.
    site.write("content/brief/_index.md", "---\ntitle: The brief\n---\nThe first version of the brief.\n");
    assert_eq!(next(&events).0, "reload");
    let (stopped, err) = server.stop();
    assert!(stopped, "Ctrl-C ends serve with exit code 0: {err}");
    assert!(err.contains("content/brief/_index.md changed: 1 page rendered again in"), "{err}");
    assert!(err.contains("the build failed in"), "{err}");
    let after = snapshot(site.path());
    let paths = |s: &[(String, u64, std::time::SystemTime)]| s.iter().map(|(p, _, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&after), paths(&before), "nothing written into the site folder");
    assert!(!site.path().join("public").exists());
}

#[test]
fn a_base_url_whose_path_needs_encoding_is_served_at_its_own_links() {
    // The dev server compared the request's decoded path with the base path
    // as `base_url` writes it (percent-encoded), so a base path with a space
    // or an accent answered 404 to every link of the site; the serve_route
    // fuzz target checks this now (docs/fuzzing.md).
    let config = std::fs::read_to_string(fixtures_dir().join("data-basic/config.yaml"))
        .unwrap()
        .replace("https://org.example/sub", "\"https://org.example/brèves & notes\"");
    let site = TestSite::fixture("data-basic").file("config.yaml", &config);
    let server = Serving::start(&site);
    let base = "/br%C3%A8ves%20&%20notes";
    assert!(server.url.ends_with(&format!("{base}/")), "{}", server.url);
    let (status, _, home) = server.get(&format!("{base}/"));
    assert_eq!(status, 200, "{home}");
    assert!(home.contains("<script src=\"/br%C3%A8ves%20&amp;%20notes/__polibrief/live.js\" defer>"), "{home}");
    let (status, _, page) = server.get(&format!("{base}/countries/ma/"));
    assert_eq!(status, 200);
    assert!(page.contains("Morocco"));
    assert_eq!(
        server.header(&format!("{base}/countries"), "location", None),
        (301, Some(format!("{base}/countries/")))
    );
    assert_eq!(server.header("/", "location", None), (301, Some(format!("{base}/"))));
    assert!(server.stop().0);
}

#[test]
fn serving_beyond_loopback_is_announced_before_anything_listens() {
    // 192.0.2.1 is a documentation address (RFC 5737) no machine here has:
    // the warning comes first, then binding fails, so nothing is exposed.
    let site = TestSite::fixture("basic");
    let output = site
        .command()
        .args(["serve", ".", "--bind", "192.0.2.1", "--port", "0"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let warning = stderr.find("warning: serving on 192.0.2.1: every machine that can reach this one can read the site");
    let refused = stderr.find("cannot listen on 192.0.2.1:0");
    assert!(warning.is_some() && refused.is_some() && warning < refused, "{stderr}");
}
