//! Pages: from the validated Site to what a template receives, and the
//! template's output.
//!
//! Owns what every page kind shows (the view structs of `views` and
//! `data_views`, built by `data_pages`, `typology_pages`, `report_pages` and
//! here for content pages), Markdown rendered with its shortcodes (`embeds`,
//! `charts`), and rendering a page's template. A page is built inside its
//! job's scope (`crate::scope`): the Markdown it shows and the charts it
//! embeds become fragments, and the template's output holds placeholders
//! for them. Which pages exist, in which order they run and where their
//! bytes go is `crate::jobs`' business; this module writes nothing.

pub(crate) mod assemble;
pub(crate) mod charts;
pub(crate) mod data_pages;
pub(crate) mod data_views;
pub(crate) mod embeds;
pub(crate) mod report_pages;
pub(crate) mod typology_pages;
pub(crate) mod views;

use std::sync::Arc;

use tera::{Context, Tera};

use crate::content::{DocRef, Document, HOME};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::markdown::{self, MarkdownOptions, Rendered};
use crate::routes;
use crate::scope::{self, FoundLink, Fragment, Input, PieceFacts, Written};
use crate::site::{Site, template_file_name};
use crate::source::Source;
use views::{ConfigView, LinkView, ListItem, PageView, SectionView, ThemeView};

/// One page ready for its template: its template and context.
pub(crate) struct Page {
    pub(crate) template: String,
    pub(crate) context: Context,
    /// What the page says about itself.
    pub(crate) info: PageInfo,
}

/// A page's metadata as data, not only as HTML (feeds, search, citations).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageInfo {
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    /// YYYY-MM-DD.
    pub(crate) date: Option<String>,
    /// Words of its Markdown, charts and other embeds left out.
    pub(crate) word_count: usize,
}

impl PageInfo {
    /// The title (`title`, else `name`) of the view a generated page shows.
    pub(crate) fn of_view(context: &Context, key: &str) -> PageInfo {
        let view = context.get(key).and_then(|v| v.as_map());
        let text = |field: &'static str| {
            view.and_then(|m| m.get(&tera::value::Key::from(field))).and_then(|v| v.as_str()).map(str::to_owned)
        };
        PageInfo { title: text("title").or_else(|| text("name")).unwrap_or_default(), ..PageInfo::default() }
    }
}

/// The site's templates with what every template receives (`config`,
/// `theme`, `nav`): a copy of the compiled templates, made once per run.
pub(crate) fn prepare_tera(site: &Site, feed: Option<&str>) -> Tera {
    let mut tera = site.tera.clone();
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
        (site.data.has_countries(), "Countries", routes::COUNTRIES),
        (site.data.has_indicators(), "Indicators", routes::INDICATORS),
        (site.data.has_origins(), "Typology", routes::TYPOLOGY),
    ] {
        if present {
            nav.push(LinkView { title: title.into(), url: config.href(url) });
        }
    }
    let globals = tera.global_context();
    globals.insert("config", &ConfigView::new(config));
    globals.insert("theme", &theme);
    globals.insert("nav", &nav);
    tera
}

/// `/brief/css/polibrief.css?v=1a2b3c4d`: the query changes when the file
/// does, so browsers never keep a stale stylesheet.
pub(crate) fn asset_href(site: &Site, path: &str) -> String {
    let version = site.theme_assets.iter().find(|a| a.path == path).map(|a| a.version()).unwrap_or_default();
    format!("{}?v={version}", site.config.href(&format!("/{path}")))
}

/// A document's Markdown, rendered (its shortcodes seeing the whole site),
/// with the whole file it was read from. Its body is recorded as read; the
/// file is read again here (see `content::Document`).
pub(crate) struct Markdown {
    pub(crate) rendered: Rendered,
    pub(crate) source: Source,
}

/// Render a document's Markdown. A file that cannot be read again is a
/// problem of the running job, and the page shows no text.
pub(crate) fn render_markdown(site: &Site, tera: &Tera, doc: &Document) -> Markdown {
    scope::record(Input::Content(doc.source.path.clone()));
    let source = match site.content.full_source(doc) {
        Ok(source) => source,
        Err(d) => {
            scope::report([d]);
            return Markdown { rendered: Rendered::default(), source: doc.source.clone() };
        }
    };
    let options = MarkdownOptions { base_path: &site.config.base_path, unsafe_html: site.config.unsafe_html };
    let page = embeds::Page { site, tera, url: &doc.url };
    let embed = |call: &crate::shortcodes::ShortcodeCall| embeds::render(&page, &source, call);
    let rendered = crate::timings::time(crate::timings::Stage::Markdown, 1, || {
        markdown::render_document(&source, doc.body_offset, options, &embed)
    });
    Markdown { rendered, source }
}

/// Markdown rendered for a page: its HTML becomes a fragment of the running
/// job (what the template prints is its placeholder), with the links it
/// wrote (located in its file) and the ids it gave. Its problems are
/// reported by the job.
pub(crate) fn markdown_fragment(site: &Site, doc: &Document, markdown: Markdown) -> String {
    let Markdown { rendered: md, source } = markdown;
    let mut facts = PieceFacts { ids: md.ids, ..PieceFacts::default() };
    facts.links = md
        .links
        .into_iter()
        .map(|l| FoundLink {
            target: l.dest,
            written: Written::Markdown { source: source.clone(), offset: l.offset, url: doc.url.clone() },
        })
        .collect();
    if site.config.unsafe_html {
        // Raw HTML may hold links and ids of its own: read them too.
        let raw = crate::html::facts(&md.html);
        facts.ids.extend(raw.ids);
        facts.links.extend(
            raw.links
                .into_iter()
                .map(|target| FoundLink { target, written: Written::Template(doc.source.path.clone()) }),
        );
    }
    scope::report(md.diagnostics);
    scope::embed(Fragment { html: md.html.into(), facts: Arc::new(facts) })
}

/// The links and ids of HTML a template made (a partial, a figure).
pub(crate) fn fragment_facts(html: &str, template: &str) -> PieceFacts {
    let found = crate::html::facts(html);
    PieceFacts {
        links: found
            .links
            .into_iter()
            .map(|target| FoundLink { target, written: Written::Template(template.to_string()) })
            .collect(),
        ids: found.ids,
        misplaced_hole: found.misplaced_hole,
    }
}

/// The narratives a page shows (`content/countries/ma.md` on `/countries/ma/`
/// and its report), rendered as fragments of the running job.
pub(crate) fn narratives_for(site: &Site, tera: &Tera, urls: &[&str]) -> data_pages::Narratives {
    urls.iter()
        .filter_map(|url| site.content.narratives.get(*url))
        .map(|doc| {
            let md = render_markdown(site, tera, doc);
            let title = doc.front.title.clone();
            (doc.url.clone(), data_views::NarrativeView { title, content: markdown_fragment(site, doc, md) })
        })
        .collect()
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
    md: Markdown,
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
        toc: toc_of(doc, &md.rendered),
        content: markdown_fragment(site, doc, md),
        pages: s.pages.iter().map(|&p| list_item(site, &content.pages[p].doc)).collect(),
        subsections: s.subsections.iter().map(|&c| list_item(site, &content.sections[c].doc)).collect(),
        children: content.children(section).into_iter().map(|r| list_item(site, content.doc(r))).collect(),
        breadcrumbs,
        previous: neighbours.0,
        next: neighbours.1,
    }
}

/// A page or section of `content/`.
pub(crate) fn document_page(site: &Site, tera: &Tera, r: DocRef) -> Page {
    let content = &site.content;
    let doc = content.doc(r);
    let md = render_markdown(site, tera, doc);
    let breadcrumbs: Vec<LinkView> = content.ancestors(r).into_iter().map(|s| crumb(site, s)).collect();
    let (prev, next) = content.previous_and_next(r);
    let neighbour = |n: Option<DocRef>| n.map(|n| link_to(site, content.doc(n)));
    let neighbours = (neighbour(prev), neighbour(next));
    let mut context = Context::new();
    context.insert("current_url", &site.config.href(&doc.url));
    context.insert("permalink", &site.config.permalink(&doc.url));
    let info = PageInfo {
        title: doc.front.title.clone(),
        description: doc.front.description.clone(),
        date: doc.front.date.clone(),
        word_count: md.rendered.words,
    };
    let default_template = match r {
        DocRef::Section(i) => {
            context.insert("section", &section_view(site, i, md, breadcrumbs, neighbours));
            if i == HOME { "home.html" } else { "section.html" }
        }
        DocRef::Page(i) => {
            let words = md.rendered.words;
            let page = PageView {
                title: doc.front.title.clone(),
                description: doc.front.description.clone(),
                url: site.config.href(&doc.url),
                permalink: site.config.permalink(&doc.url),
                date: doc.front.date.clone(),
                toc: toc_of(doc, &md.rendered),
                content: markdown_fragment(site, doc, md),
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
    let template = document_template(doc).unwrap_or_else(|| default_template.to_string());
    Page { template, context, info }
}

/// The template a document names in its front matter, if any.
pub(crate) fn document_template(doc: &Document) -> Option<String> {
    doc.front.template.as_ref().map(|(n, _)| template_file_name(n))
}

/// Render one template, locating any error in the template's file.
pub(crate) fn render_template(tera: &Tera, site: &Site, name: &str, context: &Context) -> Result<String, Diagnostic> {
    scope::record(Input::Template(name.to_string()));
    tera.render(name, context).map_err(|e| match e.kind() {
        tera::ErrorKind::RenderingError(report) | tera::ErrorKind::SyntaxError(report) => {
            crate::theme::report_diagnostic(Code::TemplateRender, &site.templates, report)
        }
        _ => Diagnostic::error(Code::TemplateRender, e.to_string()).in_file(
            site.templates.source_of(name).map(|s| s.path.clone()).unwrap_or_else(|| format!("templates/{name}")),
        ),
    })
}

pub(crate) fn not_found_page(site: &Site) -> Page {
    let mut context = Context::new();
    context.insert("current_url", &site.config.href(routes::NOT_FOUND));
    context.insert("permalink", &site.config.permalink(routes::NOT_FOUND));
    let info = PageInfo { title: "Page not found".into(), ..PageInfo::default() };
    Page { template: "404.html".into(), context, info }
}

/// One country's report alone, quickly: the HTML page with its charts and
/// stylesheet inlined and links made absolute (a file to attach).
pub(crate) fn render_report(site: &Site, code: &str) -> Result<Vec<u8>, Diagnostics> {
    let code = code.to_ascii_uppercase();
    if !site.data.has_country(&code) {
        let help = crate::diagnostics::suggestion(&code, site.data.country_codes());
        return Err(Diagnostic::error(Code::UnknownCountry, format!("no country `{code}` in data/countries/"))
            .with_help(help)
            .into());
    }
    let tera = prepare_tera(site, crate::exports::feed_url(site).as_deref());
    let (page, recorded) = scope::run(|| -> Result<String, Diagnostic> {
        let narratives = narratives_for(site, &tera, &[&routes::country(&code)]);
        let page = report_pages::report_page_of(site, &code, &narratives, false);
        render_template(&tera, site, &page.template, &page.context)
    });
    let skeleton = page?;
    let errors: Diagnostics = recorded.diagnostics.into_iter().filter(|d| d.is_error()).collect();
    if errors.has_errors() {
        return Err(errors);
    }
    let html = assemble::assemble_string(&skeleton, &recorded.fragments);
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
            .theme_assets
            .iter()
            .find(|a| a.path == path)
            .map(|a| String::from_utf8_lossy(&a.bytes).into_owned())
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
