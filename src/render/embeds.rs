//! What each shortcode renders: `chart`, `typology`, `country`.
//!
//! Owns checking a shortcode's name and arguments against what it accepts
//! (unknown names, arguments, countries and indicators are located errors
//! with suggestions) and rendering the embed through a theme partial, so a
//! site can restyle embeds by overriding `partials/*.html`. Parsing is
//! `shortcodes`' job.

use tera::{Context, Tera};

use super::typology_pages;
use crate::diagnostics::{Code, Diagnostic, suggestion};
use crate::routes;
use crate::shortcodes::{ArgValue, ShortcodeCall};
use crate::site::Site;
use crate::source::SourceFile;

/// Every shortcode and the arguments it accepts.
pub(crate) const SHORTCODES: &[(&str, &[&str])] = &[
    ("chart", &["indicator", "kind", "countries", "year", "origin", "destination", "title"]),
    ("typology", &[]),
    ("country", &["code"]),
];

/// The page a shortcode is written on: embeds are rendered with its URL in
/// their context (`current_url`, `permalink`), like the page's own template.
pub(crate) struct Page<'a> {
    pub(crate) site: &'a Site,
    pub(crate) tera: &'a Tera,
    /// Site path of the page, `/brief/intro/`.
    pub(crate) url: &'a str,
}

impl Page<'_> {
    /// Render a partial with the page's context and one view; its HTML is
    /// a fragment of the page (read once here for its links and ids).
    pub(crate) fn partial(
        &self,
        name: &str,
        key: &'static str,
        view: &impl serde::Serialize,
    ) -> Result<String, Diagnostic> {
        let mut context = Context::new();
        context.insert("current_url", &self.site.config.href(self.url));
        context.insert("permalink", &self.site.config.permalink(self.url));
        context.insert(key, view);
        let html = super::render_template(self.tera, self.site, name, &context)?;
        let html = html.trim_end();
        let facts = super::fragment_facts(html, name);
        Ok(crate::scope::embed(crate::scope::Fragment { html: html.into(), facts: std::sync::Arc::new(facts) }))
    }
}

pub(crate) fn render(page: &Page<'_>, source: &SourceFile, call: &ShortcodeCall) -> Result<String, Diagnostic> {
    let Some((_, accepted)) = SHORTCODES.iter().find(|(name, _)| *name == call.name) else {
        return Err(Diagnostic::error(Code::UnknownShortcode, format!("unknown shortcode `{}`", call.name))
            .at_offset(source, call.offset)
            .with_help(suggestion(&call.name, SHORTCODES.iter().map(|(n, _)| *n))));
    };
    for arg in &call.args {
        if !accepted.contains(&arg.key.as_str()) {
            let help = if accepted.is_empty() {
                format!("`{}` takes no arguments", call.name)
            } else {
                suggestion(&arg.key, accepted.iter().copied())
            };
            return Err(Diagnostic::error(
                Code::UnknownArgument,
                format!("`{}` has no argument `{}`", call.name, arg.key),
            )
            .at_offset(source, arg.offset)
            .with_help(help));
        }
    }
    match call.name.as_str() {
        "typology" => typology(page, source, call),
        "country" => country(page, source, call),
        _ => super::charts::shortcode(page, source, call),
    }
}

fn typology(page: &Page<'_>, source: &SourceFile, call: &ShortcodeCall) -> Result<String, Diagnostic> {
    let site = page.site;
    if !site.data.has_origins() {
        return Err(Diagnostic::error(Code::NoData, "`typology()` needs origin countries in data/countries/")
            .at_offset(source, call.offset));
    }
    let matrix = typology_pages::matrix(site);
    page.partial("partials/typology-matrix.html", "matrix", &matrix)
}

#[derive(serde::Serialize)]
struct CountryCardView {
    code: String,
    name: String,
    url: String,
    roles: Vec<String>,
    region: Option<String>,
    eu_member: bool,
    class_label: Option<String>,
    figures: Vec<FigureView>,
}

#[derive(serde::Serialize)]
struct FigureView {
    label: String,
    unit: String,
    value: super::data_views::ValueView,
}

fn country(page: &Page<'_>, source: &SourceFile, call: &ShortcodeCall) -> Result<String, Diagnostic> {
    let site = page.site;
    let (code, at) = required_text(source, call, "code")?;
    let Some(country) = site.data.country(&code.to_ascii_uppercase()) else {
        return Err(Diagnostic::error(Code::UnknownCountry, format!("unknown country `{code}`"))
            .at_offset(source, at)
            .with_help(suggestion(&code.to_ascii_uppercase(), site.data.country_codes())));
    };
    let figures = super::data_pages::main_indicators(site)
        .into_iter()
        .filter_map(|i| {
            let latest = i.latest(&country.code)?;
            Some(FigureView {
                label: i.label().to_string(),
                unit: i.unit.label().to_string(),
                value: super::data_pages::value_view(Some(latest), i.display_decimals()),
            })
        })
        .collect();
    let view = CountryCardView {
        code: country.code.clone(),
        name: country.name.clone(),
        url: site.config.href(&routes::country(&country.code)),
        roles: country.roles().iter().map(|r| r.to_string()).collect(),
        region: country.region.clone(),
        eu_member: country.eu_member,
        class_label: country.origin.then(|| country.classification().class.label()),
        figures,
    };
    page.partial("partials/country-card.html", "card", &view)
}

/// A text argument that must be given, with the offset to report problems at.
pub(crate) fn required_text(
    source: &SourceFile,
    call: &ShortcodeCall,
    key: &str,
) -> Result<(String, usize), Diagnostic> {
    match call.arg(key) {
        None => Err(Diagnostic::error(Code::MissingArgument, format!("`{}` needs `{key}=\"...\"`", call.name))
            .at_offset(source, call.offset)),
        Some(arg) => match &arg.value {
            ArgValue::Str(s) => Ok((s.clone(), arg.offset)),
            _ => Err(Diagnostic::error(Code::WrongType, format!("`{key}` takes text in double quotes"))
                .at_offset(source, arg.offset)),
        },
    }
}

/// An optional text argument.
pub(crate) fn text_arg(
    source: &SourceFile,
    call: &ShortcodeCall,
    key: &str,
) -> Result<Option<(String, usize)>, Diagnostic> {
    match call.arg(key) {
        None => Ok(None),
        Some(_) => required_text(source, call, key).map(Some),
    }
}

/// An optional whole-number argument.
pub(crate) fn int_arg(
    source: &SourceFile,
    call: &ShortcodeCall,
    key: &str,
) -> Result<Option<(i64, usize)>, Diagnostic> {
    match call.arg(key) {
        None => Ok(None),
        Some(arg) => match &arg.value {
            ArgValue::Int(n) => Ok(Some((*n, arg.offset))),
            _ => Err(Diagnostic::error(Code::WrongType, format!("`{key}` takes a whole number, e.g. `{key}=2023`"))
                .at_offset(source, arg.offset)),
        },
    }
}

/// The charts a document's shortcodes ask for (bad ones are left out: the
/// render reports them), to count how many pages show each chart.
pub(crate) fn chart_requests(site: &Site, doc: &crate::content::Document) -> Vec<super::charts::ChartRequest> {
    if !doc.has_shortcodes {
        return Vec::new();
    }
    let Ok(source) = site.content.full_source(doc) else { return Vec::new() };
    let extracted = crate::shortcodes::extract(&source, doc.body_offset);
    extracted
        .calls
        .iter()
        .filter(|call| call.name == "chart")
        .filter_map(|call| super::charts::shortcode_request(site, &source, call).ok())
        .collect()
}
