//! The validated site: everything loaded and cross-checked, immutable.
//!
//! Owns the `Site` model that the render stage reads and the load+validate
//! stages that produce it (config, content, templates). After `load_site`
//! returns, nothing in the model changes: no interior mutability, so render
//! can run in parallel and a later dev server can keep a Site and reuse it.

use std::path::PathBuf;

use crate::config::{self, BaseUrl, Config};
use crate::content::{self, ContentOptions, ContentTree};
use crate::data::{self, Dataset};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::fsio::SiteRoot;
use crate::theme::{self, TemplateSet};
use crate::timings::{self, Stage};

pub(crate) struct Site {
    pub(crate) config: Config,
    pub(crate) content: ContentTree,
    pub(crate) data: Dataset,
    pub(crate) templates: TemplateSet,
    /// Every template compiled, once; the render stage adds its globals to
    /// a copy of it.
    pub(crate) tera: tera::Tera,
    /// Files of the site's `static/` folder: (output path, absolute path).
    pub(crate) static_files: Vec<(String, PathBuf)>,
    /// The theme's own files (stylesheets, script, icon) as the site
    /// publishes them: its `static/` copy, or the built-in one.
    pub(crate) theme_assets: Vec<theme::Asset>,
}

/// What the command line changes about loading.
#[derive(Debug, Clone, Default)]
pub(crate) struct LoadOptions {
    pub(crate) drafts: bool,
    pub(crate) base_url: Option<String>,
}

/// Load and validate a site folder. All problems are collected; any error
/// means no `Site`. Warnings come back either way.
/// Data files that did not change since an earlier load are taken from
/// `cache` (the dev server keeps one).
pub(crate) fn load_site(
    dir: PathBuf,
    options: &LoadOptions,
    cache: Option<&data::DecodeCache>,
) -> (Option<Site>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let root = SiteRoot::new(dir);
    let base_override = match options.base_url.as_deref().map(config::parse_base_url) {
        Some(Ok(base)) => Some(base),
        Some(Err(message)) => {
            diagnostics.push(Diagnostic::error(Code::BadUrl, format!("--base-url: {message}")));
            return (None, diagnostics);
        }
        None => None,
    };
    let loading = std::time::Instant::now();
    let config = load_config(&root, base_override.as_ref(), &mut diagnostics);
    let title = config.as_ref().map_or("", |c| c.title.as_str());
    // Content and data are read at the same time, each file in parallel.
    let mut data_diagnostics = Diagnostics::new();
    let (content, data) = rayon::join(
        || content::load_content(&root, title, ContentOptions { drafts: options.drafts }, &mut diagnostics),
        || data::load_dataset(&root, cache, &mut data_diagnostics),
    );
    diagnostics.extend(data_diagnostics);
    for doc in content.documents().map(|r| content.doc(r)).chain(content.narratives.values()) {
        diagnostics.extend(doc.notes.clone());
    }
    let templates = theme::load_templates(&root, &mut diagnostics);
    let files = content.documents().count()
        + content.narratives.len()
        + data.country_codes().count()
        + data.indicator_ids().count()
        + templates.templates.len();
    timings::add(Stage::Load, loading.elapsed(), files as u64);
    let validating = std::time::Instant::now();
    // Template syntax errors are reported with every other problem of the
    // run, not only once content and data are clean.
    let tera = match theme::compile(&templates) {
        Ok(tera) => Some(tera),
        Err(errors) => {
            diagnostics.extend(errors);
            None
        }
    };
    check_template_names(&content, &templates, &mut diagnostics);
    if let Some(config) = &config {
        check_main_indicators(config, &data, &mut diagnostics);
    }
    let static_files = static_files(&root, &mut diagnostics);
    let theme_assets = theme::assets(&root, &static_files, &mut diagnostics);
    let entities = data.country_codes().count() + data.indicator_ids().count();
    timings::add(Stage::Validate, validating.elapsed(), entities as u64);

    match (config, tera) {
        (Some(config), Some(tera)) if !diagnostics.has_errors() => {
            let site = Site { config, content, data, templates, tera, static_files, theme_assets };
            (Some(site), diagnostics)
        }
        _ => (None, diagnostics),
    }
}

fn load_config(root: &SiteRoot, base: Option<&BaseUrl>, diagnostics: &mut Diagnostics) -> Option<Config> {
    let path = root.dir.join("config.yaml");
    if !path.is_file() {
        let help = if root.dir.join("config.yml").is_file() {
            "rename `config.yml` to `config.yaml`"
        } else {
            "a site folder needs a config.yaml with at least `title` and `base_url`"
        };
        diagnostics.push(
            Diagnostic::error(Code::MissingConfig, "config.yaml not found").in_file("config.yaml").with_help(help),
        );
        return None;
    }
    let source = match root.read_source(&path) {
        Ok(source) => source,
        Err(d) => {
            diagnostics.push(d);
            return None;
        }
    };
    match config::load_config(&source, base) {
        Ok(config) => Some(config),
        Err(errors) => {
            diagnostics.extend(errors);
            None
        }
    }
}

/// A page's `template` must name a template that exists.
fn check_template_names(content: &ContentTree, templates: &TemplateSet, diagnostics: &mut Diagnostics) {
    for r in content.documents() {
        let doc = content.doc(r);
        if let Some((name, position)) = &doc.front.template {
            let file = template_file_name(name);
            if !templates.contains(&file) {
                diagnostics.push(
                    Diagnostic::error(Code::UnknownTemplate, format!("template `{name}` does not exist"))
                        .at(&doc.source, *position)
                        .with_help(crate::diagnostics::suggestion(&file, templates.names())),
                );
            }
        }
    }
}

/// `report` and `report.html` both name `report.html`.
pub(crate) fn template_file_name(name: &str) -> String {
    if name.ends_with(".html") || name.ends_with(".xml") { name.to_string() } else { format!("{name}.html") }
}

fn static_files(root: &SiteRoot, diagnostics: &mut Diagnostics) -> Vec<(String, PathBuf)> {
    let dir = root.dir.join("static");
    let mut problems = Vec::new();
    let files = root
        .files_under(&dir, &mut problems)
        .into_iter()
        .map(|path| {
            let rel = root.relative(&path);
            (rel.trim_start_matches("static/").to_string(), path)
        })
        .collect();
    problems.into_iter().for_each(|d| diagnostics.push(d));
    files
}

/// `main_indicators` in config.yaml must name indicators of the site.
fn check_main_indicators(config: &Config, data: &Dataset, diagnostics: &mut Diagnostics) {
    let ids = config.main_indicators.iter().flatten();
    for (id, position) in ids.zip(&config.main_indicator_positions) {
        if !data.has_indicator(id) && !data.is_unreadable(id) {
            diagnostics.push(
                Diagnostic::error(
                    Code::UnknownIndicator,
                    format!("`main_indicators` names `{id}`, which is not an indicator of this site"),
                )
                .at(&config.file, *position)
                .with_help(crate::diagnostics::suggestion(id, data.indicator_ids())),
            );
        }
    }
}
