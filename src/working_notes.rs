//! Working notes in published text: the `working-note` warning.
//!
//! Owns the list of words and phrases that mark a research note rather than
//! a finished sentence ("TODO", "not verified", "before publishing") and
//! finding them in the text of a content page or a data file, at
//! `path:line:column`. Everything in those files is published except YAML
//! comments and, in Markdown, code (fenced blocks and inline code spans),
//! which are skipped. Pure: the caller passes the file and collects the
//! diagnostics.

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
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

/// Every working note in `text`: (byte offset, the text as written). One
/// pass over the text finds every marker and the last word of every phrase
/// (Aho-Corasick; last words such as "verified" are rare, first words such
/// as "to" are not); the rest of a phrase is checked backwards from there.
pub(crate) fn find(text: &str, syntax: Syntax) -> Vec<(usize, String)> {
    let unpublished = unpublished_ranges(text, syntax);
    let published = |at: usize| {
        let i = unpublished.partition_point(|(_, end)| *end <= at);
        unpublished.get(i).is_none_or(|(start, _)| at < *start)
    };
    let boundary_before = |i: usize| text[..i].chars().next_back().is_none_or(|c| !is_word(c));
    let boundary_after = |i: usize| text[i..].chars().next().is_none_or(|c| !is_word(c));
    let searchers = searchers();
    let mut found = Vec::new();
    for m in searchers.markers.find_iter(text) {
        if boundary_before(m.start()) && boundary_after(m.end()) && published(m.start()) {
            found.push((m.start(), text[m.range()].to_string()));
        }
    }
    for m in searchers.last_words.find_iter(text) {
        if !boundary_after(m.end()) {
            continue;
        }
        for phrase in &searchers.phrases[m.pattern().as_usize()] {
            if let Some(start) = phrase_start(text, m.start(), &phrase[..phrase.len() - 1])
                && boundary_before(start)
                && published(start)
            {
                found.push((start, text[start..m.end()].to_string()));
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// Where a phrase starts, when `words` come before `at`, each followed by a
/// run of white space, in any case.
fn phrase_start(text: &str, mut at: usize, words: &[&str]) -> Option<usize> {
    for word in words.iter().rev() {
        let before = &text[..at];
        let spaces = before.len() - before.trim_end().len();
        let end = at - spaces;
        let candidate = end.checked_sub(word.len()).and_then(|start| text.get(start..end))?;
        if spaces == 0 || !candidate.eq_ignore_ascii_case(word) {
            return None;
        }
        at = end - word.len();
    }
    Some(at)
}

/// The searchers, built once: markers as written, and the last words of
/// the phrases (with the phrases each last word ends).
struct Searchers {
    markers: aho_corasick::AhoCorasick,
    last_words: aho_corasick::AhoCorasick,
    phrases: Vec<Vec<Vec<&'static str>>>,
}

fn searchers() -> &'static Searchers {
    static SEARCHERS: std::sync::OnceLock<Searchers> = std::sync::OnceLock::new();
    SEARCHERS.get_or_init(|| {
        let mut lasts: Vec<&'static str> = Vec::new();
        let mut phrases: Vec<Vec<Vec<&'static str>>> = Vec::new();
        for phrase in PHRASES {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            let last = words[words.len() - 1];
            match lasts.iter().position(|l| *l == last) {
                Some(i) => phrases[i].push(words),
                None => {
                    lasts.push(last);
                    phrases.push(vec![words]);
                }
            }
        }
        let build = |patterns: &[String]| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(patterns)
                .expect("the working-note patterns are valid")
        };
        // Each last word as people write it: lower case, capitalised, upper
        // case (searching case-sensitively keeps the fast prefilter).
        let mut variants: Vec<String> = Vec::new();
        let mut variant_phrases: Vec<Vec<Vec<&'static str>>> = Vec::new();
        for (word, phrases) in lasts.iter().zip(phrases) {
            let mut capitalised = word.to_string();
            capitalised[..1].make_ascii_uppercase();
            for variant in [word.to_string(), capitalised, word.to_ascii_uppercase()] {
                if !variants.contains(&variant) {
                    variants.push(variant);
                    variant_phrases.push(phrases.clone());
                }
            }
        }
        let markers: Vec<String> = MARKERS.iter().map(|m| m.to_string()).collect();
        Searchers { markers: build(&markers), last_words: build(&variants), phrases: variant_phrases }
    })
}

/// What is not published, as sorted byte ranges: YAML comment lines;
/// Markdown fenced code blocks and inline code spans.
fn unpublished_ranges(text: &str, syntax: Syntax) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut offset = 0;
    let mut fence: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let whole_line = match syntax {
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
        if whole_line {
            ranges.push((offset, offset + line.len()));
        } else if syntax == Syntax::Markdown {
            let mut open: Option<usize> = None;
            for (i, _) in line.match_indices('`') {
                match open.take() {
                    Some(start) => ranges.push((offset + start, offset + i + 1)),
                    None => open = Some(i),
                }
            }
            if let Some(start) = open {
                // An unclosed backtick: the rest of the line is code.
                ranges.push((offset + start, offset + line.len()));
            }
        }
        offset += line.len();
    }
    ranges
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Warn at every working note of a published file.
pub(crate) fn check(file: &SourceFile, syntax: Syntax, diagnostics: &mut Diagnostics) {
    for (offset, matched) in find(&file.text, syntax) {
        let shown = matched.split_whitespace().collect::<Vec<_>>().join(" ");
        diagnostics.push(
            Diagnostic::warning(Code::WorkingNote, format!("published text contains a working note: “{shown}”"))
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
