//! The bad-input suite: broken sites, one problem each, run through the real
//! binary.
//!
//! Each broken site is a folder `tests/fixtures/broken/<case>/` that holds:
//!
//! - `BASE`: the valid fixture it starts from (`basic` or `data-basic`);
//! - `EXPECT`: the first line the binary must print on stderr, the first
//!   error as `path:line:column: message`;
//! - the files that differ from the base, at their place in the site (they
//!   replace or add to the base's files);
//! - optionally `DELETE`: paths of the base to remove, one per line;
//! - optionally `SYMLINK`: paths at which the test creates, at run time, a
//!   symbolic link to a Markdown file outside the site (unix only; the case
//!   is skipped elsewhere).
//!
//! For every case the base is copied to a temporary folder and built, the
//! good `public/` folder is recorded byte for byte, the case is laid over the
//! site, and then `polibrief build` must exit 1 without a panic, print EXPECT
//! as its first line and `build failed: nothing was written`, leave `public/`
//! exactly as it was and leave no staging folder behind; `polibrief check`
//! must exit 1 with the same first line and write nothing either. All cases
//! run in one test and every failing case is reported, by name, at the end.
//!
//! A case that shows a bug is listed in `known_bugs!` below: its EXPECT says
//! what should happen, the main test leaves it out, and an ignored test named
//! after it (`cargo test --test it bad_input -- --ignored`) shows the bug.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Mutex;
use std::time::Duration;

use crate::support::*;

/// Files of a case folder that describe the case and are not copied.
const CONTROL_FILES: [&str; 4] = ["BASE", "EXPECT", "DELETE", "SYMLINK"];

/// A run that takes longer than this is a hang (an alias bomb expanding, say).
const TIMEOUT: Duration = Duration::from_secs(60);

macro_rules! known_bugs {
    ($($test:ident: $case:literal => $reason:literal,)*) => {
        /// Cases whose EXPECT the binary does not meet yet.
        const KNOWN_BUGS: &[&str] = &[$($case),*];

        $(
            #[test]
            #[ignore = $reason]
            fn $test() {
                check_cases(&[$case.to_string()]);
            }
        )*
    };
}

known_bugs! {}

#[test]
fn every_broken_site_fails_cleanly() {
    let cases = case_names();
    assert!(cases.len() >= 40, "the suite needs at least 40 broken sites, found {}", cases.len());
    for bug in KNOWN_BUGS {
        assert!(
            cases.iter().any(|c| c == bug),
            "known_bugs! names `{bug}`, which has no folder in tests/fixtures/broken/"
        );
    }
    let run: Vec<String> = cases.into_iter().filter(|c| !KNOWN_BUGS.contains(&c.as_str())).collect();
    check_cases(&run);
}

fn broken_dir() -> PathBuf {
    fixtures_dir().join("broken")
}

/// Every case folder, sorted by name.
fn case_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(broken_dir())
        .expect("tests/fixtures/broken/ readable")
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Run the cases (in parallel) and fail once, listing every case that failed.
fn check_cases(names: &[String]) {
    let queue = Mutex::new(names.iter());
    let failures = Mutex::new(BTreeMap::new());
    let workers = std::thread::available_parallelism().map_or(4, |n| n.get()).min(8);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let Some(name) = queue.lock().unwrap().next() else { break };
                    let problems = run_case(name);
                    if !problems.is_empty() {
                        failures.lock().unwrap().insert(name.clone(), problems);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    if !failures.is_empty() {
        let mut report = format!("{} of {} broken sites did not fail as expected:\n", failures.len(), names.len());
        for (name, problems) in &failures {
            report.push_str(&format!("\n=== {name}\n"));
            for problem in problems {
                report.push_str(&format!("- {}\n", problem.trim_end()));
            }
        }
        panic!("{report}");
    }
}

struct Case {
    dir: PathBuf,
    base: String,
    expect: String,
}

impl Case {
    fn load(name: &str) -> Result<Case, String> {
        let dir = broken_dir().join(name);
        let read = |file: &str| {
            std::fs::read_to_string(dir.join(file)).map_err(|e| format!("cannot read {file} of the case: {e}"))
        };
        let base = read("BASE")?.trim().to_string();
        if !fixtures_dir().join(&base).join("config.yaml").is_file() {
            return Err(format!("BASE names `{base}`, which is not a fixture with a config.yaml"));
        }
        let expect = read("EXPECT")?.lines().next().unwrap_or("").to_string();
        if expect.is_empty() {
            return Err("EXPECT is empty".into());
        }
        Ok(Case { dir, base, expect })
    }

    fn lines_of(&self, file: &str) -> Vec<String> {
        std::fs::read_to_string(self.dir.join(file))
            .map(|t| t.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect())
            .unwrap_or_default()
    }

    /// Lay the case over the site: its files, its deletions, its links.
    /// Returns what must outlive the run (the file the links point to).
    fn apply(&self, site: &Path) -> Result<Option<tempfile::TempDir>, String> {
        for entry in walkdir::WalkDir::new(&self.dir).min_depth(1).sort_by_file_name() {
            let entry = entry.map_err(|e| e.to_string())?;
            let rel = entry.path().strip_prefix(&self.dir).unwrap();
            if entry.depth() == 1 && CONTROL_FILES.iter().any(|c| rel == Path::new(c)) {
                continue;
            }
            let target = site.join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).map_err(|e| format!("{}: {e}", rel.display()))?;
            } else {
                std::fs::copy(entry.path(), &target).map_err(|e| format!("{}: {e}", rel.display()))?;
            }
        }
        for rel in self.lines_of("DELETE") {
            std::fs::remove_file(site.join(&rel)).map_err(|e| format!("DELETE `{rel}`: {e}"))?;
        }
        let links = self.lines_of("SYMLINK");
        if links.is_empty() {
            return Ok(None);
        }
        let outside = tempfile::tempdir().map_err(|e| e.to_string())?;
        let secret = outside.path().join("secret.md");
        std::fs::write(&secret, "---\ntitle: Secret\n---\nNot part of the site.\n").unwrap();
        for rel in links {
            let link = site.join(&rel);
            std::fs::create_dir_all(link.parent().unwrap()).unwrap();
            symlink(&secret, &link).map_err(|e| format!("SYMLINK `{rel}`: {e}"))?;
        }
        Ok(Some(outside))
    }

    fn needs_symlinks(&self) -> bool {
        self.dir.join("SYMLINK").is_file()
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_target: &Path, _link: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("symbolic links are only tested on unix"))
}

/// Every problem of one case; empty when it failed exactly as expected.
fn run_case(name: &str) -> Vec<String> {
    let case = match Case::load(name) {
        Ok(case) => case,
        Err(problem) => return vec![problem],
    };
    if case.needs_symlinks() && !cfg!(unix) {
        return Vec::new();
    }
    let site = TestSite::fixture(&case.base);
    let public = site.path().join("public");

    let good = run(&site, "build");
    if !good.status.success() {
        return vec![format!("the base fixture `{}` does not build:\n{}", case.base, excerpt(&good.stderr))];
    }
    let before = snapshot(&public);
    if before.is_empty() {
        return vec![format!("building `{}` wrote nothing into public/", case.base)];
    }

    let _outside = match case.apply(site.path()) {
        Ok(outside) => outside,
        Err(problem) => return vec![format!("cannot lay the case over the site: {problem}")],
    };

    let mut problems = Vec::new();
    let mut state = before;
    for command in ["build", "check"] {
        let output = run(&site, command);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        let mut wrong = Vec::new();
        match output.status.code() {
            Some(1) => {}
            Some(code) => wrong.push(format!("exit code {code}, expected 1")),
            None => wrong.push(format!("killed by a signal or timed out after {TIMEOUT:?}")),
        }
        if stderr.contains("panicked") {
            wrong.push("panicked".into());
        }
        let first = stderr.lines().next().unwrap_or("");
        if first != case.expect {
            wrong.push(format!("first line of stderr:\n      got:      {first}\n      expected: {}", case.expect));
        }
        if command == "build" && !stderr.contains("build failed: nothing was written") {
            wrong.push("stderr lacks `build failed: nothing was written`".into());
        }
        let after = snapshot(&public);
        if after != state {
            wrong.push(format!("public/ was touched: {}", diff(&state, &after)));
        }
        state = after;
        let strays = strays(site.path());
        if !strays.is_empty() {
            wrong.push(format!("left behind next to public/: {}", strays.join(", ")));
        }
        if !wrong.is_empty() {
            let wrong: Vec<String> = wrong.iter().map(|w| format!("  * {w}")).collect();
            problems.push(format!(
                "`polibrief {command}`:\n{}\n  stderr:\n{}",
                wrong.join("\n"),
                excerpt(&output.stderr)
            ));
        }
    }
    problems
}

fn run(site: &TestSite, command: &str) -> Output {
    site.command().arg(command).timeout(TIMEOUT).output().expect("the binary runs")
}

/// The first lines of stderr, indented, for a failure report.
fn excerpt(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let mut lines: Vec<String> = text.lines().take(12).map(|l| format!("    {l}")).collect();
    if text.lines().count() > 12 {
        lines.push("    ...".into());
    }
    lines.join("\n")
}

/// Every file under `dir`, by relative path, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    if !dir.exists() {
        return BTreeMap::new();
    }
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap_or_else(|err| format!("<unreadable: {err}>").into_bytes()))
        })
        .collect()
}

/// What changed between two snapshots, a few names of each kind.
fn diff(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> String {
    let few = |names: Vec<&String>| {
        let shown: Vec<&str> = names.iter().take(5).map(|s| s.as_str()).collect();
        let more = if names.len() > 5 { format!(" and {} more", names.len() - 5) } else { String::new() };
        format!("{}{more}", shown.join(", "))
    };
    let removed: Vec<&String> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    let changed: Vec<&String> =
        before.iter().filter(|(k, v)| after.get(*k).is_some_and(|a| a != *v)).map(|(k, _)| k).collect();
    let mut parts = Vec::new();
    if !removed.is_empty() {
        parts.push(format!("removed {}", few(removed)));
    }
    if !added.is_empty() {
        parts.push(format!("added {}", few(added)));
    }
    if !changed.is_empty() {
        parts.push(format!("changed {}", few(changed)));
    }
    parts.join("; ")
}

/// Staging or old copies of the output folder left in the site folder.
fn strays(site: &Path) -> Vec<String> {
    std::fs::read_dir(site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.staging-") || n.starts_with(".public.old-"))
        .collect()
}
