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
