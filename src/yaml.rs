//! YAML decoding with located, readable errors.
//!
//! Owns the one way polibrief reads YAML (config, front matter, data files):
//! serde-saphyr with resource limits (alias bombs, absurd nesting), errors
//! turned into `Diagnostic`s at `path:line:column` with a "did you mean"
//! for unknown fields. It knows nothing about what the YAML means.

use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, MessageFormatter, Options, UserMessageFormatter};

use crate::diagnostics::{Code, Diagnostic, Diagnostics, suggestion};
use crate::source::{Position, SourceFile};

/// Limits that keep hostile YAML from exhausting memory or the stack.
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_depth = 64;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_nodes = 2_000_000;
    // The alias/anchor ratio heuristic refuses 100 uses of one anchor, which
    // is ordinary reuse; expansion is bounded by the alias count above and
    // by the replay limits, which catch real alias bombs.
    budget.enforce_alias_anchor_ratio = false;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    // YAML 1.2: only `true` and `false` are booleans (`yes`, `no`, `on` are errors).
    options.strict_booleans = true;
    options
}

/// Decode `yaml`, a slice of `source` that starts at line `first_line`
/// (1 for a whole file, 2 for front matter after its `---` line).
pub(crate) fn decode<T: DeserializeOwned>(source: &SourceFile, yaml: &str, first_line: usize) -> Result<T, Diagnostic> {
    let has_content = yaml.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && t != "---" && t != "..."
    });
    if !has_content {
        return Err(Diagnostic::error(Code::EmptyYaml, "no YAML here: the file is empty")
            .at(source, Position::new(first_line, 1)));
    }
    let value = serde_saphyr::from_str_with_options::<T>(yaml, options())
        .map_err(|e| yaml_diagnostic(source, yaml, &e, first_line))?;
    match escaped_refused_char(source, yaml, first_line) {
        Some(problem) => Err(problem),
        None => Ok(value),
    }
}

/// A double-quoted scalar whose escapes make a character no output can
/// carry (`"Eri\0trea\x07"`, `"\uFFFF"`); the file's own text was checked
/// when it was read (`fsio`), so only escapes are left, and only text with a
/// backslash is walked again, event by event, for them. Called once the
/// document decoded, so the parser's limits have held already.
fn escaped_refused_char(source: &SourceFile, yaml: &str, first_line: usize) -> Option<Diagnostic> {
    use serde_saphyr::granit_parser::{Event, Parser};
    if !yaml.contains('\\') {
        return None;
    }
    let mut parser = Parser::new_from_str(yaml);
    while let Some(Ok((event, span))) = parser.next_event() {
        let Event::Scalar(value, ..) = event else { continue };
        if let Some((_, c, _)) = crate::source::refused_chars(&value) {
            let at = Position::new(span.start.line() + first_line - 1, span.start.col() + 1);
            return Some(
                Diagnostic::error(
                    Code::RefusedCharacter,
                    format!(
                        "an escape in this text makes {}, which web pages and feeds cannot carry",
                        crate::source::describe_refused_char(c)
                    ),
                )
                .at(source, at)
                .with_help(format!("remove the escape ({}) from the quoted text", escape_of(c))),
            );
        }
    }
    None
}

/// The ways YAML writes the character as an escape: `\a`, `\x07` or `\u0007`.
fn escape_of(c: char) -> String {
    let n = u32::from(c);
    let short = match c {
        '\0' => Some("\\0"),
        '\u{7}' => Some("\\a"),
        '\u{8}' => Some("\\b"),
        '\u{b}' => Some("\\v"),
        '\u{c}' => Some("\\f"),
        '\u{1b}' => Some("\\e"),
        '\u{85}' => Some("\\N"),
        _ => None,
    };
    let mut ways: Vec<String> = short.into_iter().map(|s| format!("`{s}`")).collect();
    if n <= 0xFF {
        ways.push(format!("`\\x{n:02X}`"));
    }
    if n <= 0xFFFF {
        ways.push(format!("`\\u{n:04X}`"));
    } else {
        ways.push(format!("`\\U{n:08X}`"));
    }
    match ways.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// How many bad fields one mapping may report before polibrief stops looking.
const MAX_FIELD_PROBLEMS: usize = 32;

/// Decode a mapping whose top-level fields are independent (front matter,
/// config) and report every bad field, not only the first: after a wrong
/// type, unknown field or value, or a repeated key, that field's lines are
/// blanked (keeping every other position) and the rest is decoded again.
/// Gives the value decoded from the fields that remained (for further
/// checks), or `None` when even they cannot be decoded.
pub(crate) fn decode_each_field<T: DeserializeOwned>(source: &SourceFile, yaml: &str, first_line: usize) -> Decoded<T> {
    let mut text = yaml.to_string();
    let mut diagnostics = Diagnostics::new();
    let mut blanked: Vec<String> = Vec::new();
    while diagnostics.len() < MAX_FIELD_PROBLEMS {
        let problem = match decode::<T>(source, &text, first_line) {
            Ok(value) => return Decoded { value: Some(value), diagnostics, blanked },
            Err(problem) => problem,
        };
        if is_consequence_of_blanking(&problem, &blanked) {
            break;
        }
        let field = is_field_problem(&problem)
            .then(|| blank_field(&mut text, (problem.line + 1).saturating_sub(first_line)))
            .flatten();
        diagnostics.push(problem);
        match field {
            Some(key) => blanked.push(key),
            None => break,
        }
    }
    Decoded { value: None, diagnostics, blanked }
}

/// What `decode_each_field` found.
pub(crate) struct Decoded<T> {
    pub(crate) value: Option<T>,
    pub(crate) diagnostics: Diagnostics,
    /// The keys of the fields left out because they were bad.
    pub(crate) blanked: Vec<String>,
}

fn yaml_diagnostic(source: &SourceFile, yaml: &str, error: &serde_saphyr::Error, first_line: usize) -> Diagnostic {
    let raw = UserMessageFormatter.format_message(error.without_snippet()).into_owned();
    let position = error
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| Position::new(l.line() as usize + first_line - 1, l.column() as usize))
        .unwrap_or(Position::new(first_line, 1));
    // Budget breaches are found after the last line: blame the last line.
    let last_line = (first_line + yaml.lines().count()).saturating_sub(1).max(first_line);
    let position = if position.line > last_line { Position::new(last_line, 1) } else { position };
    let (code, message, help) = explain(&raw);
    // serde reports a missing field where the mapping ends; for the top-level
    // mapping (a key in column 1) point at where the document starts instead.
    let position = if code == Code::MissingField && position.column == 1 {
        first_content_line(yaml).map_or(position, |line| Position::new(line + first_line - 1, 1))
    } else if raw.starts_with("only single YAML document") && position.line > 1 {
        // The parser stands on the line after the `---` that starts the second document.
        let previous = source.line_text(position.line - 1).unwrap_or("");
        if previous.trim() == "---" { Position::new(position.line - 1, 1) } else { position }
    } else {
        position
    };
    Diagnostic::error(code, message).at(source, position).with_optional_help(help)
}

/// Problems confined to one field, which blanking that field removes.
fn is_field_problem(problem: &Diagnostic) -> bool {
    matches!(problem.code, Code::WrongType | Code::UnknownField | Code::UnknownValue | Code::DuplicateKey)
}

/// A problem that only exists because a bad field was blanked: the file
/// looks empty, or a required field that was blanked is now missing.
fn is_consequence_of_blanking(problem: &Diagnostic, blanked: &[String]) -> bool {
    !blanked.is_empty()
        && (problem.code == Code::EmptyYaml
            || (problem.code == Code::MissingField
                && blanked.iter().any(|key| problem.message == missing_field_message(key))))
}

/// Blank the top-level field that owns 1-based `line` of `text`: its key
/// line and the indented lines below it become spaces, so every other
/// position stays where it was. Gives the field's key, or `None` when the
/// line belongs to no top-level `key:` line.
fn blank_field(text: &mut String, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let owner = (0..line.min(lines.len())).rev().find(|&i| starts_a_field(lines[i]))?;
    let key = lines[owner].split_once(':')?.0.trim().trim_matches(['"', '\'']).to_string();
    let end = (owner + 1..lines.len())
        .find(|&i| starts_a_field(lines[i]) || lines[i].starts_with("---"))
        .unwrap_or(lines.len());
    let blanked: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if (owner..end).contains(&i) { blank_line(l) } else { (*l).to_string() })
        .collect();
    *text = blanked;
    Some(key)
}

/// A line in column 1 that is not blank, a comment or a document marker.
fn starts_a_field(line: &str) -> bool {
    let first = line.chars().next();
    first.is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-' && c != '.' && c != ']' && c != '}')
        && line.contains(':')
}

fn blank_line(line: &str) -> String {
    let body = line.trim_end_matches(['\n', '\r']);
    let ending = &line[body.len()..];
    format!("{}{ending}", " ".repeat(body.chars().count()))
}

/// The 1-based line of the first line that is not blank or a comment.
pub(crate) fn first_content_line(yaml: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#') && t != "---"
        })
        .map(|i| i + 1)
}

/// Rephrase serde/serde-saphyr messages in the words of the site format.
fn explain(raw: &str) -> (Code, String, Option<String>) {
    if let Some(rest) = raw.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once('`')
    {
        let known = known_names(expected);
        let help = suggestion(field, known.iter().map(String::as_str));
        return (Code::UnknownField, format!("unknown field `{field}`"), Some(help));
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `")
        && let Some((value, expected)) = rest.split_once('`')
    {
        let known = known_names(expected);
        let help = suggestion(value, known.iter().map(String::as_str));
        return (Code::UnknownValue, format!("unknown value `{value}`"), Some(help));
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return (Code::MissingField, missing_field_message(field), Some(format!("add `{field}: ...`")));
    }
    if raw.starts_with("duplicate mapping key") {
        return (
            Code::DuplicateKey,
            raw.replace(" is not allowed here", ""),
            Some("each key may appear once; remove one of them".into()),
        );
    }
    let kind = match raw {
        "invalid i64" | "invalid i32" | "invalid u64" | "invalid u32" | "invalid u16" | "invalid u8"
        | "invalid i16" => {
            return (Code::WrongType, "expected a whole number".into(), None);
        }
        "invalid f64" | "invalid f32" | "invalid floating point" => {
            return (Code::WrongType, "expected a number".into(), None);
        }
        "expected string scalar" => return (Code::WrongType, "expected text".into(), None),
        "invalid boolean" | "invalid boolean (true or false expected)" => {
            return (Code::WrongType, "expected `true` or `false`".into(), None);
        }
        _ => Code::Yaml,
    };
    if raw.starts_with("budget breached")
        || raw.starts_with("recursion limit")
        || raw.starts_with("YAML document too large")
    {
        return (
            Code::YamlTooComplex,
            "YAML is too deeply nested or expands too many aliases".into(),
            Some("simplify the file; polibrief refuses YAML that could exhaust memory".into()),
        );
    }
    if raw.starts_with("only single YAML document") {
        return (Code::YamlSyntax, "a second YAML document starts here (`---`); only one is allowed".into(), None);
    }
    if raw.starts_with("expected sequence") {
        return (Code::WrongType, "expected a list, e.g. `[a, b]` or lines starting with `- `".into(), None);
    }
    if raw.starts_with("expected mapping") || raw.starts_with("invalid type: sequence") {
        return (Code::WrongType, "expected a mapping of `key: value` lines".into(), None);
    }
    (kind, raw.to_string(), None)
}

pub(crate) fn missing_field_message(field: &str) -> String {
    format!("missing required field `{field}`")
}

/// `code, name, weight` or `one of code, name` -> the names.
fn known_names(expected: &str) -> Vec<String> {
    let list = expected
        .trim_start_matches(", ")
        .trim_start_matches("expected ")
        .trim_start_matches("one of ")
        .trim_start_matches("either ");
    list.split([',', ' '])
        .map(|s| s.trim().trim_matches('`'))
        .filter(|s| !s.is_empty() && *s != "or" && *s != "and")
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        weight: Option<i64>,
    }

    fn error_of(yaml: &str, first_line: usize) -> Diagnostic {
        let src = SourceFile::new("x.yaml", yaml);
        decode::<Sample>(&src, yaml, first_line).unwrap_err()
    }

    #[test]
    fn unknown_field_is_located_with_a_suggestion() {
        let d = error_of("title: A\nwieght: 3\n", 1);
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(d.message, "unknown field `wieght`");
        assert_eq!(d.help.as_deref(), Some("did you mean `weight`?"));
    }

    #[test]
    fn offsets_lines_for_front_matter() {
        let d = error_of("title: A\nweight: heavy\n", 2);
        assert_eq!((d.line, d.column), (3, 9));
        assert_eq!(d.message, "expected a whole number");
    }

    #[test]
    fn a_few_hundred_aliases_of_a_plain_value_are_fine() {
        let yaml = format!("a: &a x\nb: [{}]\n", vec!["*a"; 300].join(", "));
        let src = SourceFile::new("x.yaml", yaml.clone());
        let value = decode::<serde_json::Value>(&src, &yaml, 1).unwrap();
        assert_eq!(value["b"].as_array().unwrap().len(), 300);
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut yaml = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (i, name) in ["b", "c", "d", "e", "f", "g", "h"].iter().enumerate() {
            let prev = ["a", "b", "c", "d", "e", "f", "g"][i];
            yaml.push_str(&format!("{name}: &{name} [{}]\n", vec![format!("*{prev}"); 10].join(",")));
        }
        let src = SourceFile::new("x.yaml", yaml.clone());
        let d = decode::<serde_json::Value>(&src, &yaml, 1).unwrap_err();
        assert_eq!(d.code, "yaml-too-complex", "{}", d.message);
    }
}
