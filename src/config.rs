//! `config.yaml`: the site settings, their schema and their checks.
//!
//! Owns the raw schema (strict: unknown fields are errors), the validated
//! `Config` every later stage reads, and the derivation of `base_path` (the
//! path part of `base_url`, under which every link of the site is made).

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::source::{Position, Source};
use crate::yaml;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Spanned<String>,
    base_url: Spanned<String>,
    description: Option<String>,
    language: Option<Spanned<String>>,
    author: Option<String>,
    /// Fixed date printed on reports and used as "data as of" (YYYY-MM-DD).
    date: Option<Spanned<String>>,
    /// Indicators shown as columns of the country index (default: every
    /// country-scoped indicator).
    main_indicators: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    markdown: RawMarkdownConfig,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarkdownConfig {
    #[serde(default)]
    unsafe_html: bool,
}

/// The validated site settings. Templates receive it as `config`.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) title: String,
    /// Absolute URL without a trailing slash: `https://org.example/brief`.
    pub(crate) base_url: String,
    /// Path part of `base_url` without a trailing slash: `/brief`, or `` at the root.
    pub(crate) base_path: String,
    pub(crate) description: Option<String>,
    pub(crate) language: String,
    pub(crate) author: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) unsafe_html: bool,
    pub(crate) main_indicators: Option<Vec<String>>,
    /// Where each of `main_indicators` was written, for the check against the data.
    pub(crate) main_indicator_positions: Vec<Position>,
    pub(crate) file: Source,
}

impl Config {
    /// The link to a site path (`/countries/ma/`) as the published site needs it.
    pub(crate) fn href(&self, site_path: &str) -> String {
        format!("{}{}", self.base_path, site_path)
    }

    /// The absolute URL of a site path, for sitemaps, feeds and canonical links.
    pub(crate) fn permalink(&self, site_path: &str) -> String {
        let origin_len = self.base_url.len() - self.base_path.len();
        format!("{}{}", &self.base_url[..origin_len], self.href(site_path))
    }
}

/// A base URL split into the normalised URL and its path.
pub(crate) struct BaseUrl {
    pub(crate) url: String,
    pub(crate) path: String,
}

/// Check that `raw` is an absolute http(s) URL without query or fragment.
pub(crate) fn parse_base_url(raw: &str) -> Result<BaseUrl, String> {
    let parsed = url::Url::parse(raw.trim()).map_err(|e| format!("`{raw}` is not an absolute URL ({e})"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!("`{raw}` must start with https:// or http://"));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(format!("`{raw}` has no host name"));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(format!("`{raw}` must not have a query (`?`) or fragment (`#`)"));
    }
    let path = parsed.path().trim_end_matches('/').to_string();
    if path.starts_with("//") {
        // `//host/...` in a link is another host (a scheme-relative URL).
        return Err(format!("`{raw}` has a path that starts with `//`; the site's links would lead to another host"));
    }
    let mut url = parsed.to_string();
    while url.ends_with('/') {
        url.pop();
    }
    Ok(BaseUrl { url, path })
}

pub(crate) fn load_config(source: &Source, base_url_override: Option<&BaseUrl>) -> Result<Config, Diagnostics> {
    let decoded = yaml::decode_each_field::<RawConfig>(source, &source.text, 1);
    let mut diagnostics = decoded.diagnostics;
    let Some(raw) = decoded.value else {
        return Err(diagnostics);
    };
    let at = |s: &serde_saphyr::Location| Position::new(s.line() as usize, s.column() as usize);

    if raw.title.value.trim().is_empty() {
        diagnostics.push(Diagnostic::error(Code::EmptyField, "`title` is empty").at(source, at(&raw.title.referenced)));
    }
    let base = match base_url_override {
        Some(base) => Some(BaseUrl { url: base.url.clone(), path: base.path.clone() }),
        None => match parse_base_url(&raw.base_url.value) {
            Ok(base) => Some(base),
            Err(message) => {
                diagnostics
                    .push(Diagnostic::error(Code::BadUrl, message).at(source, at(&raw.base_url.referenced)).with_help(
                    "write the address the site will be published at, e.g. `https://briefs.example.org/transnational`",
                ));
                None
            }
        },
    };
    let language = match raw.language {
        Some(lang) if !is_language_tag(&lang.value) => {
            diagnostics.push(
                Diagnostic::error(Code::BadLanguage, format!("`{}` is not a language code", lang.value))
                    .at(source, at(&lang.referenced))
                    .with_help("use a BCP 47 code such as `en`, `fr` or `de`"),
            );
            String::from("en")
        }
        Some(lang) => lang.value,
        None => String::from("en"),
    };
    let date = match raw.date {
        Some(date) => match crate::dates::check_date(&date.value) {
            Ok(()) => Some(date.value),
            Err(message) => {
                diagnostics.push(Diagnostic::error(Code::BadDate, message).at(source, at(&date.referenced)));
                None
            }
        },
        None => None,
    };
    match base {
        Some(base) if !diagnostics.has_errors() => Ok(Config {
            title: raw.title.value.trim().to_string(),
            base_url: base.url,
            base_path: base.path,
            description: raw.description,
            language,
            author: raw.author,
            date,
            unsafe_html: raw.markdown.unsafe_html,
            main_indicator_positions: raw.main_indicators.iter().flatten().map(|s| at(&s.referenced)).collect(),
            main_indicators: raw.main_indicators.map(|ids| ids.into_iter().map(|s| s.value).collect()),
            file: source.clone(),
        }),
        _ => Err(diagnostics),
    }
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_comes_from_the_url() {
        let b = parse_base_url("https://org.example/brief/").unwrap();
        assert_eq!((b.url.as_str(), b.path.as_str()), ("https://org.example/brief", "/brief"));
        let b = parse_base_url("https://org.example").unwrap();
        assert_eq!((b.url.as_str(), b.path.as_str()), ("https://org.example", ""));
        assert!(parse_base_url("/brief").is_err());
        assert!(parse_base_url("ftp://x.org").is_err());
        // Links under `//evil.example` would lead there.
        for raw in
            ["https://org.example//evil.example", "https://org.example/\\evil.example/x", "https://org.example///a"]
        {
            let message = parse_base_url(raw).err().unwrap_or_default();
            assert!(
                message.ends_with("has a path that starts with `//`; the site's links would lead to another host"),
                "{raw}: {message}"
            );
        }
        assert_eq!(parse_base_url("https://org.example//").unwrap().path, "");
        assert_eq!(parse_base_url("https://org.example/a//b").unwrap().path, "/a//b");
    }

    #[test]
    fn permalinks_keep_the_sub_path() {
        let b = parse_base_url("https://org.example/brief").unwrap();
        let config = Config {
            title: "T".into(),
            base_url: b.url,
            base_path: b.path,
            description: None,
            language: "en".into(),
            author: None,
            date: None,
            unsafe_html: false,
            main_indicators: None,
            main_indicator_positions: Vec::new(),
            file: crate::source::SourceFile::new("config.yaml", ""),
        };
        assert_eq!(config.href("/typology/"), "/brief/typology/");
        assert_eq!(config.permalink("/typology/"), "https://org.example/brief/typology/");
    }
}
