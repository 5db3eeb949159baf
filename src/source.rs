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
    line_starts: Vec<usize>,
}

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
        let text = text.into();
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Arc::new(SourceFile { path: path.into(), text, line_starts })
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_index];
        let prefix = self.text.get(start..offset).unwrap_or("");
        Position::new(line_index + 1, prefix.chars().count() + 1)
    }

    /// The text of a 1-based line, without its line ending.
    pub(crate) fn line_text(&self, line: usize) -> Option<&str> {
        if line == 0 || line > self.line_starts.len() {
            return None;
        }
        let start = self.line_starts[line - 1];
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }
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
}
