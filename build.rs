//! Embeds the built-in theme: every file of `templates/` becomes an entry of
//! `BUILTIN_TEMPLATES`, and the ids its templates write become `THEME_IDS`
//! (written out whole) and `THEME_ID_PREFIXES` (the fixed beginning of an id
//! named after data, `source-{{ s.id }}`). A new template, or a new id in
//! one, needs no list edited by hand: Markdown headings keep clear of every
//! id the theme writes.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=templates");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut ids = BTreeSet::new();
    let mut prefixes = BTreeSet::new();
    let mut out = String::from("/// Templates of the built-in theme: (name, text), by name.\n");
    out.push_str("pub(crate) const BUILTIN_TEMPLATES: &[(&str, &str)] = &[\n");
    for path in &files {
        let name = path.strip_prefix(&root).expect("under templates/").to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("templates/{name}: {e}"));
        theme_ids(&text, &mut ids, &mut prefixes);
        writeln!(out, "    ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    write_new(&out_dir.join("builtin_templates.rs"), &out);
    let list = |set: &BTreeSet<String>| set.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", ");
    let mut out = String::new();
    writeln!(
        out,
        "/// Ids the built-in templates write whole.\npub(crate) const THEME_IDS: &[&str] = &[{}];",
        list(&ids)
    )
    .unwrap();
    writeln!(
        out,
        "/// Fixed beginnings of ids the built-in templates name after data.\npub(crate) const THEME_ID_PREFIXES: &[&str] = &[{}];",
        list(&prefixes)
    )
    .unwrap();
    write_new(&out_dir.join("theme_ids.rs"), &out);
}

/// Writes `text` as a new file at `path` (a temporary file renamed over it,
/// so a build folder copied with hard links never sees another's output).
fn write_new(path: &Path, text: &str) {
    let temporary = path.with_extension("rs.new");
    std::fs::write(&temporary, text).expect("OUT_DIR is writable");
    std::fs::rename(&temporary, path).expect("OUT_DIR is writable");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder").path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "html") {
            files.push(path);
        }
    }
}

/// The `id="..."` attributes of a template's text: a literal id whole, an id
/// built with `{{ }}` or `{% %}` by its fixed beginning (none when it starts
/// with the variable part: a chart's own id).
fn theme_ids(text: &str, ids: &mut BTreeSet<String>, prefixes: &mut BTreeSet<String>) {
    for part in text.split(" id=\"").skip(1) {
        let id = part.split('"').next().unwrap_or("");
        match id.find("{{").or_else(|| id.find("{%")) {
            Some(0) => {}
            Some(n) => {
                prefixes.insert(id[..n].to_string());
            }
            None if !id.is_empty() => {
                ids.insert(id.to_string());
            }
            None => {}
        }
    }
}
