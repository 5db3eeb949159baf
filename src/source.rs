//! A source file read from the site folder, with its line index.
//!
//! Owns the mapping from byte offsets to 1-based `line:column` positions and
//! the retrieval of a source line for diagnostics. It does no I/O: `fsio`
//! reads files and hands their text here.

use std::sync::Arc;

/// The text of one file and where it lives, relative to the site folder.
#[derive(Debug)]
pub(crate) struct SourceFile {
    /// Path relative to the site folder, with `/` separators (`content/brief/intro.md`).
    pub(crate) path: String,
    pub(crate) text: String,
    /// Built the first time a position is asked for: most files never have
    /// a problem, and a site of 100,000 pages would hold 100,000 indexes.
    /// (A cache of what `text` already says, not state: the file stays
    /// immutable.)
    index: std::sync::OnceLock<LineIndex>,
}

/// Where lines start, and how many characters come before every
/// `MARK_STRIDE` bytes.
#[derive(Debug)]
struct LineIndex {
    line_starts: Vec<usize>,
    /// `char_marks[k]`: the characters in `text[..k * MARK_STRIDE]`, so that
    /// a column is found in a few thousand bytes, not by counting from the
    /// start of a line that may be 16 MB long.
    char_marks: Vec<usize>,
}

/// Bytes between two marks of the character index.
const MARK_STRIDE: usize = 4096;

/// Shared handle: pages, diagnostics and the model all point at the same text.
pub(crate) type Source = Arc<SourceFile>;

/// A 1-based position in a source file. `line == 0` means "the whole file".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) struct Position {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Position {
    pub(crate) fn new(line: usize, column: usize) -> Self {
        Position { line, column }
    }
}

impl SourceFile {
    pub(crate) fn new(path: impl Into<String>, text: impl Into<String>) -> Source {
        Arc::new(SourceFile { path: path.into(), text: text.into(), index: std::sync::OnceLock::new() })
    }

    fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| {
            let text = &self.text;
            let line_starts =
                std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
            let mut char_marks = vec![0];
            for chunk in text.as_bytes().chunks(MARK_STRIDE) {
                char_marks.push(char_marks[char_marks.len() - 1] + count_chars(chunk));
            }
            LineIndex { line_starts, char_marks }
        })
    }

    /// The characters before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let mark = offset / MARK_STRIDE;
        self.index().char_marks[mark] + count_chars(&self.text.as_bytes()[mark * MARK_STRIDE..offset])
    }

    /// The byte offset, from the start of its line, of a 1-based position
    /// (the end of the line when the column lies beyond it).
    pub(crate) fn byte_in_line(&self, position: Position) -> usize {
        let Some(line) = self.line_text(position.line) else { return 0 };
        let start = self.index().line_starts[position.line - 1];
        let target = self.chars_before(start) + position.column.saturating_sub(1);
        // Start from the last mark at or before the target, within the line.
        let mark = self.index().char_marks.partition_point(|&chars| chars <= target).saturating_sub(1);
        let from = (mark * MARK_STRIDE).max(start).min(start + line.len());
        let from = (from..=start + line.len()).find(|&b| self.text.is_char_boundary(b)).unwrap_or(start + line.len());
        let chars = self.chars_before(from)..;
        self.text[from..start + line.len()]
            .char_indices()
            .zip(chars)
            .find(|&(_, chars)| chars == target)
            .map_or(line.len(), |((i, _), _)| from + i - start)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line_starts = &self.index().line_starts;
        let line_index = match line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = line_starts[line_index];
        let offset = (offset..=self.text.len()).find(|&b| self.text.is_char_boundary(b)).unwrap_or(self.text.len());
        Position::new(line_index + 1, self.chars_before(offset) - self.chars_before(start) + 1)
    }

    /// The text of a 1-based line, without its line ending.
    pub(crate) fn line_text(&self, line: usize) -> Option<&str> {
        let line_starts = &self.index().line_starts;
        if line == 0 || line > line_starts.len() {
            return None;
        }
        let start = line_starts[line - 1];
        let end = line_starts.get(line).copied().unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }
}

/// Characters no input may hold, because no output could carry them: the
/// C0 controls except tab, line feed and carriage return, DEL and the C1
/// controls (U+007F-U+009F), and the Unicode noncharacters (U+FDD0-U+FDEF
/// and the last two code points of every plane, U+FFFE and U+FFFF among
/// them). XML 1.0 has no way to write the C0 controls, U+FFFE or U+FFFF (a
/// feed holding one does not parse), and HTML counts every one of them as a
/// parse error. They are refused where text is read (`fsio`) and where YAML
/// escapes make them (`yaml`), so every output format is free of them by
/// construction.
pub(crate) fn is_refused_char(c: char) -> bool {
    let n = u32::from(c);
    (n < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        || (0x7F..=0x9F).contains(&n)
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

/// The first refused character of a text, its byte offset, and how many there are.
pub(crate) fn refused_chars(text: &str) -> Option<(usize, char, usize)> {
    // Every refused character starts with an ASCII control byte, C2 (C1
    // controls), EF (U+FDD0-U+FFFF) or F0-F4 (the other planes): most texts
    // have none of these, and bytes are cheaper to look at than characters.
    let suspicious =
        |b: u8| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') | (b == 0x7F) | (b == 0xC2) | (b >= 0xEF);
    // Whole chunks without an early exit inside, so the compiler can use SIMD.
    if !text.as_bytes().chunks(64).any(|chunk| chunk.iter().fold(false, |acc, &b| acc | suspicious(b))) {
        return None;
    }
    let mut found = text.char_indices().filter(|&(_, c)| is_refused_char(c));
    let (at, c) = found.next()?;
    Some((at, c, 1 + found.count()))
}

/// `the control character U+0007` or `the noncharacter U+FFFF`.
pub(crate) fn describe_refused_char(c: char) -> String {
    let kind = if u32::from(c) <= 0x9F { "control character" } else { "noncharacter" };
    format!("the {kind} U+{:04X}", u32::from(c))
}

/// UTF-8 characters in a run of bytes: the bytes that do not continue a character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let src = SourceFile::new("a.md", "ab\nçd\n\nx");
        assert_eq!(src.position(0), Position::new(1, 1));
        assert_eq!(src.position(3), Position::new(2, 1));
        assert_eq!(src.position(5), Position::new(2, 2)); // after the two-byte ç
        assert_eq!(src.position(8), Position::new(4, 1));
        assert_eq!(src.line_text(2), Some("çd"));
        assert_eq!(src.line_text(3), Some(""));
        assert_eq!(src.line_text(9), None);
    }

    #[test]
    fn characters_no_output_can_carry_are_refused() {
        for c in
            ['\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{fdd0}', '\u{fffe}', '\u{ffff}', '\u{10ffff}']
        {
            assert!(is_refused_char(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', '~', '\u{a0}', 'é', '\u{fdcf}', '\u{fdf0}', '\u{fffd}', '\u{feff}', '😀'] {
            assert!(!is_refused_char(c), "{c:?}");
        }
        assert_eq!(refused_chars("ok\u{7}ok\u{0}"), Some((2, '\u{7}', 2)));
        assert_eq!(describe_refused_char('\u{ffff}'), "the noncharacter U+FFFF");
    }

    #[test]
    fn columns_and_bytes_agree_on_long_lines() {
        let line: String = (0..20_000).map(|i| if i % 3 == 0 { 'é' } else { 'a' }).collect();
        let src = SourceFile::new("a.yaml", format!("first\n{line}\nlast"));
        for (column, (byte, _)) in line.char_indices().enumerate().step_by(997) {
            let position = Position::new(2, column + 1);
            assert_eq!(src.position(6 + byte), position);
            assert_eq!(src.byte_in_line(position), byte);
        }
        assert_eq!(src.byte_in_line(Position::new(2, 999_999)), line.len());
        assert_eq!(src.byte_in_line(Position::new(3, 3)), 2);
    }
}
