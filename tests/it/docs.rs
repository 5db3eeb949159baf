//! The user documentation keeps up with the code.
//!
//! Every diagnostic code the code can emit must be explained in
//! docs/diagnostics.md, and every shortcode and argument must be described
//! in docs/format.md. The codes are found by a plain text scan of `src/`, so
//! a new `Diagnostic::error("new-code", ...)` fails this test until it is
//! documented.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::support::repo_root;

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("src/ is readable"))
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.path().to_path_buf())
        .collect();
    files.sort();
    files
}

/// The string literal that starts at `from`, after any whitespace (line
/// breaks included): its text and the byte offset just after its closing
/// quote. `None` when something other than a literal comes first.
fn literal_after(text: &str, from: usize) -> Option<(String, usize)> {
    let rest = &text[from..];
    let start = from + (rest.len() - rest.trim_start().len());
    let mut chars = text[start..].char_indices();
    if chars.next()?.1 != '"' {
        return None;
    }
    let mut value = String::new();
    let mut escaped = false;
    for (i, c) in chars {
        match c {
            _ if escaped => {
                value.push(c);
                escaped = false;
            }
            '\\' => escaped = true,
            '"' => return Some((value, start + i + 1)),
            c => value.push(c),
        }
    }
    None
}

/// Diagnostic codes look like `unknown-field`: lower-case words joined by `-`.
fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Byte offsets just after each occurrence of `needle` in `text`.
fn after_each<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(needle).map(move |(i, _)| i + needle.len())
}

/// Codes passed as the first argument of the calls that create diagnostics.
fn codes_in_calls(text: &str, calls: &[&str]) -> BTreeSet<String> {
    calls
        .iter()
        .flat_map(|call| after_each(text, call))
        .filter_map(|at| literal_after(text, at))
        .map(|(literal, _)| literal)
        .filter(|literal| is_code(literal))
        .collect()
}

/// Codes returned by `explain` in src/yaml.rs: the first element of its
/// `("code", message, help)` tuples, and the `_ => "code",` fallback.
fn codes_in_yaml_explain(text: &str) -> BTreeSet<String> {
    let start = text.find("fn explain(").expect("src/yaml.rs has `fn explain(`");
    let end = text[start..].find("\n}\n").map_or(text.len(), |i| start + i);
    let body = &text[start..end];
    let mut codes = BTreeSet::new();
    for opener in ["(", "=>"] {
        for at in after_each(body, opener) {
            let Some((literal, after)) = literal_after(body, at) else { continue };
            let followed_by_comma = body[after..].trim_start().starts_with(',');
            if followed_by_comma && is_code(&literal) {
                codes.insert(literal);
            }
        }
    }
    codes
}

/// Every diagnostic code found in `src/`.
fn diagnostic_codes() -> BTreeSet<String> {
    let src = repo_root().join("src");
    let mut codes = BTreeSet::new();
    for path in rust_files(&src) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rel = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        codes.extend(codes_in_calls(&text, &["Diagnostic::error(", "Diagnostic::warning(", "report_diagnostic("]));
        if rel == "data/validate.rs" {
            // The `FileCheck` helper: `c.error("code", position, message)`.
            codes.extend(codes_in_calls(&text, &[".error(", ".warning("]));
        }
        if rel == "yaml.rs" {
            codes.extend(codes_in_yaml_explain(&text));
        }
    }
    codes
}

fn read_doc(name: &str) -> String {
    let path = repo_root().join("docs").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text of the `## <title>` section of a Markdown document.
fn section<'a>(doc: &'a str, title: &str) -> &'a str {
    let heading = format!("\n## {title}\n");
    let start = doc.find(&heading).unwrap_or_else(|| panic!("no `## {title}` section"));
    let body = &doc[start + heading.len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    &body[..end]
}

#[test]
fn the_scan_finds_the_diagnostic_codes() {
    let codes = diagnostic_codes();
    // One code from each way codes are written, so that a change in the
    // code's layout cannot make the scan silently find nothing.
    for known in [
        "unknown-field",   // yaml.rs, explain tuple
        "duplicate-key",   // yaml.rs, tuple over several lines
        "yaml",            // yaml.rs, `_ => "yaml"`
        "empty-yaml",      // Diagnostic::error on one line
        "file-too-large",  // Diagnostic::error( with the code on the next line
        "not-markdown",    // Diagnostic::warning
        "bad-year",        // FileCheck::error
        "unused-source",   // FileCheck::warning
        "template-syntax", // report_diagnostic
    ] {
        assert!(codes.contains(known), "the scan missed `{known}`; found {codes:?}");
    }
    assert!(codes.len() >= 50, "only {} codes found: {codes:?}", codes.len());
    assert!(codes.iter().all(|c| is_code(c)), "{codes:?}");
}

#[test]
fn every_diagnostic_code_is_documented() {
    let doc = read_doc("diagnostics.md");
    let missing: Vec<String> =
        diagnostic_codes().into_iter().filter(|code| !doc.contains(&format!("`{code}`"))).collect();
    assert!(
        missing.is_empty(),
        "these diagnostic codes are not explained in docs/diagnostics.md (write each as `code`, \
         with when it happens, an example message and the fix): {missing:?}"
    );
}

/// `SHORTCODES` in src/render/embeds.rs: each name with its arguments.
fn shortcodes() -> Vec<(String, Vec<String>)> {
    let path = repo_root().join("src/render/embeds.rs");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let start = text.find("const SHORTCODES").expect("embeds.rs defines `SHORTCODES`");
    let table_start = start + text[start..].find("= &[").expect("`SHORTCODES = &[`") + 4;
    let table_end = table_start + text[table_start..].find("\n];").expect("`SHORTCODES` ends with `];`");
    let table = &text[table_start..table_end];
    let mut entries = Vec::new();
    for at in after_each(table, "(") {
        let Some((name, after)) = literal_after(table, at) else { continue };
        let args_start = after + table[after..].find('[').expect("an argument list `&[...]`") + 1;
        let args_end = args_start + table[args_start..].find(']').expect("`]` closing the arguments");
        let mut args = Vec::new();
        let mut pos = args_start;
        while let Some((arg, next)) = literal_after(&table[..args_end], pos) {
            args.push(arg);
            pos = next;
            match table[pos..args_end].trim_start().strip_prefix(',') {
                Some(rest) => pos = args_end - rest.len(),
                None => break,
            }
        }
        entries.push((name, args));
    }
    entries
}

#[test]
fn every_shortcode_and_argument_is_documented() {
    let entries = shortcodes();
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    for known in ["chart", "typology", "country"] {
        assert!(names.contains(&known), "the scan of SHORTCODES missed `{known}`: {entries:?}");
    }
    assert!(entries.iter().any(|(n, args)| n == "chart" && args.contains(&"indicator".to_string())), "{entries:?}");

    let doc = read_doc("format.md");
    let shortcodes_section = section(&doc, "Shortcodes");
    let mut missing = Vec::new();
    for (name, args) in &entries {
        if !shortcodes_section.contains(&format!("`{name}`")) {
            missing.push(format!("shortcode `{name}`"));
        }
        for arg in args {
            if !shortcodes_section.contains(&format!("`{arg}`")) {
                missing.push(format!("argument `{arg}` of `{name}`"));
            }
        }
    }
    assert!(missing.is_empty(), "not described in the Shortcodes section of docs/format.md: {missing:?}");
}

/// Every key any template receives (as pinned in the context snapshots)
/// is documented in docs/templates.md.
#[test]
fn every_template_variable_is_documented() {
    let doc = std::fs::read_to_string(repo_root().join("docs/templates.md")).unwrap();
    let mut missing = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(repo_root().join("tests/it/snapshots")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("it__templates__") || !name.ends_with(".snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let json = text.splitn(3, "---\n").nth(2).unwrap_or("");
        let value: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: {e}"));
        collect_keys(&value, &mut |key| {
            if !doc.contains(&format!("`{key}`")) {
                missing.insert(format!("{key} ({name})"));
            }
        });
    }
    assert!(missing.is_empty(), "undocumented template variables: {missing:?}");
}

fn collect_keys(value: &serde_json::Value, found: &mut dyn FnMut(&str)) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                found(key);
                collect_keys(v, found);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_keys(v, found)),
        _ => {}
    }
}
