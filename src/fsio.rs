//! All reading of the site folder goes through here.
//!
//! Owns: reading a file as UTF-8 text with its path attached to every error
//! (and without the characters no output can carry, `source::is_refused_char`),
//! walking a folder in a deterministic order, the size limit on inputs and
//! the refusal of symlinks that lead outside the site folder. It turns
//! `std::io::Error`s into located diagnostics; it never parses content.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Diagnostic};
use crate::source::{Source, SourceFile, describe_refused_char};

/// Largest text file polibrief reads (YAML, Markdown, templates). Larger files
/// are refused with a clear message instead of exhausting memory.
pub(crate) const MAX_TEXT_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The size and modification time of a file when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub(crate) len: u64,
    pub(crate) modified: Option<std::time::SystemTime>,
}

/// The site folder and helpers to name files relative to it.
#[derive(Debug, Clone)]
pub(crate) struct SiteRoot {
    /// Canonical absolute path of the site folder.
    pub(crate) dir: PathBuf,
}

impl SiteRoot {
    pub(crate) fn new(dir: PathBuf) -> Self {
        SiteRoot { dir }
    }

    /// `content/brief/intro.md` for a path inside the site folder.
    pub(crate) fn relative(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.dir).unwrap_or(path);
        rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
    }

    /// Read a text file of the site as a `Source`. A file that is, or lies
    /// in a folder that is, a symbolic link to somewhere outside the site
    /// folder is refused (`config.yaml` linked to another site's, say).
    pub(crate) fn read_source(&self, path: &Path) -> Result<Source, Diagnostic> {
        let rel = self.relative(path);
        if !self.symlink_target_inside(path).map_err(|e| io_error(&rel, &e))? {
            return Err(outside_error(rel));
        }
        self.read_checked(path, rel).map(|(source, _)| source)
    }

    /// Read a file that `files_under` found: it has been checked already
    /// (walks never follow a link to a folder, and a linked file's target
    /// was checked), so no path is resolved again.
    pub(crate) fn read_found(&self, path: &Path) -> Result<Source, Diagnostic> {
        self.read_stamped(path).map(|(source, _)| source)
    }

    /// Read a file `files_under` found, with its size and modification time
    /// (to tell, when it is read again, whether it changed in between).
    pub(crate) fn read_stamped(&self, path: &Path) -> Result<(Source, Stamp), Diagnostic> {
        self.read_checked(path, self.relative(path))
    }

    fn read_checked(&self, path: &Path, rel: String) -> Result<(Source, Stamp), Diagnostic> {
        let metadata = std::fs::metadata(path).map_err(|e| io_error(&rel, &e))?;
        if metadata.len() > MAX_TEXT_FILE_BYTES {
            return Err(Diagnostic::error(
                Code::FileTooLarge,
                format!(
                    "file is {:.1} MB, larger than the limit of {} MB",
                    metadata.len() as f64 / (1024.0 * 1024.0),
                    MAX_TEXT_FILE_BYTES / (1024 * 1024)
                ),
            )
            .in_file(rel)
            .with_help("split the file into smaller ones"));
        }
        let bytes = std::fs::read(path).map_err(|e| io_error(&rel, &e))?;
        let stamp = Stamp { len: metadata.len(), modified: metadata.modified().ok() };
        text_source(rel, bytes).map(|source| (source, stamp))
    }

    /// Every regular file under `dir` (relative to the site), sorted by path.
    /// Hidden files and folders (`.git`, `.DS_Store`) are skipped. A symlink
    /// whose target lies outside the site folder is an error.
    pub(crate) fn files_under(&self, dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
        let mut files = Vec::new();
        if !dir.is_dir() {
            return files;
        }
        if !self.symlink_target_inside(dir).unwrap_or(false) {
            diagnostics.push(outside_error(self.relative(dir)));
            return files;
        }
        let walker = walkdir::WalkDir::new(dir)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e.path().map(|p| self.relative(p)).unwrap_or_default();
                    diagnostics.push(Diagnostic::error(Code::Io, format!("cannot read: {e}")).in_file(path));
                    continue;
                }
            };
            let path = entry.path();
            if entry.path_is_symlink() {
                match self.symlink_target_inside(path) {
                    Ok(true) => {}
                    Ok(false) => {
                        diagnostics.push(outside_error(self.relative(path)));
                        continue;
                    }
                    Err(e) => {
                        diagnostics.push(io_error(&self.relative(path), &e));
                        continue;
                    }
                }
                if std::fs::metadata(path).map(|m| m.is_file()).unwrap_or(false) {
                    files.push(path.to_path_buf());
                }
                continue;
            }
            if entry.file_type().is_file() {
                files.push(path.to_path_buf());
            }
        }
        files
    }

    fn symlink_target_inside(&self, link: &Path) -> std::io::Result<bool> {
        let target = std::fs::canonicalize(link)?;
        Ok(target.starts_with(&self.dir))
    }
}

fn outside_error(rel: String) -> Diagnostic {
    Diagnostic::error(Code::SymlinkOutsideSite, "symbolic link points outside the site folder")
        .in_file(rel)
        .with_help("copy the file into the site folder instead of linking to it")
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Decode bytes as UTF-8 (a leading byte-order mark is dropped), or say
/// where the first invalid byte is.
pub(crate) fn text_source(rel: String, bytes: Vec<u8>) -> Result<Source, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            let refused = crate::source::refused_chars(&text);
            let source = SourceFile::new(rel, text);
            match refused {
                None => Ok(source),
                Some((at, c, count)) => Err(refused_char_error(&source, at, c, count)),
            }
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let src = SourceFile::new(rel, prefix);
            Err(Diagnostic::error(Code::InvalidUtf8, "file is not valid UTF-8 text")
                .at_offset(&src, valid)
                .with_help("save the file with UTF-8 encoding"))
        }
    }
}

/// A character no output can carry (see `source::is_refused_char`), found
/// in the text of a file.
fn refused_char_error(source: &SourceFile, at: usize, c: char, count: usize) -> Diagnostic {
    let others = match count {
        1 => String::new(),
        n => format!(" ({} more in this file)", n - 1),
    };
    Diagnostic::error(
        Code::RefusedCharacter,
        format!("{} is not allowed: web pages and feeds cannot carry it{others}", describe_refused_char(c)),
    )
    .at_offset(source, at)
    .with_help(
        "delete it (most editors do not show it; it often comes from pasting text out of a PDF or a spreadsheet)",
    )
}

pub(crate) fn io_error(rel: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(Code::Io, format!("cannot read file: {e}")).in_file(rel)
}

impl SiteRoot {
    /// Read a file of `static/` whole (a theme asset the site replaces),
    /// with the same size limit as text files.
    pub(crate) fn read_bytes(&self, path: &Path) -> Result<Vec<u8>, Diagnostic> {
        let rel = self.relative(path);
        let metadata = std::fs::metadata(path).map_err(|e| io_error(&rel, &e))?;
        if metadata.len() > MAX_TEXT_FILE_BYTES {
            return Err(Diagnostic::error(Code::FileTooLarge, "file is larger than the limit of 16 MB").in_file(rel));
        }
        std::fs::read(path).map_err(|e| io_error(&rel, &e))
    }
}

/// Copy a file of the site's `static/` folder to the output, as it is.
pub(crate) fn copy_file(from: &Path, to: &Path) -> std::io::Result<u64> {
    std::fs::copy(from, to)
}
