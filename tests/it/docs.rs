//! The user documentation keeps up with the code.
//!
//! Every diagnostic code (`polibrief::diagnostics::Code::ALL`, the one list
//! of them) has its row in docs/diagnostics.md's table, with the severity
//! and summary the code declares, and a section of its own; every shortcode
//! and argument is described in docs/format.md; the tests that
//! docs/security.md and docs/fuzzing.md name exist.

use polibrief::diagnostics::Code;

use crate::support::repo_root;

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

/// Byte offsets just after each occurrence of `needle` in `text`.
fn after_each<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(needle).map(move |(i, _)| i + needle.len())
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

/// The rows of the table under `## The codes`: code, severity, in short.
fn documented_codes(doc: &str) -> Vec<(String, String, String)> {
    section(doc, "The codes")
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|row| {
            let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
            (cells[0].trim_matches('`').to_string(), cells[1].to_string(), cells[2].to_string())
        })
        .collect()
}

#[test]
fn the_table_of_codes_is_the_list_the_code_declares() {
    let doc = read_doc("diagnostics.md");
    let expected: Vec<(String, String, String)> = Code::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), c.documented_severity().to_string(), c.summary().to_string()))
        .collect();
    let table = |rows: &[(String, String, String)]| {
        rows.iter().map(|(c, s, d)| format!("| `{c}` | {s} | {d} |")).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(
        table(&documented_codes(&doc)),
        table(&expected),
        "docs/diagnostics.md's table of codes differs from `Code` (src/diagnostics/codes.rs)"
    );
    assert!(expected.len() >= 70, "{} codes", expected.len());
}

#[test]
fn every_code_is_explained_in_a_section_of_its_own() {
    let doc = read_doc("diagnostics.md");
    let sections: Vec<&str> =
        doc.lines().filter_map(|l| l.strip_prefix("### `").and_then(|rest| rest.strip_suffix('`'))).collect();
    let missing: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).filter(|c| !sections.contains(c)).collect();
    assert!(
        missing.is_empty(),
        "these codes have no `### `code`` section in docs/diagnostics.md (when it happens, an example message, the fix): {missing:?}"
    );
    let stale: Vec<&&str> = sections.iter().filter(|s| !Code::ALL.iter().any(|c| c.as_str() == **s)).collect();
    assert!(stale.is_empty(), "sections for codes polibrief no longer has: {stale:?}");
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

/// The names of the tests in `src/` and `tests/it/` (`fn` after `#[test]`).
fn test_names() -> std::collections::BTreeSet<String> {
    let root = repo_root();
    let mut names = std::collections::BTreeSet::new();
    for dir in ["src", "tests/it"] {
        for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().filter_map(Result::ok) {
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for at in after_each(&text, "#[test]") {
                let rest = &text[at..];
                let Some(start) = rest.find("fn ") else { continue };
                let name: String = rest[start + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                names.insert(name);
            }
        }
    }
    names
}

/// The `` `spans` `` of the `*Tests:*` paragraphs of a document.
fn cited_in_tests_paragraphs(doc: &str) -> Vec<String> {
    doc.split("\n\n")
        .filter(|paragraph| paragraph.starts_with("*Tests:*"))
        .flat_map(|paragraph| paragraph.split('`').skip(1).step_by(2).map(String::from).collect::<Vec<_>>())
        .collect()
}

#[test]
fn every_test_the_security_page_names_exists() {
    let doc = read_doc("security.md");
    let tests = test_names();
    let broken = repo_root().join("tests/fixtures/broken");
    let cited = cited_in_tests_paragraphs(&doc);
    assert!(cited.len() > 30, "{cited:?}");
    let mut missing = Vec::new();
    for span in &cited {
        if let Some((_, name)) = span.rsplit_once("::") {
            if !tests.contains(name) {
                missing.push(span.clone());
            }
        } else if span.contains('-') && !broken.join(span).is_dir() {
            missing.push(span.clone());
        }
    }
    assert!(missing.is_empty(), "docs/security.md names tests or broken sites that do not exist: {missing:?}");
}

#[test]
fn the_regression_table_of_the_fuzzing_page_lists_every_regression_test() {
    let doc = read_doc("fuzzing.md");
    let listed: std::collections::BTreeSet<String> = section(&doc, "Regression tests")
        .lines()
        .filter_map(|row| row.strip_prefix("| `"))
        .filter_map(|row| row.split('`').next())
        .map(String::from)
        .collect();
    let text = std::fs::read_to_string(repo_root().join("tests/it/fuzz_regressions.rs")).unwrap();
    // Every `fn` that follows `#[test]` (and an `#[ignore = ...]` line, if any).
    let tests: std::collections::BTreeSet<String> = after_each(&text, "#[test]\n")
        .filter_map(|at| {
            let rest = &text[at..];
            let rest = if rest.starts_with("#[ignore") { &rest[rest.find('\n')? + 1..] } else { rest };
            rest.strip_prefix("fn ").map(|name| name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect())
        })
        .collect();
    assert!(tests.len() > 10);
    assert_eq!(listed, tests, "docs/fuzzing.md's table of regression tests against tests/it/fuzz_regressions.rs");
}
