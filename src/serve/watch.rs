//! Watching the site's files for the dev server.
//!
//! Owns which files count (config.yaml, and everything under content/,
//! data/, templates/ and static/), leaving out what editors write beside a
//! file while saving it (swap, backup and temporary files), and turning a
//! burst of file-system events into one list of changed paths, relative to
//! the site folder (notify with notify-debouncer-full). It builds nothing.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

/// Events closer than this are one change (an editor's save is several).
const DEBOUNCE: Duration = Duration::from_millis(30);

/// The folders of a site that are watched, besides config.yaml.
pub(crate) const WATCHED: [&str; 4] = ["content", "data", "templates", "static"];

/// Start watching `site_dir`; each message is a list of changed paths.
pub(crate) fn start(site_dir: &Path, stopping: Arc<AtomicBool>) -> Result<Receiver<Vec<String>>, String> {
    let root = std::fs::canonicalize(site_dir).map_err(|e| format!("cannot watch `{}`: {e}", site_dir.display()))?;
    let (events_tx, events_rx) = channel::<DebounceEventResult>();
    let (tx, rx) = channel();
    let mut debouncer =
        new_debouncer(DEBOUNCE, None, events_tx).map_err(|e| format!("cannot watch the site's files: {e}"))?;
    // The site folder itself, not recursively (config.yaml, and folders
    // that appear); each watched folder that exists, recursively.
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch `{}`: {e}", root.display()))?;
    for folder in WATCHED {
        let dir = root.join(folder);
        if dir.is_dir() {
            debouncer
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch `{}`: {e}", dir.display()))?;
        }
    }
    std::thread::spawn(move || {
        for result in events_rx {
            if stopping.load(Ordering::SeqCst) {
                break;
            }
            let Ok(events) = result else { continue };
            let mut changed: Vec<String> = Vec::new();
            for event in events.iter().filter(|e| is_change(&e.event.kind)) {
                for path in &event.event.paths {
                    // A watched folder that appears is watched from then on.
                    if let Some(name) = path.parent().filter(|p| *p == root).and(path.file_name())
                        && WATCHED.iter().any(|w| name == *w)
                        && path.is_dir()
                    {
                        let _ = debouncer.watch(path, RecursiveMode::Recursive);
                    }
                    if let Some(rel) = relevant(&root, path) {
                        changed.push(rel);
                    }
                }
            }
            changed.sort();
            changed.dedup();
            if !changed.is_empty() && tx.send(changed).is_err() {
                break;
            }
        }
    });
    Ok(rx)
}

/// A file made, written, renamed or removed; not one read (the build
/// itself reads every file) nor one whose times or permissions changed.
fn is_change(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// The path relative to the site folder (`content/brief/intro.md`), when
/// it is one the site is built from and not an editor's temporary file.
pub(crate) fn relevant(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let first = parts.first()?;
    let watched = (parts.len() == 1 && first == "config.yaml") || (WATCHED.contains(&first.as_str()));
    if !watched || parts.iter().any(|p| is_editor_file(p)) {
        return None;
    }
    Some(parts.join("/"))
}

/// Swap, backup, lock and temporary files of common editors, and hidden
/// files (which a build skips anyway).
fn is_editor_file(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".kate-swp", ".crswap"].iter().any(|s| name.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_site_s_own_files_count() {
        let root = Path::new("/site");
        assert_eq!(relevant(root, Path::new("/site/config.yaml")), Some("config.yaml".into()));
        assert_eq!(relevant(root, Path::new("/site/content/brief/a.md")), Some("content/brief/a.md".into()));
        assert_eq!(relevant(root, Path::new("/site/static/css/x.css")), Some("static/css/x.css".into()));
        for other in [
            "/site/public/index.html",
            "/site/README.md",
            "/site/content/brief/.a.md.swp",
            "/site/content/brief/a.md~",
            "/site/content/brief/#a.md#",
            "/site/content/4913",
            "/site/data/.#ma.yaml",
            "/site/templates/page.html.tmp",
            "/elsewhere/content/a.md",
        ] {
            assert_eq!(relevant(root, Path::new(other)), None, "{other}");
        }
    }
}
