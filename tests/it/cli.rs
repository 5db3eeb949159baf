//! The real binary: exit codes, messages on stderr, what gets written.

use crate::support::*;
use predicates::prelude::*;

#[test]
fn build_writes_the_site_and_exits_0() {
    let site = TestSite::fixture("basic");
    site.command().arg("build").assert().success().stderr(predicate::str::contains("built "));
    assert!(site.path().join("public/brief/introduction/index.html").is_file());
}

#[test]
fn build_with_errors_exits_1_and_writes_nothing() {
    let site = TestSite::fixture("basic").file("content/broken.md", "---\ntitel: x\n---\n");
    site.command()
        .arg("build")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("content/broken.md:2:1: unknown field `titel`"));
    assert!(!site.path().join("public").exists());
}

#[test]
fn usage_errors_exit_2() {
    let site = TestSite::fixture("basic");
    site.command().args(["build", "--no-such-flag"]).assert().code(2);
    site.command().args(["build", "no-such-folder"]).assert().code(2);
    site.command()
        .args(["build", "--base-url", "/relative"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--base-url"));
}

#[test]
fn a_bad_base_url_is_a_usage_error_as_both_docs_say() {
    // docs/diagnostics.md said exit 1 and `<site>: --base-url: ...`;
    // docs/format.md and the binary say exit 2 and `error: --base-url: ...`.
    let site = TestSite::fixture("basic");
    let output = site.command().args(["build", "--base-url", "/rel"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let message = "error: --base-url: `/rel` is not an absolute URL (relative URL without a base)";
    assert_eq!((output.status.code(), stderr.trim_end()), (Some(2), message));
    assert!(!site.path().join("public").exists());
    let read = |name: &str| std::fs::read_to_string(repo_root().join("docs").join(name)).unwrap();
    let (diagnostics, format) = (read("diagnostics.md"), read("format.md"));
    assert!(diagnostics.contains(message), "docs/diagnostics.md shows the message as printed");
    assert!(format.contains("prints `error: --base-url: …`"), "docs/format.md shows the message's form");
    assert!(!diagnostics.contains("<site>: --base-url"), "docs/diagnostics.md still shows the old message");
    for (name, doc) in [("diagnostics.md", &diagnostics), ("format.md", &format)] {
        let exit_2 = doc.lines().find(|l| l.starts_with("| 2 |")).unwrap_or_else(|| panic!("{name}: no exit code 2"));
        assert!(exit_2.contains("`--base-url`"), "{name}: exit code 2 does not list --base-url: {exit_2}");
        let exit_1 = doc.lines().find(|l| l.starts_with("| 1 |")).unwrap_or_else(|| panic!("{name}: no exit code 1"));
        assert!(!exit_1.contains("base-url"), "{name}: exit code 1 lists --base-url: {exit_1}");
    }
}

#[test]
fn output_folders_that_would_destroy_the_site_are_refused() {
    let site = TestSite::fixture("basic");
    let dir = site.path().to_str().unwrap().to_string();
    let parent = site.path().parent().unwrap().to_str().unwrap().to_string();
    for out in [dir.as_str(), parent.as_str(), "/", "content/out"] {
        site.command().args(["build", ".", "--out", out]).assert().code(2).stderr(predicate::str::contains("error:"));
    }
    assert!(site.path().join("content/brief/introduction.md").is_file());
}

#[test]
fn a_foreign_folder_is_not_replaced() {
    let site = TestSite::fixture("basic");
    site.write("elsewhere/precious.txt", "keep me");
    site.command()
        .args(["build", ".", "--out", "elsewhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("was not made by polibrief"));
    assert_eq!(std::fs::read_to_string(site.path().join("elsewhere/precious.txt")).unwrap(), "keep me");
}

#[test]
fn check_writes_nothing_and_fails_on_broken_links() {
    let site = TestSite::fixture("basic");
    site.command().arg("check").assert().success();
    assert!(!site.path().join("public").exists());
    site.write("content/links.md", "---\ntitle: Links\n---\n[gone](/gone/)\n");
    site.command()
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("content/links.md:4:1: link to `/gone/`"));
}

/// Run `polibrief check` with its stdout or stderr read by no one: the
/// pipe is closed before the binary writes to it.
fn check_into_a_closed_pipe(site: &TestSite, args: &[&str], close_stdout: bool) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("polibrief"));
    command.current_dir(site.path()).env("NO_COLOR", "1").arg("check").args(args);
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    if close_stdout {
        drop(child.stdout.take());
    } else {
        drop(child.stderr.take());
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_pipe_ends_the_output_quietly_without_a_panic() {
    let many: String = (0..300).map(|i| format!("[gone {i}](/gone-{i}/)\n\n")).collect();
    let site = TestSite::fixture("basic").file("content/x.md", &format!("---\ntitle: X\n---\n{many}"));
    // `polibrief check --format json | head -0`
    let output = check_into_a_closed_pipe(&site, &["--format", "json"], true);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("101 errors"), "stderr still gets the count (100 listed, 1 for the rest): {stderr}");
    // `polibrief check 2>&- ` (human output on a closed stderr)
    let output = check_into_a_closed_pipe(&site, &[], false);
    assert_eq!(output.status.code(), Some(1));
    let output = check_into_a_closed_pipe(&TestSite::fixture("basic"), &[], false);
    assert_eq!(output.status.code(), Some(0));
}

#[cfg(unix)]
#[test]
fn a_config_or_folder_linked_from_outside_the_site_is_refused() {
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("config.yaml"), "title: Other\nbase_url: https://other.example\n").unwrap();
    let site = TestSite::fixture("basic");
    site.remove("config.yaml");
    std::os::unix::fs::symlink(elsewhere.path().join("config.yaml"), site.path().join("config.yaml")).unwrap();
    site.command()
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("config.yaml: symbolic link points outside the site folder"));

    let site = TestSite::fixture("basic");
    std::fs::create_dir_all(elsewhere.path().join("templates")).unwrap();
    std::fs::write(elsewhere.path().join("templates/page.html"), "{{ secret }}").unwrap();
    std::os::unix::fs::symlink(elsewhere.path().join("templates"), site.path().join("templates")).unwrap();
    site.command()
        .arg("build")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("templates: symbolic link points outside the site folder"));
    // A link that stays inside the site is fine.
    let site = TestSite::fixture("basic");
    std::fs::rename(site.path().join("config.yaml"), site.path().join("site.yaml")).unwrap();
    std::os::unix::fs::symlink("site.yaml", site.path().join("config.yaml")).unwrap();
    site.command().arg("check").assert().success();
}
