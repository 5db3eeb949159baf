//! The render stage: the validated Site in, the Output (path -> bytes) out.
//!
//! Owns rendering every document's Markdown (in parallel, shortcodes seeing
//! the whole site), giving each page its view and template, the 404 page,
//! the theme's and the site's static files, sitemap and feed, and the check
//! of links written in Markdown. Writes nothing to disk.

pub(crate) mod embeds;
pub(crate) mod filters;
pub(crate) mod links;
pub(crate) mod theme;
pub(crate) mod views;

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::content::{DocRef, Document, HOME};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::exports;
use crate::markdown::{self, MarkdownOptions, Rendered};
use crate::output::{Output, OutputFile};
use crate::routes;
use crate::site::{Site, template_file_name};
use views::{ConfigView, LinkView, ListItem, PageView, SectionView, ThemeView};

/// How strict the link check is: `build` warns, `check` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkSeverity {
    Warning,
    Error,
}

pub(crate) fn render_site(site: &Site, link_severity: LinkSeverity) -> (Output, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let mut output = Output::default();
    let mut tera = match theme::compile(&site.templates) {
        Ok(tera) => tera,
        Err(errors) => return (output, errors),
    };
    let feed = exports::feed_url(site);
    set_globals(&mut tera, site, feed.as_deref());

    let docs: Vec<DocRef> = site.content.documents().collect();
    let rendered: Vec<Rendered> = docs.par_iter().map(|&r| render_markdown(site, site.content.doc(r))).collect();
    let pages: Vec<Result<String, Diagnostic>> = docs
        .par_iter()
        .zip(rendered.par_iter())
        .map(|(&r, md)| render_document(&tera, site, r, md))
        .collect();

    for ((&r, md), page) in docs.iter().zip(&rendered).zip(pages) {
        md.diagnostics.iter().cloned().for_each(|d| diagnostics.push(d));
        let doc = site.content.doc(r);
        match page {
            Ok(html) => add(&mut output, &mut diagnostics, routes::output_path(&doc.url), html.into_bytes(), doc),
            Err(d) => diagnostics.push(d),
        }
    }
    match render_not_found(&tera, site) {
        Ok(html) => add_generated(&mut output, &mut diagnostics, routes::NOT_FOUND, html.into_bytes()),
        Err(d) => diagnostics.push(d),
    }
    exports::write_sitemap(site, &mut output);
    if let Some(feed) = exports::feed(site) {
        add_generated(&mut output, &mut diagnostics, routes::FEED, feed.into_bytes());
    }
    add_static_files(site, &mut output, &mut diagnostics);

    let link_docs: Vec<(&Document, &Rendered)> = docs.iter().map(|&r| site.content.doc(r)).zip(&rendered).collect();
    diagnostics.extend(links::check_markdown_links(&output, &link_docs, link_severity));
    (output, diagnostics)
}

fn add(output: &mut Output, diagnostics: &mut Diagnostics, path: String, bytes: Vec<u8>, doc: &Document) {
    if let Err(message) = output.insert(path, OutputFile::Bytes(bytes), &doc.source.path) {
        diagnostics.push(Diagnostic::error("duplicate-output", message).in_file(doc.source.path.clone()));
    }
}

fn add_generated(output: &mut Output, diagnostics: &mut Diagnostics, url: &str, bytes: Vec<u8>) {
    if let Err(message) = output.insert(routes::output_path(url), OutputFile::Bytes(bytes), "polibrief") {
        diagnostics.push(Diagnostic::error("duplicate-output", message));
    }
}

fn set_globals(tera: &mut Tera, site: &Site, feed: Option<&str>) {
    let config = &site.config;
    let theme = ThemeView {
        stylesheet: asset_href(site, "css/polibrief.css"),
        print_stylesheet: asset_href(site, "css/print.css"),
        feed: feed.map(|f| config.href(f)),
        home: config.href("/"),
    };
    let nav: Vec<LinkView> = site.content.sections[HOME]
        .subsections
        .iter()
        .map(|&s| link_to(site, &site.content.sections[s].doc))
        .collect();
    let globals = tera.global_context();
    globals.insert("config", &ConfigView::new(config));
    globals.insert("theme", &theme);
    globals.insert("nav", &nav);
}

/// `/brief/css/polibrief.css?v=1a2b3c4d`: the query changes when the file
/// does, so browsers never keep a stale stylesheet.
fn asset_href(site: &Site, path: &str) -> String {
    let bytes = site
        .static_files
        .iter()
        .find(|(p, _)| p == path)
        .and_then(|(_, abs)| std::fs::read(abs).ok())
        .or_else(|| theme::BUILTIN_STATIC.iter().find(|(p, _)| *p == path).map(|(_, b)| b.to_vec()))
        .unwrap_or_default();
    format!("{}?v={:08x}", site.config.href(&format!("/{path}")), fnv1a(&bytes) as u32)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3))
}

fn render_markdown(site: &Site, doc: &Document) -> Rendered {
    let options = MarkdownOptions { base_path: &site.config.base_path, unsafe_html: site.config.unsafe_html };
    let embed = |call: &crate::shortcodes::ShortcodeCall| embeds::render(site, &doc.source, call);
    markdown::render_document(&doc.source, doc.body_offset, options, &embed)
}

fn link_to(site: &Site, doc: &Document) -> LinkView {
    LinkView { title: doc.front.title.clone(), url: site.config.href(&doc.url) }
}

fn list_item(site: &Site, doc: &Document) -> ListItem {
    ListItem {
        title: doc.front.title.clone(),
        description: doc.front.description.clone(),
        url: site.config.href(&doc.url),
        date: doc.front.date.clone(),
    }
}

fn toc_of(doc: &Document, md: &Rendered) -> Vec<markdown::TocEntry> {
    if doc.front.toc.unwrap_or(md.heading_count >= 3) { md.toc.clone() } else { Vec::new() }
}

fn render_document(tera: &Tera, site: &Site, r: DocRef, md: &Rendered) -> Result<String, Diagnostic> {
    let content = &site.content;
    let doc = content.doc(r);
    let breadcrumbs: Vec<LinkView> = content.ancestors(r).into_iter().map(|s| link_to(site, &content.sections[s].doc)).collect();
    let (prev, next) = content.previous_and_next(r);
    let neighbour = |n: Option<DocRef>| n.map(|n| link_to(site, content.doc(n)));
    let mut context = Context::new();
    context.insert("current_url", &site.config.href(&doc.url));
    context.insert("permalink", &site.config.permalink(&doc.url));
    let default_template = match r {
        DocRef::Section(HOME) => "home.html",
        DocRef::Section(i) => {
            let section = &content.sections[i];
            context.insert(
                "section",
                &SectionView {
                    title: doc.front.title.clone(),
                    description: doc.front.description.clone(),
                    url: site.config.href(&doc.url),
                    permalink: site.config.permalink(&doc.url),
                    date: doc.front.date.clone(),
                    toc: toc_of(doc, md),
                    content: md.html.clone(),
                    pages: section.pages.iter().map(|&p| list_item(site, &content.pages[p].doc)).collect(),
                    subsections: section.subsections.iter().map(|&s| list_item(site, &content.sections[s].doc)).collect(),
                    breadcrumbs,
                    previous: neighbour(prev),
                    next: neighbour(next),
                },
            );
            "section.html"
        }
        DocRef::Page(i) => {
            let words = views::word_count(&md.html);
            context.insert(
                "page",
                &PageView {
                    title: doc.front.title.clone(),
                    description: doc.front.description.clone(),
                    url: site.config.href(&doc.url),
                    permalink: site.config.permalink(&doc.url),
                    date: doc.front.date.clone(),
                    toc: toc_of(doc, md),
                    content: md.html.clone(),
                    word_count: words,
                    reading_minutes: views::reading_minutes(words),
                    breadcrumbs,
                    previous: neighbour(prev),
                    next: neighbour(next),
                    section: link_to(site, &content.sections[content.pages[i].section].doc),
                },
            );
            "page.html"
        }
    };
    if let DocRef::Section(HOME) = r {
        let home = &content.sections[HOME];
        context.insert(
            "section",
            &SectionView {
                title: doc.front.title.clone(),
                description: doc.front.description.clone(),
                url: site.config.href(&doc.url),
                permalink: site.config.permalink(&doc.url),
                date: doc.front.date.clone(),
                toc: toc_of(doc, md),
                content: md.html.clone(),
                pages: home.pages.iter().map(|&p| list_item(site, &content.pages[p].doc)).collect(),
                subsections: home.subsections.iter().map(|&s| list_item(site, &content.sections[s].doc)).collect(),
                breadcrumbs: Vec::new(),
                previous: None,
                next: None,
            },
        );
    }
    let template = doc.front.template.as_ref().map(|(n, _)| template_file_name(n)).unwrap_or_else(|| default_template.to_string());
    render_template(tera, site, &template, &context)
}

/// Render one template, locating any error in the template's file.
pub(crate) fn render_template(tera: &Tera, site: &Site, name: &str, context: &Context) -> Result<String, Diagnostic> {
    tera.render(name, context).map_err(|e| match e.kind() {
        tera::ErrorKind::RenderingError(report) | tera::ErrorKind::SyntaxError(report) => {
            theme::report_diagnostic("template-render", &site.templates, report)
        }
        _ => Diagnostic::error("template-render", e.to_string()).in_file(
            site.templates.source_of(name).map(|s| s.path.clone()).unwrap_or_else(|| format!("templates/{name}")),
        ),
    })
}

fn render_not_found(tera: &Tera, site: &Site) -> Result<String, Diagnostic> {
    let mut context = Context::new();
    context.insert("current_url", &site.config.href(routes::NOT_FOUND));
    context.insert("permalink", &site.config.permalink(routes::NOT_FOUND));
    render_template(tera, site, "404.html", &context)
}

fn add_static_files(site: &Site, output: &mut Output, diagnostics: &mut Diagnostics) {
    for (path, abs) in &site.static_files {
        let origin = format!("static/{path}");
        if let Err(message) = output.insert(path.clone(), OutputFile::Copy(abs.clone()), &origin) {
            diagnostics.push(Diagnostic::error("duplicate-output", message).in_file(origin));
        }
    }
    for (path, bytes) in theme::BUILTIN_STATIC {
        output.insert_default(path.to_string(), OutputFile::Bytes(bytes.to_vec()), "the built-in theme");
    }
}
