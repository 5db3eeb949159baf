//! What Markdown may not do, whatever the raw-HTML policy: link to an
//! address that runs code (`javascript:`, `vbscript:`, `data:text/html`, ...),
//! or nest blocks so deeply that the parser's memory explodes.
//!
//! Both checks are pure functions on text; `markdown.rs` turns their
//! answers into diagnostics.

/// Schemes a link may use; anything else (`javascript:`, `vbscript:`,
/// `data:`, `file:`, unknown schemes) is neutralised.
pub(crate) const LINK_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Schemes an image may use, besides the `data:` types below.
pub(crate) const IMAGE_SCHEMES: &[&str] = &["http", "https"];

/// Media types of `data:` URLs an image may use: raster images only (no
/// `image/svg+xml`, which can carry script when opened on its own).
pub(crate) const IMAGE_DATA_TYPES: &[&str] = &["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"];

/// What an address is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlUse {
    Link,
    Image,
}

/// The scheme a browser would read in `url`, in lower case; `None` for a
/// relative address (`/a/`, `../b/`, `#c`, `d.png`). Like a browser, leading
/// spaces and control characters are skipped and tabs and line breaks
/// anywhere are ignored, so `" Java\tScript:"` is `javascript`.
pub(crate) fn scheme(url: &str) -> Option<String> {
    let mut scheme = String::new();
    let chars = url.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    for c in chars {
        match c {
            ':' if scheme.starts_with(|c: char| c.is_ascii_alphabetic()) => return Some(scheme.to_ascii_lowercase()),
            c if c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.') => scheme.push(c),
            _ => return None,
        }
    }
    None
}

/// The scheme of `url` when it is not allowed for `usage` (`None` when the
/// address is fine).
pub(crate) fn refused_scheme(url: &str, usage: UrlUse) -> Option<String> {
    let scheme = scheme(url)?;
    let allowed = match usage {
        UrlUse::Link => LINK_SCHEMES.contains(&scheme.as_str()),
        UrlUse::Image => IMAGE_SCHEMES.contains(&scheme.as_str()) || (scheme == "data" && is_image_data(url)),
    };
    (!allowed).then_some(scheme)
}

/// `data:image/png;base64,...` and the other raster types.
fn is_image_data(url: &str) -> bool {
    let cleaned: String = url.trim_start_matches(|c: char| c <= ' ').chars().take(64).collect();
    let Some((_, rest)) = cleaned.split_once(':') else { return false };
    let media_type = rest.split([';', ',']).next().unwrap_or("").trim().to_ascii_lowercase();
    IMAGE_DATA_TYPES.contains(&media_type.as_str())
}

/// Deepest nesting of block quotes and lists polibrief renders. Real
/// documents use a handful of levels; each level costs the parser memory,
/// and a page of 10 MB of `>` took 3.9 GB before this limit.
pub(crate) const MAX_NESTING: usize = 100;

/// Byte offset (in `text`) of the first quote or list marker that opens
/// level `MAX_NESTING + 1` on its line, if any line nests that deep.
///
/// Counts the markers a line starts with (`>`, `-`, `+`, `*`, `1.`, `1)`,
/// with any spaces between them). It does not know about code blocks: a
/// code line that starts with more than 100 such markers is refused too.
pub(crate) fn too_deep(text: &str) -> Option<usize> {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(at) = line_too_deep(line) {
            return Some(line_start + at);
        }
        line_start += line.len();
    }
    None
}

/// Offset in `line` of the marker beyond `MAX_NESTING`.
fn line_too_deep(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let rule_from = thematic_break_start(bytes);
    let mut depth = 0;
    let mut i = 0;
    loop {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
        let marker = match bytes.get(i) {
            Some(b'>') => 1,
            Some(b'-' | b'+' | b'*') if i < rule_from => bullet_len(bytes, i)?,
            Some(b'0'..=b'9') => ordered_len(bytes, i)?,
            _ => return None,
        };
        depth += 1;
        if depth > MAX_NESTING {
            return Some(i);
        }
        i += marker;
    }
}

/// `- ` is a list marker when a space, a tab or the end of the line follows.
fn bullet_len(bytes: &[u8], i: usize) -> Option<usize> {
    matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\n' | b'\r')).then_some(1)
}

/// `12. ` and `12) `: up to 9 digits, then `.` or `)`, then a space or the end.
fn ordered_len(bytes: &[u8], i: usize) -> Option<usize> {
    let digits = bytes[i..].iter().take(10).take_while(|b| b.is_ascii_digit()).count();
    if digits > 9 || !matches!(bytes.get(i + digits), Some(b'.' | b')')) {
        return None;
    }
    bullet_len(bytes, i + digits).map(|_| digits + 1)
}

/// Where the line's trailing thematic break (`- - -`, `***`) starts: the
/// longest tail made of one of `-*_` (three times or more) and spaces.
/// Markers from there on draw a rule, they do not nest.
fn thematic_break_start(bytes: &[u8]) -> usize {
    let trimmed = bytes.trim_ascii_end();
    let Some(&mark @ (b'-' | b'*' | b'_')) = trimmed.last() else { return usize::MAX };
    let mut start = trimmed.len();
    let mut count = 0;
    while start > 0 && (matches!(trimmed[start - 1], b' ' | b'\t') || trimmed[start - 1] == mark) {
        count += usize::from(trimmed[start - 1] == mark);
        start -= 1;
    }
    if count >= 3 { start } else { usize::MAX }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_like_a_browser_reads_them() {
        assert_eq!(scheme("javascript:alert(6)").as_deref(), Some("javascript"));
        assert_eq!(scheme(" \u{1}JaVaScRiPt:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("java\tscr\nipt:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("/a/b:c"), None);
        assert_eq!(scheme("../x/"), None);
        assert_eq!(scheme("#a:b"), None);
        assert_eq!(scheme("pic.png"), None);
        assert_eq!(scheme("1a:b"), None);
    }

    #[test]
    fn only_safe_schemes_pass() {
        for ok in ["https://x.org", "HTTP://x.org", "mailto:a@b.org", "tel:+331", "/a/", "#b", "c.png", "//x.org/"] {
            assert_eq!(refused_scheme(ok, UrlUse::Link), None, "{ok}");
        }
        for bad in ["javascript:alert(6)", "vbscript:x", "data:text/html,<script>", "file:///etc/passwd", "ftp://x"] {
            assert!(refused_scheme(bad, UrlUse::Link).is_some(), "{bad}");
        }
        assert_eq!(refused_scheme("data:image/png;base64,iVBOR", UrlUse::Image), None);
        assert_eq!(refused_scheme("DATA:Image/WebP,x", UrlUse::Image), None);
        assert_eq!(refused_scheme("data:image/png;base64,iVBOR", UrlUse::Link).as_deref(), Some("data"));
        assert_eq!(refused_scheme("data:image/svg+xml,<svg>", UrlUse::Image).as_deref(), Some("data"));
        assert_eq!(refused_scheme("mailto:a@b.org", UrlUse::Image).as_deref(), Some("mailto"));
    }

    #[test]
    fn nesting_beyond_the_limit_is_found_at_its_marker() {
        let ok = ">".repeat(MAX_NESTING);
        assert_eq!(too_deep(&ok), None);
        assert_eq!(too_deep(&">".repeat(10_000)), Some(MAX_NESTING));
        assert_eq!(too_deep(&format!("text\n{}", "> ".repeat(200))), Some(5 + 2 * MAX_NESTING));
        assert_eq!(too_deep(&"- ".repeat(200)), None, "a thematic break, not a list");
        assert_eq!(too_deep(&format!("{}x", "- ".repeat(200))), Some(2 * MAX_NESTING));
        assert_eq!(too_deep(&format!("{}x", "1. ".repeat(200))), Some(3 * MAX_NESTING));
        assert_eq!(too_deep(&format!("{}x", "> - ".repeat(60))), Some(4 * 50));
        assert_eq!(too_deep(&"*".repeat(10_000)), None);
        assert_eq!(too_deep(&"[".repeat(10_000)), None);
        assert_eq!(too_deep("> > quoted\n- a\n  - b\n"), None);
    }
}
