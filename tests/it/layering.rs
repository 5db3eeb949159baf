//! The layering of ARCHITECTURE.md ("Layers") holds in the code: every
//! `crate::` path of a module names a module its row allows, the table's
//! rows only name modules of earlier rows (no cycle), and every module of
//! `src/` has a row.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The table under `## Layers`: module -> the modules it may use, in order.
fn allowed(architecture: &str) -> Vec<(String, BTreeSet<String>)> {
    let section = architecture.split("\n## Layers\n").nth(1).expect("ARCHITECTURE.md has a `## Layers` section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|row| {
            let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
            let module = cells[0].trim_matches('`').to_string();
            let uses = cells[1]
                .split(',')
                .map(|m| m.trim().trim_matches('`'))
                .filter(|m| !m.is_empty() && !m.starts_with('('))
                .map(String::from)
                .collect();
            (module, uses)
        })
        .collect()
}

/// A file's text without its trailing test module and without comments.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Top-level modules named by `crate::name` in `code`.
fn used_modules(code: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `polibrief_crate::` or the like
        }
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            used.insert(name);
        }
    }
    used
}

/// Module -> modules it uses, from `(path under src/, text)` pairs.
fn graph<'a>(files: impl Iterator<Item = (String, &'a str)>) -> Graph {
    let mut graph = Graph::new();
    for (path, text) in files {
        let module = path.split('/').next().unwrap_or(&path).trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let uses = used_modules(&code_of(text));
        graph.entry(module.clone()).or_default().extend(uses.into_iter().filter(|u| *u != module));
    }
    graph
}

/// Every way `graph` breaks the table, one line each.
fn violations(graph: &Graph, table: &[(String, BTreeSet<String>)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut earlier: BTreeSet<&str> = BTreeSet::new();
    for (module, uses) in table {
        for u in uses.iter().filter(|u| !earlier.contains(u.as_str())) {
            problems.push(format!("the table lets `{module}` use `{u}`, which is not in an earlier row"));
        }
        earlier.insert(module);
    }
    let rows: BTreeMap<&str, &BTreeSet<String>> = table.iter().map(|(m, u)| (m.as_str(), u)).collect();
    for (module, uses) in graph {
        let Some(may) = rows.get(module.as_str()) else {
            problems.push(format!("`{module}` has no row in ARCHITECTURE.md's Layers table"));
            continue;
        };
        for u in uses.iter().filter(|u| !may.contains(*u)) {
            problems.push(format!("`{module}` uses `crate::{u}`, which its row does not allow"));
        }
    }
    for module in rows.keys().filter(|m| !graph.contains_key(**m)) {
        problems.push(format!("the Layers table names `{module}`, which is not a module of src/"));
    }
    problems
}

fn crate_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: Vec<(String, String)> = walkdir::WalkDir::new(&src)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let rel = e.path().strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    graph(files.iter().map(|(p, t)| (p.clone(), t.as_str())))
}

fn table() -> Vec<(String, BTreeSet<String>)> {
    let architecture = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md")).unwrap();
    allowed(&architecture)
}

#[test]
fn every_module_uses_only_what_the_layers_table_allows() {
    let problems = violations(&crate_graph(), &table());
    assert!(problems.is_empty(), "the code breaks ARCHITECTURE.md's layering:\n{}", problems.join("\n"));
}

#[test]
fn a_forbidden_use_or_a_cycle_in_the_table_is_caught() {
    let table = table();
    let mut graph = crate_graph();
    // Loading that reaches into rendering.
    graph.get_mut("data").unwrap().insert("render".into());
    assert_eq!(violations(&graph, &table), ["`data` uses `crate::render`, which its row does not allow"]);

    // A use found in a file as written, past comments, before the tests.
    let text = "use crate::source::SourceFile; // crate::render\nfn f() { crate::render::x(); }\n#[cfg(test)]\nmod tests { use crate::jobs; }\n";
    assert_eq!(used_modules(&code_of(text)), BTreeSet::from(["source".to_string(), "render".to_string()]));

    // A row naming a later row's module: a cycle the table would allow.
    let mut cyclic = table.clone();
    cyclic.iter_mut().find(|(m, _)| m == "source").unwrap().1.insert("diagnostics".into());
    let problems = violations(&crate_graph(), &cyclic);
    assert!(
        problems.contains(&"the table lets `source` use `diagnostics`, which is not in an earlier row".to_string()),
        "{problems:?}"
    );
}
