//! Front matter: the YAML block between `---` lines at the top of a page.
//!
//! Owns splitting a Markdown file into front matter and body (keeping the
//! byte offset of the body so Markdown positions map back to file lines),
//! the strict schema of the fields and their value checks (dates, slugs).

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::dates::check_date;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::routes::is_slug;
use crate::source::{Position, SourceFile};
use crate::yaml;

/// Every field of the contract, nothing else.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Option<Spanned<String>>,
    description: Option<String>,
    weight: Option<i64>,
    date: Option<Spanned<String>>,
    #[serde(default)]
    draft: bool,
    slug: Option<Spanned<String>>,
    template: Option<Spanned<String>>,
    toc: Option<bool>,
}

/// The checked front matter of a page or section.
#[derive(Debug, Clone)]
pub(crate) struct FrontMatter {
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) weight: Option<i64>,
    pub(crate) date: Option<String>,
    pub(crate) draft: bool,
    pub(crate) slug: Option<String>,
    /// Where `slug` was written, to blame it for a URL clash.
    pub(crate) slug_at: Option<Position>,
    /// A template name and where it was written (checked once templates are known).
    pub(crate) template: Option<(String, Position)>,
    pub(crate) toc: Option<bool>,
}

/// A Markdown file cut in two.
pub(crate) struct Split<'a> {
    pub(crate) yaml: &'a str,
    /// Byte offset where the Markdown body starts.
    pub(crate) body_offset: usize,
}

/// Find the front matter: the file must open with a `---` line and the block
/// ends at the next line that is exactly `---`.
pub(crate) fn split(source: &SourceFile) -> Result<Split<'_>, Diagnostic> {
    let text = source.text.as_str();
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Err(Diagnostic::error(Code::MissingFrontMatter, "page has no front matter")
            .at(source, Position::new(1, 1))
            .with_help("start the file with a `---` line, then `title: ...`, then another `---` line"));
    }
    let mut offset = first_line_end;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
        if text[offset..end].trim_end() == "---" {
            return Ok(Split { yaml: &text[first_line_end..offset], body_offset: end });
        }
        offset = end;
    }
    Err(Diagnostic::error(Code::UnclosedFrontMatter, "front matter is not closed")
        .at(source, Position::new(1, 1))
        .with_help("add a line with only `---` after the last front-matter field"))
}

pub(crate) fn parse(source: &SourceFile, yaml_text: &str) -> Result<FrontMatter, Diagnostics> {
    let decoded = yaml::decode_each_field::<RawFrontMatter>(source, yaml_text, 2);
    let mut diagnostics = decoded.diagnostics;
    let Some(raw) = decoded.value else {
        return Err(diagnostics);
    };
    // `title` is required; its absence is reported here (not by serde) so
    // that a bad title does not hide the problems of the other fields.
    let Some(title) = raw.title else {
        if !decoded.blanked.iter().any(|key| key == "title") {
            diagnostics.push(
                Diagnostic::error(Code::MissingField, yaml::missing_field_message("title"))
                    .at(source, Position::new(yaml::first_content_line(yaml_text).unwrap_or(1) + 1, 1))
                    .with_help("add `title: ...`"),
            );
        }
        check_values(source, &raw.date, &raw.slug, &mut diagnostics);
        return Err(diagnostics);
    };
    if title.value.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error(Code::EmptyField, "`title` is empty")
                .at(source, at(&title.referenced))
                .with_help("every page needs a title"),
        );
    }
    check_values(source, &raw.date, &raw.slug, &mut diagnostics);
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(FrontMatter {
        title: title.value.trim().to_string(),
        description: raw.description.map(|d| d.trim().to_string()).filter(|d| !d.is_empty()),
        weight: raw.weight,
        date: raw.date.map(|d| d.value),
        draft: raw.draft,
        slug_at: raw.slug.as_ref().map(|s| at(&s.referenced)),
        slug: raw.slug.map(|s| s.value),
        template: raw.template.map(|t| (t.value, at(&t.referenced))),
        toc: raw.toc,
    })
}

/// Spans inside front matter count from its first line (line 2 of the file).
fn at(l: &serde_saphyr::Location) -> Position {
    Position::new(l.line() as usize + 1, l.column() as usize)
}

/// The values serde cannot check: a real calendar date, a valid slug.
fn check_values(
    source: &SourceFile,
    date: &Option<Spanned<String>>,
    slug: &Option<Spanned<String>>,
    diagnostics: &mut Diagnostics,
) {
    if let Some(date) = date
        && let Err(message) = check_date(&date.value)
    {
        diagnostics.push(
            Diagnostic::error(Code::BadDate, message)
                .at(source, at(&date.referenced))
                .with_help("write dates as YYYY-MM-DD, e.g. `2026-03-01`"),
        );
    }
    if let Some(slug) = slug
        && !is_slug(&slug.value)
    {
        diagnostics.push(
            Diagnostic::error(Code::BadSlug, format!("slug `{}` may only contain a-z, 0-9 and `-`", slug.value))
                .at(source, at(&slug.referenced))
                .with_help(match crate::routes::slug(&slug.value) {
                    s if s.is_empty() => String::from("write it with letters and digits, e.g. `policy-context`"),
                    s => format!("try `{s}`"),
                }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_the_body_offset() {
        let src = SourceFile::new("a.md", "---\ntitle: A\n---\nBody\n");
        let s = split(&src).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(&src.text[s.body_offset..], "Body\n");
    }
}
