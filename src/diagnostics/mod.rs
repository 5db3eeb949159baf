//! Diagnostics: every problem a user can cause, located and explained.
//!
//! Owns the `Diagnostic` type, the collection a stage fills before it fails,
//! "did you mean" suggestions and the plain-text rendering
//! (`path:line:column: message`, the source line with a caret, a help line).
//! It never decides *whether* something is wrong: the stages do.

use std::fmt::{self, Write as _};

use crate::source::{Position, SourceFile};

mod codes;
pub use codes::Code;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One located problem. Paths are relative to the site folder. Serialised
/// (for `--format json`) as `severity, path, line, column, code, message, help`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What kind of problem (`unknown-field`, `yaml-syntax`, ...), documented in docs/diagnostics.md.
    pub code: Code,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
    /// The offending source line, when the file has one at `line`; around
    /// `column` only, with `…` at the cut ends, when the line is very long.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// The column of the caret in `source_line` (differs from `column` when
    /// the line was cut).
    #[serde(skip)]
    pub source_column: usize,
    /// For the message that counts the diagnostics of its kind left out
    /// (`250 more broken links from here on`): how many, and what they are
    /// called. `None` for every other diagnostic.
    #[serde(skip)]
    pub(crate) counts: Option<(usize, &'static str)>,
}

/// Longest source line shown whole under a message; longer ones are cut
/// around the column, so that a 10 MB line does not weigh 10 MB per message.
pub(crate) const MAX_SOURCE_LINE_CHARS: usize = 200;

/// Of one code in one file, this many diagnostics are listed; the rest are
/// counted in one more (`1234 more broken links from here on`), so that a page of a
/// million broken links neither floods the terminal nor exhausts memory.
/// `Diagnostics::push` applies it to every code; a stage that finds
/// problems by the million (Markdown, the link check) may also stop making
/// them early and hand over its own count (`Diagnostic::and_more`).
pub(crate) const MAX_REPEATS_PER_FILE: usize = 100;

impl Diagnostic {
    pub(crate) fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: String::new(),
            line: 0,
            column: 0,
            message: message.into(),
            help: standard_help(code).map(str::to_owned),
            source_line: None,
            source_column: 0,
            counts: None,
        }
    }

    pub(crate) fn warning(code: Code, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message) }
    }

    /// Locate the diagnostic in a source file, keeping the line's text for the snippet.
    pub(crate) fn at(mut self, source: &SourceFile, position: Position) -> Self {
        self.path = source.path.clone();
        self.line = position.line;
        self.column = position.column;
        let caret = || source.byte_in_line(position);
        let excerpt = source.line_text(position.line).map(|text| excerpt(text, position.column, caret));
        let excerpt = excerpt.map(|(text, column)| (printable(&text).into_owned(), column));
        (self.source_line, self.source_column) = excerpt.map_or((None, 0), |(t, c)| (Some(t), c));
        self
    }

    /// The last diagnostic of a kind in a file, at the first one not listed
    /// (see `MAX_REPEATS_PER_FILE`): `250 more broken links from here on`.
    pub(crate) fn and_more(
        code: Code,
        severity: Severity,
        (source, offset): (&SourceFile, usize),
        more: usize,
        what: &'static str,
    ) -> Self {
        Diagnostic { severity, ..Diagnostic::error(code, "") }.at_offset(source, offset).counting(more, what)
    }

    /// This diagnostic made into the count of `more` left out, at its place.
    fn counting(mut self, more: usize, what: &'static str) -> Self {
        self.message = format!("{more} more {what} from here on (only the first {MAX_REPEATS_PER_FILE} are listed)");
        self.help = None;
        self.counts = Some((more, what));
        self
    }

    /// Locate the diagnostic at a byte offset of a source file.
    pub(crate) fn at_offset(self, source: &SourceFile, offset: usize) -> Self {
        let position = source.position(offset);
        self.at(source, position)
    }

    /// Name a file without a position inside it.
    pub(crate) fn in_file(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// A more precise help when there is one (the code's standard help, if
    /// any, stays otherwise).
    pub(crate) fn with_optional_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column` (or `path` alone when there is no line).
    pub fn location(&self) -> String {
        match (self.path.is_empty(), self.line) {
            (true, _) => String::from("<site>"),
            (false, 0) => self.path.clone(),
            (false, line) => format!("{}:{}:{}", self.path, line, self.column.max(1)),
        }
    }
}

impl Diagnostic {
    /// The rendering of `Display`, in colour for a terminal.
    pub fn render(&self, color: bool) -> String {
        if !color {
            return self.to_string();
        }
        use anstyle::{AnsiColor, Style};
        let paint = |style: Style, text: &str| format!("{}{text}{}", style.render(), style.render_reset());
        let bold = Style::new().bold();
        let (accent, label) = match self.severity {
            Severity::Error => (AnsiColor::Red.on_default().bold(), "error"),
            Severity::Warning => (AnsiColor::Yellow.on_default().bold(), "warning"),
        };
        let blue = AnsiColor::Blue.on_default().bold();
        let mut out = format!(
            "{}: {}: {}",
            paint(bold, &printable(&self.location())),
            paint(accent, label),
            paint(bold, &printable(&self.message))
        );
        let pad = " ".repeat(self.line.to_string().len());
        if let Some(text) = &self.source_line {
            let caret_pad = self.caret_pad(text);
            out.push_str(&format!(
                "\n{pad} {}\n{} {} {}\n{pad} {} {caret_pad}{}",
                paint(blue, "|"),
                paint(blue, &self.line.to_string()),
                paint(blue, "|"),
                text.replace('\r', ""),
                paint(blue, "|"),
                paint(accent, "^")
            ));
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("\n{pad} {} {}", paint(blue, "= help:"), printable(help)));
        }
        out
    }
}

impl Diagnostic {
    /// Spaces (and the line's tabs) up to the caret.
    fn caret_pad(&self, text: &str) -> String {
        text.chars().take(self.source_column.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect()
    }
}

/// The line itself, or, for a long one, the part around `column` with `…`
/// where it was cut; and the caret's column in what is returned. `caret`
/// gives the column's byte in the line (asked for long lines only): the
/// work is the window's, however long the line.
fn excerpt(text: &str, column: usize, caret: impl FnOnce() -> usize) -> (String, usize) {
    if text.len() <= MAX_SOURCE_LINE_CHARS || text.chars().nth(MAX_SOURCE_LINE_CHARS).is_none() {
        return (text.to_string(), column);
    }
    let half = MAX_SOURCE_LINE_CHARS / 2;
    let caret = caret().min(text.len());
    let back = column.saturating_sub(1).min(half);
    let start = match back {
        0 => caret,
        n => text[..caret].char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i),
    };
    let first = column.saturating_sub(1) - back;
    let mut window: String = text[start..].chars().take(MAX_SOURCE_LINE_CHARS).collect();
    let cut_end = text[start..].chars().nth(MAX_SOURCE_LINE_CHARS).is_some();
    if cut_end {
        window.push('…');
    }
    if first == 0 { (window, column) } else { (format!("…{window}"), column - first + 1) }
}

impl fmt::Display for Diagnostic {
    /// The plain rendering:
    ///
    /// ```text
    /// content/brief/intro.md:3:1: unknown field `titel`
    ///    |
    ///  3 | titel: Introduction
    ///    | ^
    ///    = help: did you mean `title`?
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(f, "{}: {label}{}", printable(&self.location()), printable(&self.message))?;
        let gutter = self.line.to_string().len();
        let pad = " ".repeat(gutter);
        if let Some(text) = &self.source_line {
            let caret_pad = self.caret_pad(text);
            write!(f, "\n{pad} |\n{} | {}\n{pad} | {caret_pad}^", self.line, text.replace('\r', ""))?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {}", printable(help))?;
        }
        Ok(())
    }
}

/// Text from the site made safe to print on a terminal: a control character
/// (an escape sequence could restyle or rewrite the terminal) is shown as its
/// Control Pictures symbol (`␇`), a noncharacter as `�`, one character for
/// one so that the caret stays under its column.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let shown = |c: char| match u32::from(c) {
        n @ 0..=0x1F if c != '\t' => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7F => '\u{2421}',
        _ if c != '\t' && crate::source::is_refused_char(c) => '\u{fffd}',
        _ => c,
    };
    if text.chars().any(|c| shown(c) != c) {
        std::borrow::Cow::Owned(text.chars().map(shown).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The help of codes whose fix is always the same; the stage that reports a
/// problem may replace it with a more precise one.
fn standard_help(code: Code) -> Option<&'static str> {
    match code {
        Code::BrokenLink => Some(
            "links inside the site are written from its root (`/countries/ma/`) or relative to the page \
             (`../conclusion/`), without the path of `base_url`; fix the address, or create the page it points to",
        ),
        Code::UnusedSource => Some(
            "cite it in `sources: [id]` of the diaspora entry or measure it supports, or remove it from `sources:`",
        ),
        _ => None,
    }
}

/// The diagnostics of a run, in a deterministic order. Of each code in each
/// file (and severity), the first `MAX_REPEATS_PER_FILE` pushed are kept;
/// the others are only counted, in one diagnostic at the first one left out,
/// so memory and output stay bounded whatever a file holds.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// Per (path, code, severity): how many were pushed, and the index in
    /// `items` of the count of those left out, once there is one.
    tally: std::collections::HashMap<(String, Code, Severity), Tally>,
    /// The last diagnostic pushed when it was only counted, so that
    /// `last_mut` still has it to hand (its changes are then dropped).
    counted_only: Option<Diagnostic>,
}

#[derive(Debug, Default, Clone)]
struct Tally {
    listed: usize,
    count_at: Option<usize>,
}

impl Diagnostics {
    pub(crate) fn new() -> Self {
        Diagnostics::default()
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.counted_only = None;
        let key = (diagnostic.path.clone(), diagnostic.code, diagnostic.severity);
        let tally = self.tally.entry(key).or_default();
        let more = match diagnostic.counts {
            Some((more, _)) => more,
            None if tally.listed < MAX_REPEATS_PER_FILE => {
                tally.listed += 1;
                self.items.push(diagnostic);
                return;
            }
            None => 1,
        };
        match tally.count_at {
            Some(i) => {
                let (before, what) = self.items[i].counts.unwrap_or((0, "problems like this"));
                // A stage's own name for what it counted wins over the generic one.
                let what = diagnostic.counts.map_or(what, |(_, named)| named);
                let count = std::mem::replace(&mut self.items[i], Diagnostic::error(Code::Yaml, ""));
                self.items[i] = count.counting(before + more, what);
                self.counted_only = Some(diagnostic);
            }
            None => {
                tally.count_at = Some(self.items.len());
                let what = match diagnostic.counts {
                    Some((_, what)) => what,
                    None if diagnostic.is_error() => "errors like this",
                    None => "warnings like this",
                };
                self.counted_only = diagnostic.counts.is_none().then(|| diagnostic.clone());
                self.items.push(diagnostic.counting(more, what));
            }
        }
    }

    /// The diagnostic pushed last, to add to it (a help, say).
    pub(crate) fn last_mut(&mut self) -> Option<&mut Diagnostic> {
        match &mut self.counted_only {
            Some(d) => Some(d),
            None => self.items.last_mut(),
        }
    }

    pub(crate) fn extend(&mut self, other: Diagnostics) {
        other.items.into_iter().for_each(|d| self.push(d));
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| !d.is_error())
    }

    /// Sorted by path, position and message, without exact duplicates, so that
    /// parallel stages report in a stable order.
    pub fn sorted(mut self) -> Self {
        self.items.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
        });
        self.items.dedup();
        // The counts moved: find them again, should more be pushed.
        for tally in self.tally.values_mut() {
            tally.count_at = None;
        }
        for (i, d) in self.items.iter().enumerate() {
            if d.counts.is_some()
                && let Some(tally) = self.tally.get_mut(&(d.path.clone(), d.code, d.severity))
            {
                tally.count_at = Some(i);
            }
        }
        self.counted_only = None;
        self
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Every diagnostic rendered, separated by blank lines.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.items {
            let _ = writeln!(out, "{d}\n");
        }
        out
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(d);
        diagnostics
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<T: IntoIterator<Item = Diagnostic>>(iter: T) -> Self {
        let mut diagnostics = Diagnostics::new();
        iter.into_iter().for_each(|d| diagnostics.push(d));
        diagnostics
    }
}

/// The closest known name to an unknown one, if it is close enough to be a typo.
pub(crate) fn did_you_mean<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(unknown, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// "did you mean `x`?" or a list of what is allowed.
pub(crate) fn suggestion<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str> + Clone) -> String {
    match did_you_mean(unknown, known.clone()) {
        Some(k) => format!("did you mean `{k}`?"),
        None => {
            let list: Vec<String> = known.into_iter().map(|k| format!("`{k}`")).collect();
            if list.is_empty() {
                String::from("there is none to choose from")
            } else if list.len() > 12 {
                format!("expected one of {} names: {}, …", list.len(), list[..6].join(", "))
            } else {
                format!("expected one of {}", list.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_snippet_and_help() {
        let src = SourceFile::new("content/a.md", "---\ntitel: A\n---\n");
        let d = Diagnostic::error(Code::UnknownField, "unknown field `titel`")
            .at(&src, Position::new(2, 1))
            .with_help("did you mean `title`?");
        assert_eq!(
            d.to_string(),
            "content/a.md:2:1: unknown field `titel`\n  |\n2 | titel: A\n  | ^\n  = help: did you mean `title`?"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}[x](/gone/){}", "a".repeat(5_000), "b".repeat(5_000));
        let src = SourceFile::new("content/a.md", line.as_str());
        let d = Diagnostic::error(Code::BrokenLink, "gone").at(&src, Position::new(1, 5_001));
        let shown = d.source_line.clone().unwrap();
        assert_eq!(shown.chars().count(), MAX_SOURCE_LINE_CHARS + 2);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        let caret_line = d.to_string().lines().nth(3).unwrap().to_string();
        assert_eq!(caret_line.find('^').unwrap() - "  | ".len(), shown.chars().position(|c| c == '[').unwrap());
        let short = Diagnostic::error(Code::Yaml, "y").at(&SourceFile::new("a", "abc"), Position::new(1, 2));
        assert_eq!((short.source_line.as_deref(), short.source_column), (Some("abc"), 2));
    }

    #[test]
    fn of_one_kind_in_one_file_the_first_hundred_are_listed_and_the_rest_counted() {
        let text: String = (1..=250).map(|n| format!("{n}\n")).collect();
        let src = SourceFile::new("data/indicators/x.yaml", text.as_str());
        let mut diagnostics = Diagnostics::new();
        for line in 1..=250 {
            diagnostics.push(Diagnostic::error(Code::BadYear, format!("year {line}")).at(&src, Position::new(line, 1)));
            diagnostics.last_mut().unwrap().help = Some(String::from("a help"));
        }
        // Another kind, and another file, have their own hundred.
        diagnostics.push(Diagnostic::error(Code::BadDate, "d").at(&src, Position::new(1, 1)));
        diagnostics.push(Diagnostic::error(Code::BadYear, "y").in_file("other.yaml"));
        let diagnostics = diagnostics.sorted();
        assert_eq!(diagnostics.len(), MAX_REPEATS_PER_FILE + 3);
        let count = diagnostics.iter().find(|d| d.counts.is_some()).unwrap();
        assert_eq!(
            count.to_string(),
            "data/indicators/x.yaml:101:1: 150 more errors like this from here on (only the first 100 are listed)\n    |\n101 | 101\n    | ^"
        );
        let listed: Vec<&Diagnostic> =
            diagnostics.iter().filter(|d| d.path == src.path && d.code == "bad-year" && d.counts.is_none()).collect();
        assert_eq!(listed.len(), MAX_REPEATS_PER_FILE);
        assert!(listed.iter().all(|d| d.help.is_some()));
    }

    #[test]
    fn counts_made_by_a_stage_add_up_with_the_collections_own() {
        let src = SourceFile::new("content/a.md", "a\nb\nc\n");
        let mut page = Diagnostics::new();
        for _ in 0..MAX_REPEATS_PER_FILE {
            page.push(Diagnostic::error(Code::BrokenLink, "gone").at(&src, Position::new(1, 1)));
        }
        page.push(Diagnostic::and_more(Code::BrokenLink, Severity::Error, (&src, 2), 40, "broken links"));
        let mut run = Diagnostics::new();
        run.push(Diagnostic::error(Code::BrokenLink, "gone too").at(&src, Position::new(3, 1)));
        run.extend(page);
        let counts: Vec<&Diagnostic> = run.iter().filter(|d| d.counts.is_some()).collect();
        assert_eq!(run.len(), MAX_REPEATS_PER_FILE + 1);
        assert_eq!(counts.len(), 1);
        assert_eq!(counts[0].message, "41 more broken links from here on (only the first 100 are listed)");
    }

    #[test]
    fn control_characters_from_the_site_never_reach_the_terminal() {
        let src = SourceFile::new("content/\u{1b}]0;x\u{7}.md", "a\u{1b}[5mred\tb\u{9b}c\u{ffff}\n");
        let d = Diagnostic::error(Code::RefusedCharacter, "bad `\u{1b}[2J`")
            .at(&src, Position::new(1, 2))
            .with_help("\u{8}\u{8}help");
        // In colour, the only escapes are the ones polibrief writes itself.
        let coloured = d.render(true);
        for leaked in ["\u{1b}[5m", "\u{1b}[2J", "\u{1b}]0;", "\u{7}", "\u{8}", "\u{9b}", "\u{ffff}"] {
            assert!(!coloured.contains(leaked), "{coloured:?}");
        }
        assert_eq!(
            d.to_string(),
            "content/␛]0;x␇.md:1:2: bad `␛[2J`\n  |\n1 | a␛[5mred\tb�c�\n  |  ^\n  = help: ␈␈help"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("regoin", ["code", "region", "roles"]), Some("region"));
        assert_eq!(did_you_mean("zzz", ["code", "region"]), None);
        assert_eq!(suggestion("XX", std::iter::empty::<&str>()), "there is none to choose from");
    }
}
