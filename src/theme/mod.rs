//! The built-in theme and the site's overrides, compiled into one Tera.
//!
//! Owns the templates and stylesheets embedded in the binary (so polibrief
//! works from any folder), reading `templates/**/*.html` of the site (a file
//! replaces the built-in template of the same name and may extend
//! `base.html`), and turning Tera's syntax and build errors into located
//! diagnostics. It does not render pages.

mod filters;

use std::collections::BTreeMap;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::fsio::SiteRoot;
use crate::source::{Position, Source, SourceFile};

/// Templates of the built-in theme: (name, text).
pub(crate) const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("section.html", include_str!("../../templates/section.html")),
    ("page.html", include_str!("../../templates/page.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("countries.html", include_str!("../../templates/countries.html")),
    ("country.html", include_str!("../../templates/country.html")),
    ("indicators.html", include_str!("../../templates/indicators.html")),
    ("indicator.html", include_str!("../../templates/indicator.html")),
    ("corridor.html", include_str!("../../templates/corridor.html")),
    ("report.html", include_str!("../../templates/report.html")),
    ("typology.html", include_str!("../../templates/typology.html")),
    ("typology-method.html", include_str!("../../templates/typology-method.html")),
    ("partials/typology-matrix.html", include_str!("../../templates/partials/typology-matrix.html")),
    ("partials/country-card.html", include_str!("../../templates/partials/country-card.html")),
    ("partials/chart.html", include_str!("../../templates/partials/chart.html")),
    ("partials/toc.html", include_str!("../../templates/partials/toc.html")),
    ("partials/breadcrumbs.html", include_str!("../../templates/partials/breadcrumbs.html")),
    ("partials/pager.html", include_str!("../../templates/partials/pager.html")),
    ("partials/listing.html", include_str!("../../templates/partials/listing.html")),
    ("partials/value.html", include_str!("../../templates/partials/value.html")),
    ("partials/sources.html", include_str!("../../templates/partials/sources.html")),
    ("partials/measure-groups.html", include_str!("../../templates/partials/measure-groups.html")),
    ("partials/typology-confidence.html", include_str!("../../templates/partials/typology-confidence.html")),
    ("partials/indicator-sources.html", include_str!("../../templates/partials/indicator-sources.html")),
];

/// Static files of the built-in theme: (output path, bytes).
pub(crate) const BUILTIN_STATIC: &[(&str, &[u8])] = &[
    ("css/polibrief.css", include_bytes!("../../static/css/polibrief.css")),
    ("css/print.css", include_bytes!("../../static/css/print.css")),
    ("js/polibrief.js", include_bytes!("../../static/js/polibrief.js")),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
];

/// A file of the theme as the site publishes it.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    /// Output path, `css/polibrief.css`.
    pub(crate) path: &'static str,
    pub(crate) bytes: std::sync::Arc<[u8]>,
    /// The site's `static/` folder has its own copy (then that is copied
    /// with the other static files, and these are its bytes).
    pub(crate) from_site: bool,
}

impl Asset {
    /// Eight hex digits that change when the file does: the `?v=` of its
    /// address, so browsers never keep a stale stylesheet.
    pub(crate) fn version(&self) -> String {
        let hash =
            self.bytes.iter().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3));
        format!("{:08x}", hash as u32)
    }
}

/// The theme's files: the site's copy where `static/` has one, else the
/// built-in one.
pub(crate) fn assets(
    root: &SiteRoot,
    static_files: &[(String, std::path::PathBuf)],
    diagnostics: &mut Diagnostics,
) -> Vec<Asset> {
    BUILTIN_STATIC
        .iter()
        .map(|&(path, builtin)| {
            let own = static_files.iter().find(|(p, _)| p == path).map(|(_, abs)| root.read_bytes(abs));
            match own {
                Some(Ok(bytes)) => Asset { path, bytes: bytes.into(), from_site: true },
                Some(Err(d)) => {
                    diagnostics.push(d);
                    Asset { path, bytes: builtin.into(), from_site: true }
                }
                None => Asset { path, bytes: builtin.into(), from_site: false },
            }
        })
        .collect()
}

/// Where a template came from, for error locations.
#[derive(Debug, Clone)]
pub(crate) struct TemplateSource {
    pub(crate) source: Source,
}

/// Every template by name, built-in ones replaced by the site's.
#[derive(Debug, Default)]
pub(crate) struct TemplateSet {
    pub(crate) templates: BTreeMap<String, TemplateSource>,
}

impl TemplateSet {
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.templates.contains_key(name)
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> + Clone {
        self.templates.keys().map(String::as_str)
    }

    /// The file a template name points at, as shown in diagnostics.
    pub(crate) fn source_of(&self, name: &str) -> Option<&Source> {
        self.templates.get(name).map(|t| &t.source)
    }
}

pub(crate) fn load_templates(root: &SiteRoot, diagnostics: &mut Diagnostics) -> TemplateSet {
    let mut set = TemplateSet::default();
    for (name, text) in BUILTIN_TEMPLATES {
        let source = SourceFile::new(format!("(built-in theme) templates/{name}"), *text);
        set.templates.insert(name.to_string(), TemplateSource { source });
    }
    let dir = root.dir.join("templates");
    let mut problems = Vec::new();
    for path in root.files_under(&dir, &mut problems) {
        let rel = root.relative(&path);
        let name = rel.trim_start_matches("templates/").to_string();
        if !name.ends_with(".html") && !name.ends_with(".xml") {
            diagnostics
                .push(Diagnostic::warning(Code::NotATemplate, "ignored: templates end in .html or .xml").in_file(rel));
            continue;
        }
        match root.read_found(&path) {
            Ok(source) => {
                set.templates.insert(name, TemplateSource { source });
            }
            Err(d) => diagnostics.push(d),
        }
    }
    problems.into_iter().for_each(|d| diagnostics.push(d));
    set
}

/// Compile every template; all syntax errors are reported at once.
pub(crate) fn compile(set: &TemplateSet) -> Result<tera::Tera, Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    for (name, t) in &set.templates {
        let mut alone = tera::Tera::new();
        if let Err(e) = alone.add_raw_template(name, &t.source.text)
            && let tera::ErrorKind::SyntaxError(report) = e.kind()
        {
            diagnostics.push(report_diagnostic(Code::TemplateSyntax, set, report));
        }
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    // A missing parent stops Tera at once; find them all first, and leave
    // those templates out so the others are still checked.
    let mut orphans = Vec::new();
    for (name, t) in &set.templates {
        if let Some((parent, offset)) = extends_target(&t.source.text)
            && !set.contains(parent)
        {
            diagnostics.push(
                Diagnostic::error(Code::TemplateBuild, format!("`{name}` extends `{parent}`, which does not exist"))
                    .at_offset(&t.source, offset)
                    .with_help(crate::diagnostics::suggestion(parent, set.names())),
            );
            orphans.push(name.as_str());
        }
    }
    let mut tera = tera::Tera::new();
    filters::register(&mut tera);
    let sources = set
        .templates
        .iter()
        .filter(|(n, _)| !orphans.contains(&n.as_str()))
        .map(|(n, t)| (n.as_str(), t.source.text.as_str()));
    if let Err(e) = tera.add_raw_templates(sources) {
        diagnostics.extend(build_error(set, &e));
    }
    if diagnostics.has_errors() { Err(diagnostics) } else { Ok(tera) }
}

/// The parent named by `{% extends "..." %}` and the offset of the tag.
fn extends_target(text: &str) -> Option<(&str, usize)> {
    let start = text.find("{%")?;
    let rest = text[start + 2..].trim_start_matches('-').trim_start();
    let rest = rest.strip_prefix("extends")?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = &rest[1..];
    let end = inner.find(quote)?;
    Some((&inner[..end], start))
}

/// Locate a Tera error report (syntax or rendering) in its template.
pub(crate) fn report_diagnostic(code: Code, set: &TemplateSet, report: &tera::ReportError) -> Diagnostic {
    let span = report.span();
    let message = report.message().to_string();
    match set.source_of(report.filename()) {
        Some(source) => Diagnostic::error(code, message).at(source, Position::new(span.start_line, span.start_col + 1)),
        None => Diagnostic::error(code, message).in_file(format!("templates/{}", report.filename())),
    }
}

/// Errors found when templates are put together (unknown filter, missing
/// parent, circular extends): Tera joins their reports into one message, so
/// each `error: ...\n --> name:line:col` is taken apart here.
fn build_error(set: &TemplateSet, error: &tera::Error) -> Diagnostics {
    let in_template =
        |name: &str| set.source_of(name).map(|s| s.path.clone()).unwrap_or_else(|| format!("templates/{name}"));
    match error.kind() {
        tera::ErrorKind::MissingParent { current, parent } => {
            return Diagnostic::error(
                Code::TemplateBuild,
                format!("`{current}` extends `{parent}`, which does not exist"),
            )
            .in_file(in_template(current))
            .with_help(crate::diagnostics::suggestion(parent, set.names()))
            .into();
        }
        tera::ErrorKind::CircularExtend { tpl, inheritance_chain } => {
            return Diagnostic::error(
                Code::TemplateBuild,
                format!("`{tpl}` extends itself through {}", inheritance_chain.join(" -> ")),
            )
            .in_file(in_template(tpl))
            .into();
        }
        _ => {}
    }
    let text = error.to_string();
    let mut diagnostics = Diagnostics::new();
    for report in text.split("\n\nerror: ") {
        let report = report.trim_start_matches("error: ");
        let message = report.lines().next().unwrap_or(report).to_string();
        let location = report.lines().find_map(|l| l.trim().strip_prefix("--> "));
        let located = location.and_then(|loc| {
            let mut parts = loc.rsplitn(3, ':');
            let col = parts.next()?.parse::<usize>().ok()?;
            let line = parts.next()?.parse::<usize>().ok()?;
            let source = set.source_of(parts.next()?)?;
            Some(Diagnostic::error(Code::TemplateBuild, message.clone()).at(source, Position::new(line, col)))
        });
        diagnostics
            .push(located.unwrap_or_else(|| Diagnostic::error(Code::TemplateBuild, message).in_file("templates/")));
    }
    diagnostics
}
