//! `polibrief serve`: the site built in memory, served on loopback, built
//! again when a file changes, open pages reloaded.
//!
//! Owns the parts of a dev server that are not building: watching the site's
//! files (`watch`), answering requests (`http`, on tiny_http), and the
//! live-reload event stream (Server-Sent Events) with its messages. Building
//! is `pipeline::incremental::Dev`'s: a change re-runs only the jobs it reaches.
//! Nothing is written into the site folder or any output folder.

pub(crate) mod http;
mod watch;

use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use crate::pipeline;
use crate::pipeline::incremental::{Dev, Rebuilt};
use http::{Route, Served};

/// What `serve` is asked for.
#[derive(Debug, Clone)]
pub(crate) struct ServeOptions {
    pub(crate) site_dir: std::path::PathBuf,
    pub(crate) bind: IpAddr,
    /// 0: any free port.
    pub(crate) port: u16,
    pub(crate) drafts: bool,
    pub(crate) open: bool,
}

/// A running dev server.
pub(crate) struct Server {
    http: Arc<tiny_http::Server>,
    pub(crate) address: SocketAddr,
    served: Arc<RwLock<Served>>,
    hub: Arc<Hub>,
    stopping: Arc<AtomicBool>,
}

/// Bind the first free port from `port` (20 tries), or any free port for 0.
fn bind(address: IpAddr, port: u16) -> Result<tiny_http::Server, String> {
    let tries = if port == 0 { 1 } else { 20 };
    let mut last = String::new();
    for n in 0..tries {
        let candidate = SocketAddr::new(address, port.saturating_add(n));
        match tiny_http::Server::http(candidate) {
            Ok(server) => return Ok(server),
            Err(e) => last = e.to_string(),
        }
    }
    Err(format!("cannot listen on {address}:{port} or the {} ports after it: {last}", tries - 1))
}

impl Server {
    /// Build the site, bind, and serve in background threads.
    pub(crate) fn start(
        options: &ServeOptions,
        report: impl Fn(&Rebuilt, &[String]) + Send + 'static,
    ) -> Result<Server, String> {
        let run = pipeline::RunOptions { drafts: options.drafts, ..pipeline::RunOptions::default() };
        let mut dev = Dev::new(&options.site_dir, run);
        let first = dev.rebuild(&[]);
        report(&first, &[]);
        let served = Arc::new(RwLock::new(Served {
            files: dev.files(),
            base_path: dev.base_path().unwrap_or_else(|| base_path_of(&options.site_dir)),
            pending: Default::default(),
        }));
        let hub = Arc::new(Hub::default());
        hub.set_state(&first);
        let http = Arc::new(bind(options.bind, options.port)?);
        let address = match http.server_addr() {
            tiny_http::ListenAddr::IP(address) => address,
            #[allow(unreachable_patterns)]
            _ => return Err("the server is not on an IP address".into()),
        };
        let stopping = Arc::new(AtomicBool::new(false));
        let server = Server { http, address, served, hub, stopping };
        server.spawn_http_threads();
        let changes = watch::start(&options.site_dir, server.stopping.clone())?;
        server.spawn_rebuilds(dev, changes, report);
        Ok(server)
    }

    /// The address of the site's home page.
    pub(crate) fn url(&self) -> String {
        let base = self.served.read().map(|s| s.base_path.clone()).unwrap_or_default();
        let host = match self.address.ip() {
            IpAddr::V6(ip) => format!("[{ip}]"),
            IpAddr::V4(ip) => ip.to_string(),
        };
        format!("http://{host}:{}{base}/", self.address.port())
    }

    /// Stop serving (Ctrl-C): the threads end, open event streams close.
    pub(crate) fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.hub.close();
        self.http.unblock();
    }

    fn spawn_http_threads(&self) {
        for _ in 0..4 {
            let http = self.http.clone();
            let served = self.served.clone();
            let hub = self.hub.clone();
            let stopping = self.stopping.clone();
            std::thread::spawn(move || {
                while !stopping.load(Ordering::SeqCst) {
                    let Ok(request) = http.recv() else { break };
                    answer(request, &served, &hub);
                }
                http.unblock();
            });
        }
    }

    fn spawn_rebuilds(
        &self,
        mut dev: Dev,
        changes: Receiver<Vec<String>>,
        report: impl Fn(&Rebuilt, &[String]) + Send + 'static,
    ) {
        let served = self.served.clone();
        let hub = self.hub.clone();
        let stopping = self.stopping.clone();
        std::thread::spawn(move || {
            while let Ok(mut changed) = changes.recv() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                // A burst of saves is one rebuild: take what else came.
                while let Ok(more) = changes.try_recv() {
                    changed.extend(more);
                }
                changed.sort();
                changed.dedup();
                let rebuilt = dev.rebuild(&changed);
                if !rebuilt.failed()
                    && let Ok(mut s) = served.write()
                {
                    s.files = dev.files();
                    s.pending = rebuilt.pending.iter().cloned().collect();
                    if let Some(base) = dev.base_path() {
                        s.base_path = base;
                    }
                }
                hub.announce(&rebuilt);
                report(&rebuilt, &changed);
                // The downloads the change reached, after the pages are shown.
                if dev.run_later()
                    && let Ok(mut s) = served.write()
                {
                    s.files = dev.files();
                    s.pending.clear();
                }
            }
        });
    }
}

/// The base path before any build succeeded: from config.yaml's
/// `base_url`, if it can be read, else none (also for a path starting with
/// `//`, which config refuses: a redirect there would leave the server).
fn base_path_of(site_dir: &std::path::Path) -> String {
    let text = std::fs::read_to_string(site_dir.join("config.yaml")).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("base_url:"))
        .and_then(|v| url::Url::parse(v.trim().trim_matches(['"', '\''])).ok())
        .map(|u| u.path().trim_end_matches('/').to_string())
        .filter(|path| !path.starts_with("//"))
        .unwrap_or_default()
}

fn answer(request: tiny_http::Request, served: &RwLock<Served>, hub: &Hub) {
    let method = request.method().as_str().to_string();
    let if_none_match =
        request.headers().iter().find(|h| h.field.equiv("If-None-Match")).map(|h| h.value.as_str().to_string());
    let asked = std::time::Instant::now();
    let route = loop {
        let route = match served.read() {
            Ok(served) => http::route(&served, &method, request.url(), if_none_match.as_deref()),
            Err(_) => return,
        };
        // A download being made again after a rebuild: a moment at most.
        match route {
            Route::Pending if asked.elapsed() < Duration::from_secs(30) => {
                std::thread::sleep(Duration::from_millis(10))
            }
            route => break route,
        }
    };
    match route {
        Route::Pending => {
            let busy =
                tiny_http::Response::from_string("the file is still being made; try again\n").with_status_code(503);
            let _ = request.respond(busy);
        }
        Route::Events => hub.stream(request),
        Route::Reply(reply) => {
            let mut response = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
            for (name, value) in reply.headers {
                if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                    response.add_header(header);
                }
            }
            let _ = request.respond(response);
        }
    }
}

/// The live-reload event streams of open pages.
#[derive(Default)]
struct Hub {
    clients: Mutex<Vec<Sender<Option<String>>>>,
    /// The message a page gets when it connects: the errors of the last
    /// build, or that it is fine.
    state: Mutex<String>,
}

impl Hub {
    fn set_state(&self, rebuilt: &Rebuilt) {
        let state = if rebuilt.failed() { errors_message(rebuilt) } else { message("ok", "{}") };
        if let Ok(mut s) = self.state.lock() {
            *s = state;
        }
    }

    /// Tell every open page what the rebuild did.
    fn announce(&self, rebuilt: &Rebuilt) {
        self.set_state(rebuilt);
        let event = if rebuilt.failed() {
            errors_message(rebuilt)
        } else if rebuilt.css_only {
            message("css", "{}")
        } else {
            message("reload", "{}")
        };
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(Some(event.clone())).is_ok());
        }
    }

    fn close(&self) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.drain(..).for_each(|c| {
                let _ = c.send(None);
            });
        }
    }

    /// Hold a request open as an event stream (on its own thread).
    fn stream(&self, request: tiny_http::Request) {
        let (tx, rx) = std::sync::mpsc::channel();
        let first = self.state.lock().map(|s| s.clone()).unwrap_or_default();
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(tx);
        }
        std::thread::spawn(move || {
            // tiny_http buffers a streamed body: write the response ourselves
            // and flush each event.
            let mut out = request.into_writer();
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n";
            if out
                .write_all(head.as_bytes())
                .and_then(|_| out.write_all(first.as_bytes()))
                .and_then(|_| out.flush())
                .is_err()
            {
                return;
            }
            loop {
                let event = match rx.recv_timeout(Duration::from_secs(15)) {
                    Ok(Some(event)) => event,
                    Ok(None) | Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
                    // A comment keeps proxies and browsers from closing it.
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
                };
                if out.write_all(event.as_bytes()).and_then(|_| out.flush()).is_err() {
                    return;
                }
            }
        });
    }
}

/// One Server-Sent Event.
fn message(event: &str, data: &str) -> String {
    format!("event: {event}\ndata: {data}\n\n")
}

/// The errors of a failed build, as the terminal prints them, for the overlay.
fn errors_message(rebuilt: &Rebuilt) -> String {
    let texts: Vec<String> = rebuilt.diagnostics.errors().map(|d| d.render(false)).collect();
    message("errors", &serde_json::to_string(&texts).unwrap_or_else(|_| "[]".into()))
}

/// Whether an address is reachable only from this machine.
pub(crate) fn is_loopback(address: IpAddr) -> bool {
    address.is_loopback()
}
