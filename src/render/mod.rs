//! The render stage: the validated Site in, the Output (path -> bytes) out.
//!
//! Owns rendering every document's Markdown (in parallel, shortcodes seeing
//! the whole site), a rendering job per page (content, generated from data,
//! 404) run in parallel through Tera, the theme's and the site's static
//! files, downloads, sitemap and feed, and the check of links written in
//! Markdown. Writes nothing to disk.

pub(crate) mod charts;
pub(crate) mod data_pages;
pub(crate) mod data_views;
pub(crate) mod embeds;
pub(crate) mod filters;
pub(crate) mod links;
pub(crate) mod report_pages;
pub(crate) mod theme;
pub(crate) mod typology_pages;
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

/// One page to render: its URL, template and context.
pub(crate) struct Job {
    pub(crate) url: String,
    pub(crate) template: String,
    pub(crate) context: Context,
    /// Who asked for the page, to explain collisions.
    pub(crate) origin: String,
}

/// What a run asks of the render stage.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RenderOptions {
    pub(crate) link_severity: LinkSeverity,
    /// Write `/countries/<code>/report.pdf` (the `pdf` feature).
    pub(crate) pdf: bool,
}

pub(crate) fn render_site(site: &Site, options: RenderOptions) -> (Output, Diagnostics) {
    let link_severity = options.link_severity;
    let mut diagnostics = Diagnostics::new();
    let mut output = Output::default();
    let mut tera = match theme::compile(&site.templates) {
        Ok(tera) => tera,
        Err(errors) => return (output, errors),
    };
    set_globals(&mut tera, site, exports::feed_url(site).as_deref());

    // Markdown first, in parallel: documents and the narratives of generated pages.
    let docs: Vec<DocRef> = site.content.documents().collect();
    let rendered: Vec<Rendered> = docs.par_iter().map(|&r| render_markdown(site, &tera, site.content.doc(r))).collect();
    let narrative_docs: Vec<&Document> = site.content.narratives.values().collect();
    let narrative_md: Vec<Rendered> = narrative_docs.par_iter().map(|doc| render_markdown(site, &tera, doc)).collect();
    let narratives: data_pages::Narratives = narrative_docs
        .iter()
        .zip(&narrative_md)
        .map(|(doc, md)| {
            (doc.url.clone(), data_views::NarrativeView { title: doc.front.title.clone(), content: md.html.clone() })
        })
        .collect();

    let mut jobs: Vec<Job> = docs.iter().zip(&rendered).map(|(&r, md)| document_job(site, r, md)).collect();
    jobs.extend(data_pages::data_jobs(site, &narratives, options.pdf));
    jobs.extend(typology_pages::typology_jobs(site, &narratives));
    jobs.extend(report_pages::report_jobs(site, &narratives, options.pdf));
    jobs.push(not_found_job(site));
    let pages: Vec<Result<String, Diagnostic>> =
        jobs.par_iter().map(|job| render_template(&tera, site, &job.template, &job.context)).collect();

    for md in rendered.iter().chain(&narrative_md) {
        md.diagnostics.iter().cloned().for_each(|d| diagnostics.push(d));
    }
    for (job, page) in jobs.iter().zip(pages) {
        match page {
            Ok(html) => add(&mut output, &mut diagnostics, &job.url, html.into_bytes(), &job.origin),
            Err(d) => diagnostics.push(d),
        }
    }
    report_orphan_narratives(site, &jobs, &mut diagnostics);
    charts::fill_charts(site, &mut output);
    if options.pdf {
        report_pages::write_pdfs(site, &narratives, &mut output, &mut diagnostics);
    }
    exports::write_downloads(site, &mut output, &mut diagnostics);
    exports::write_sitemap(site, &mut output);
    if let Some(feed) = exports::feed(site) {
        add(&mut output, &mut diagnostics, routes::FEED, feed.into_bytes(), "polibrief");
    }
    add_static_files(site, &mut output, &mut diagnostics);

    if diagnostics.has_errors() {
        // Pages that failed to render would only add misleading link warnings.
        return (output, diagnostics);
    }
    let link_docs: Vec<(&Document, &Rendered)> = docs
        .iter()
        .map(|&r| site.content.doc(r))
        .zip(&rendered)
        .chain(narrative_docs.iter().copied().zip(&narrative_md))
        .collect();
    diagnostics.extend(links::check_markdown_links(&output, &link_docs, link_severity));
    let written: std::collections::BTreeMap<&str, std::collections::BTreeSet<String>> = link_docs
        .iter()
        .map(|(doc, md)| (doc.url.as_str(), md.links.iter().map(|l| l.dest.clone()).collect()))
        .collect();
    let rendered_pages: Vec<links::RenderedPage<'_>> = jobs
        .iter()
        .map(|job| links::RenderedPage {
            path: routes::output_path(&job.url),
            template: site.templates.source_of(&job.template).map_or("templates/", |s| s.path.as_str()),
            origin: &job.origin,
            markdown_links: written.get(job.url.as_str()).cloned().unwrap_or_default(),
        })
        .collect();
    diagnostics.extend(links::check_rendered_pages(
        &output,
        &rendered_pages,
        &site.templates,
        &site.config.base_path,
        link_severity,
    ));
    (output, diagnostics)
}

pub(crate) fn add(output: &mut Output, diagnostics: &mut Diagnostics, url: &str, bytes: Vec<u8>, origin: &str) {
    if let Err(message) = output.insert(routes::output_path(url), OutputFile::Bytes(bytes), origin) {
        let d = Diagnostic::error("duplicate-output", message);
        let d = if origin.starts_with("content/") { d.in_file(origin) } else { d };
        diagnostics.push(d.with_help("two things are published at one URL: rename the page or give it another `slug`"));
    }
}

/// A narrative whose generated page does not exist is an error.
fn report_orphan_narratives(site: &Site, jobs: &[Job], diagnostics: &mut Diagnostics) {
    for (url, doc) in &site.content.narratives {
        if !jobs.iter().any(|j| &j.url == url) {
            diagnostics.push(
                Diagnostic::error("orphan-narrative", format!("no page is generated at `{url}` for this narrative"))
                    .at(&doc.source, crate::source::Position::new(1, 1))
                    .with_help("files in content/countries/, content/indicators/ and content/corridors/ are named after a country code, an indicator id or a corridor (`ma-es`)"),
            );
        }
    }
}

fn set_globals(tera: &mut Tera, site: &Site, feed: Option<&str>) {
    let config = &site.config;
    let theme = ThemeView {
        stylesheet: asset_href(site, "css/polibrief.css"),
        print_stylesheet: asset_href(site, "css/print.css"),
        icon: asset_href(site, "favicon.svg"),
        script: asset_href(site, "js/polibrief.js"),
        feed: feed.map(|f| config.href(f)),
        home: config.href("/"),
    };
    let mut nav: Vec<LinkView> =
        site.content.sections[HOME].subsections.iter().map(|&s| link_to(site, &site.content.sections[s].doc)).collect();
    for (present, title, url) in [
        (!site.data.countries.is_empty(), "Countries", routes::COUNTRIES),
        (!site.data.indicators.is_empty(), "Indicators", routes::INDICATORS),
        (site.data.countries.values().any(|c| c.origin), "Typology", routes::TYPOLOGY),
    ] {
        if present {
            nav.push(LinkView { title: title.into(), url: config.href(url) });
        }
    }
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

fn render_markdown(site: &Site, tera: &Tera, doc: &Document) -> Rendered {
    let options = MarkdownOptions { base_path: &site.config.base_path, unsafe_html: site.config.unsafe_html };
    let page = embeds::Page { site, tera, url: &doc.url };
    let embed = |call: &crate::shortcodes::ShortcodeCall| embeds::render(&page, &doc.source, call);
    markdown::render_document(&doc.source, doc.body_offset, options, &embed)
}

fn link_to(site: &Site, doc: &Document) -> LinkView {
    LinkView { title: doc.front.title.clone(), url: site.config.href(&doc.url) }
}

/// A breadcrumb: the home page is called "Home", sections by their title.
pub(crate) fn crumb(site: &Site, section: usize) -> LinkView {
    let doc = &site.content.sections[section].doc;
    let title = if section == HOME { String::from("Home") } else { doc.front.title.clone() };
    LinkView { title, url: site.config.href(&doc.url) }
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

fn section_view(
    site: &Site,
    section: usize,
    md: &Rendered,
    breadcrumbs: Vec<LinkView>,
    neighbours: (Option<LinkView>, Option<LinkView>),
) -> SectionView {
    let content = &site.content;
    let s = &content.sections[section];
    let doc = &s.doc;
    SectionView {
        title: doc.front.title.clone(),
        description: doc.front.description.clone(),
        url: site.config.href(&doc.url),
        permalink: site.config.permalink(&doc.url),
        date: doc.front.date.clone(),
        toc: toc_of(doc, md),
        content: md.html.clone(),
        pages: s.pages.iter().map(|&p| list_item(site, &content.pages[p].doc)).collect(),
        subsections: s.subsections.iter().map(|&c| list_item(site, &content.sections[c].doc)).collect(),
        children: content.children(section).into_iter().map(|r| list_item(site, content.doc(r))).collect(),
        breadcrumbs,
        previous: neighbours.0,
        next: neighbours.1,
    }
}

fn document_job(site: &Site, r: DocRef, md: &Rendered) -> Job {
    let content = &site.content;
    let doc = content.doc(r);
    let breadcrumbs: Vec<LinkView> = content.ancestors(r).into_iter().map(|s| crumb(site, s)).collect();
    let (prev, next) = content.previous_and_next(r);
    let neighbour = |n: Option<DocRef>| n.map(|n| link_to(site, content.doc(n)));
    let neighbours = (neighbour(prev), neighbour(next));
    let mut context = Context::new();
    context.insert("current_url", &site.config.href(&doc.url));
    context.insert("permalink", &site.config.permalink(&doc.url));
    let default_template = match r {
        DocRef::Section(i) => {
            context.insert("section", &section_view(site, i, md, breadcrumbs, neighbours));
            if i == HOME { "home.html" } else { "section.html" }
        }
        DocRef::Page(i) => {
            let words = views::word_count(&md.html);
            let page = PageView {
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
                previous: neighbours.0,
                next: neighbours.1,
                section: link_to(site, &content.sections[content.pages[i].section].doc),
            };
            context.insert("page", &page);
            "page.html"
        }
    };
    let template =
        doc.front.template.as_ref().map(|(n, _)| template_file_name(n)).unwrap_or_else(|| default_template.to_string());
    Job { url: doc.url.clone(), template, context, origin: doc.source.path.clone() }
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

fn not_found_job(site: &Site) -> Job {
    let mut context = Context::new();
    context.insert("current_url", &site.config.href(routes::NOT_FOUND));
    context.insert("permalink", &site.config.permalink(routes::NOT_FOUND));
    Job { url: routes::NOT_FOUND.into(), template: "404.html".into(), context, origin: "the 404 page".into() }
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

/// One country's report alone, quickly: the HTML page with its charts and
/// stylesheet inlined and links made absolute (a file to attach), or its PDF.
pub(crate) fn render_report(site: &Site, code: &str, pdf: bool) -> Result<Vec<u8>, Diagnostics> {
    let code = code.to_ascii_uppercase();
    let Some(country) = site.data.countries.get(&code) else {
        let help = crate::diagnostics::suggestion(&code, site.data.countries.keys().map(String::as_str));
        return Err(Diagnostic::error("unknown-country", format!("no country `{code}` in data/countries/"))
            .with_help(help)
            .into());
    };
    let mut tera = theme::compile(&site.templates)?;
    set_globals(&mut tera, site, exports::feed_url(site).as_deref());
    let narratives: data_pages::Narratives = site
        .content
        .narratives
        .iter()
        .filter(|(url, _)| **url == routes::country(&code))
        .map(|(url, doc)| {
            let md = render_markdown(site, &tera, doc);
            (url.clone(), data_views::NarrativeView { title: doc.front.title.clone(), content: md.html })
        })
        .collect();
    if pdf {
        return report_pages::report_pdf(site, country, &narratives).map_err(|m| {
            Diagnostic::error("pdf", m).in_file(format!("data/countries/{}.yaml", code.to_ascii_lowercase())).into()
        });
    }
    let job = report_pages::report_jobs(site, &narratives, false)
        .into_iter()
        .find(|j| j.url == report_pages::report_url(&code));
    let Some(job) = job else {
        return Err(Diagnostic::error("unknown-country", format!("no report for `{code}`")).into());
    };
    let mut html = render_template(&tera, site, &job.template, &job.context)?;
    for marker in charts::markers_in(&html) {
        if let Some(svg) = charts::svg_for_marker(site, &marker) {
            html = html.replace(&marker, &svg);
        }
    }
    Ok(standalone(site, &html).into_bytes())
}

/// Inline the stylesheets and make every site link absolute, so the file
/// reads the same anywhere.
fn standalone(site: &Site, html: &str) -> String {
    let mut html = html.to_string();
    for (path, media) in [("css/polibrief.css", ""), ("css/print.css", " media=\"print\"")] {
        let href = asset_href(site, path);
        let tag = format!("<link rel=\"stylesheet\" href=\"{href}\"{media}>");
        let css = site
            .static_files
            .iter()
            .find(|(p, _)| p == path)
            .and_then(|(_, abs)| std::fs::read_to_string(abs).ok())
            .or_else(|| {
                theme::BUILTIN_STATIC
                    .iter()
                    .find(|(p, _)| *p == path)
                    .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            })
            .unwrap_or_default();
        html = html.replace(&tag, &format!("<style{media}>\n{}\n</style>", css.replace("</style", "<\\/style")));
    }
    let script = format!("<script src=\"{}\" defer></script>", asset_href(site, "js/polibrief.js"));
    html = html.replace(&script, "");
    let origin = &site.config.base_url[..site.config.base_url.len() - site.config.base_path.len()];
    let root = format!("{}/", site.config.base_path);
    for attr in ["href=\"", "src=\""] {
        html = html.replace(&format!("{attr}{root}"), &format!("{attr}{origin}{root}"));
    }
    html
}
