//! Atomic, deterministic output.

use crate::support::*;
use std::collections::BTreeMap;
use std::path::Path;

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().display().to_string(), std::fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte() {
    let site = TestSite::fixture("basic");
    site.command().arg("build").assert().success();
    let before = snapshot(&site.path().join("public"));
    assert!(before.len() > 10);
    site.write("content/brief/introduction.md", "---\ntitle: Introduction\nweight: one\n---\n");
    site.command().arg("build").assert().code(1);
    assert_eq!(snapshot(&site.path().join("public")), before);
    let parent_entries: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(parent_entries.is_empty(), "no staging folders left behind: {parent_entries:?}");
}

#[test]
fn a_successful_build_replaces_the_output_entirely() {
    let site = TestSite::fixture("basic");
    site.command().arg("build").assert().success();
    site.remove("content/about.md");
    site.command().arg("build").assert().success();
    assert!(!site.path().join("public/about/index.html").exists(), "stale pages are removed");
    assert!(site.path().join("public/brief/index.html").exists());
}

#[test]
fn two_builds_are_byte_identical() {
    let site = TestSite::fixture("basic");
    site.command().args(["build", ".", "--out", "../one"]).assert().success();
    site.command().args(["build", ".", "--out", "../two"]).assert().success();
    let parent = site.path().parent().unwrap();
    assert_eq!(snapshot(&parent.join("one")), snapshot(&parent.join("two")));
}
