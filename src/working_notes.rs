//! Working notes in published text: the `working-note` warning.
//!
//! Owns the list of words and phrases that mark a research note rather than
//! a finished sentence ("TODO", "not verified", "before publishing") and
//! finding them in the text of a content page or a data file, at
//! `path:line:column`. Everything in those files is published except YAML
//! comments and, in Markdown, code (fenced blocks and inline code spans),
//! which are skipped. Pure: the caller passes the file and collects the
//! diagnostics.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::source::SourceFile;

/// Markers matched as written (upper case), as whole words.
pub(crate) const MARKERS: &[&str] = &["TODO", "FIXME", "TBD", "XXX"];

/// Phrases matched in any case, as whole words; a space matches any run of
/// white space (a phrase may wrap across lines).
pub(crate) const PHRASES: &[&str] = &[
    "not verified",
    "not been verified",
    "not yet verified",
    "unverified",
    "not re-verified",
    "not checked",
    "not been checked",
    "not confirmed",
    "not been confirmed",
    "to be confirmed",
    "to be checked",
    "to verify",
    "before publishing",
    "before publication",
    "re-download",
    "placeholder",
    "lorem ipsum",
];

/// How to read a file: what in it is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// YAML: lines whose first non-blank character is `#` are comments.
    Yaml,
    /// Markdown: fenced code blocks and inline code are skipped.
    Markdown,
}

/// Every working note in `text`: (byte offset, the text as written).
pub(crate) fn find(text: &str, syntax: Syntax) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut offset = 0;
    let mut fence: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let skip_line = match syntax {
            Syntax::Yaml => trimmed.starts_with('#'),
            Syntax::Markdown => {
                let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
                match (fence, marker) {
                    (Some(open), Some(m)) if m == open => {
                        fence = None;
                        true
                    }
                    (Some(_), _) => true,
                    (None, Some(m)) => {
                        fence = Some(m);
                        true
                    }
                    (None, None) => false,
                }
            }
        };
        if !skip_line {
            for (start, end) in published_spans(line, syntax) {
                found.extend(in_span(&line[start..end]).into_iter().map(|(at, t)| (offset + start + at, t)));
            }
        }
        offset += line.len();
    }
    // A phrase that wraps across lines: look again over the whole text, and
    // keep what the line-by-line pass could not see.
    for (at, matched) in in_span(text) {
        if matched.contains('\n') && !found.iter().any(|(o, _)| *o == at) && !in_code(text, at, syntax) {
            found.push((at, matched));
        }
    }
    found.sort();
    found
}

/// The parts of one line outside inline code (Markdown), or the whole line.
fn published_spans(line: &str, syntax: Syntax) -> Vec<(usize, usize)> {
    if syntax == Syntax::Yaml {
        return vec![(0, line.len())];
    }
    let mut spans = Vec::new();
    let mut start = 0;
    let mut in_code = false;
    for (i, c) in line.char_indices() {
        if c == '`' {
            if !in_code {
                spans.push((start, i));
            }
            in_code = !in_code;
            start = i + 1;
        }
    }
    if !in_code {
        spans.push((start, line.len()));
    }
    spans
}

/// Whether a byte offset lies in code (a fence or an inline code span of its line).
fn in_code(text: &str, at: usize, syntax: Syntax) -> bool {
    if syntax == Syntax::Yaml {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        return text[line_start..].trim_start().starts_with('#');
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let fences = text[..line_start]
        .lines()
        .filter(|l| l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~"))
        .count();
    fences % 2 == 1 || text[line_start..at].matches('`').count() % 2 == 1
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whole-word matches of the markers and phrases in `text`.
fn in_span(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let boundary_before = |i: usize| text[..i].chars().next_back().is_none_or(|c| !is_word(c));
    let boundary_after = |i: usize| text[i..].chars().next().is_none_or(|c| !is_word(c));
    for marker in MARKERS {
        for (i, _) in text.match_indices(marker) {
            if boundary_before(i) && boundary_after(i + marker.len()) {
                found.push((i, marker.to_string()));
            }
        }
    }
    let lower = text.to_ascii_lowercase();
    for phrase in PHRASES {
        let words: Vec<&str> = phrase.split(' ').collect();
        for (i, _) in lower.match_indices(words[0]) {
            if !boundary_before(i) {
                continue;
            }
            let mut end = i + words[0].len();
            let mut ok = true;
            for word in &words[1..] {
                let spaces = lower[end..].len() - lower[end..].trim_start().len();
                if spaces == 0 || !lower[end + spaces..].starts_with(word) {
                    ok = false;
                    break;
                }
                end += spaces + word.len();
            }
            if ok && boundary_after(end) {
                found.push((i, text[i..end].to_string()));
            }
        }
    }
    found
}

/// Warn at every working note of a published file.
pub(crate) fn check(file: &SourceFile, syntax: Syntax, diagnostics: &mut Diagnostics) {
    for (offset, matched) in find(&file.text, syntax) {
        let shown = matched.split_whitespace().collect::<Vec<_>>().join(" ");
        diagnostics.push(
            Diagnostic::warning("working-note", format!("published text contains a working note: “{shown}”"))
                .at_offset(file, offset)
                .with_help(
                    "say what the sources show and cite them, or leave the claim out; notes for the team belong in the research notes, not on the site",
                ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, syntax: Syntax) -> Vec<String> {
        find(text, syntax).into_iter().map(|(at, t)| format!("{at}:{t}")).collect()
    }

    #[test]
    fn finds_markers_and_phrases_as_whole_words() {
        let text = "Voting rules: not verified.\nTODO: add a source. Todo list; TODOS; mastodon\nRe-download before\n  publishing.";
        assert_eq!(
            found(text, Syntax::Markdown),
            ["14:not verified", "28:TODO", "75:Re-download", "87:before\n  publishing"]
        );
        assert!(found("The rules were unverifiable or verified. Photodo.", Syntax::Markdown).is_empty());
        assert_eq!(found("Unverified", Syntax::Yaml), ["0:Unverified"]);
    }

    #[test]
    fn skips_code_and_yaml_comments() {
        let md = "Intro\n```\nTODO in a fence\n```\nUse `TODO` in code, but not verified here.\n";
        assert_eq!(found(md, Syntax::Markdown), ["54:not verified"]);
        let yaml = "# TODO: a comment\ntitle: Fine\nnote: \"TBD\"\n";
        assert_eq!(found(yaml, Syntax::Yaml), ["37:TBD"]);
    }

    #[test]
    fn a_warning_is_located() {
        let file = SourceFile::new("content/a.md", "---\ntitle: A\n---\nLine\nMorocco: not verified.\n");
        let mut diagnostics = Diagnostics::new();
        check(&file, Syntax::Markdown, &mut diagnostics);
        let all: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(all.len(), 1);
        assert!(all[0].starts_with("content/a.md:5:10: warning"), "{}", all[0]);
        assert!(all[0].contains("“not verified”"), "{}", all[0]);
    }
}
