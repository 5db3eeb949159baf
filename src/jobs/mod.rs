//! The render stage as jobs: one job per output file.
//!
//! Owns what a job is (`Job`: what to make, where it goes, who asked), the
//! plan of a run (`plan`: every job, known and checked before any runs), the
//! registry of page kinds (`kinds`), running the jobs in parallel with each
//! one's result handed to a `Sink` as soon as it is done (written into the
//! staging folder by `build`, kept in memory by `serve` and the tests,
//! dropped by `check`), and what each job leaves behind as data: what it
//! read (`scope::Inputs`, so a later change re-runs only the jobs it
//! touches), the page's links and ids (checked in `links` without reading
//! the HTML again), and its metadata.
//!
//! A page's job renders its Markdown and builds its view in its own scope
//! (`crate::scope`), so pre-rendered pieces (Markdown, chart figures) come
//! back as fragments and the template's output is read once, small; the
//! page is then put together in one pass (`assemble`). Charts are drawn by
//! the run's `ChartBook`: once each, by the first page that needs them, and
//! dropped after the last one (the plan counts how many pages show each).
//! PDFs are jobs of their own that call `crate::pdf`; nothing under
//! `crate::render` does.

pub(crate) mod kinds;
pub(crate) mod links;
pub(crate) mod plan;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use rayon::prelude::*;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::exports::{self, Download};
use crate::output::{OutFile, Sink};
use crate::render::charts::{self, ChartBook, ChartRequest};
use crate::render::{self, Page};
use crate::routes;
use crate::scope::{self, FoundLink, Inputs, Written};
use crate::site::Site;
use crate::timings::{self, Stage};
use kinds::{BuildContext, PageKind, Subject};
use links::{CheckedPage, LinkIndex, LinkSeverity, PageLinks};

/// One output file to make.
pub(crate) struct Job {
    pub(crate) make: Make,
    /// Site path, `/countries/ma/` or `/data/all.json`.
    pub(crate) url: String,
    /// Output path, `countries/ma/index.html`.
    pub(crate) path: String,
    /// Who asked for it: a content file, or a description.
    pub(crate) origin: String,
    /// Jobs with the same group run one after the other.
    pub(crate) group: Option<String>,
    /// The language of what it makes (BCP 47): the site's, until a site
    /// has several (then one job per language of a page).
    pub(crate) lang: String,
}

impl Job {
    fn new(make: Make, url: String, origin: &str, group: Option<String>, lang: &str) -> Job {
        Job { path: routes::output_path(&url), make, url, origin: origin.to_string(), group, lang: lang.to_string() }
    }

    pub(crate) fn is_page(&self) -> bool {
        matches!(self.make, Make::Page(..))
    }
}

/// What a job makes.
pub(crate) enum Make {
    /// A page of one of the registry's kinds.
    Page(&'static PageKind, Subject),
    /// A country's report as PDF (the `pdf` feature).
    Pdf(String),
    Download(Download),
    /// The sitemap (`None`), or its `n`th part when the site has more pages
    /// than one sitemap may list.
    Sitemap(Option<usize>),
    /// The index of the sitemap's parts.
    SitemapIndex(usize),
    Feed,
    /// A file of the site's `static/` folder, copied as it is.
    Static(PathBuf),
    /// A file of the built-in theme.
    Theme(Arc<[u8]>),
}

/// What a run asks for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RunOptions {
    pub(crate) link_severity: LinkSeverity,
    pub(crate) pdf: bool,
    /// Keep the web addresses `<a>` elements point at (`check --external`).
    pub(crate) collect_web_links: bool,
}

/// What a finished job leaves behind.
#[derive(Debug, Default, Clone)]
pub(crate) struct Done {
    /// Everything it read.
    pub(crate) inputs: Inputs,
    /// Bytes written.
    pub(crate) bytes: u64,
    /// Pages only: what it says about itself.
    #[allow(dead_code)] // read by the dev server; the search index will read it too
    pub(crate) meta: Option<PageMeta>,
}

/// A page's metadata, as data (for feeds, search and citations).
#[derive(Debug, Clone, Default)]
#[allow(dead_code)] // read by the dev server; the search index will read it too
pub(crate) struct PageMeta {
    /// Its kind in the registry (`country`, `page`, …).
    pub(crate) kind: &'static str,
    pub(crate) template: String,
    /// BCP 47 language of the page.
    pub(crate) lang: String,
    pub(crate) info: render::PageInfo,
}

/// Everything a run leaves behind besides the files.
pub(crate) struct Ran {
    pub(crate) plan: plan::Plan,
    /// Per job, in the plan's order (empty for a job that failed).
    pub(crate) done: Vec<Done>,
    pub(crate) diagnostics: Diagnostics,
    /// `check --external`: each web address and the pages showing it.
    pub(crate) web_links: BTreeMap<String, Vec<String>>,
    pub(crate) charts_drawn: usize,
}

/// How far a run has come (for a progress line).
#[derive(Debug, Default)]
pub(crate) struct Progress {
    pub(crate) total: AtomicUsize,
    pub(crate) done: AtomicUsize,
    pub(crate) charts: AtomicUsize,
}

/// Run every job of the site, handing each file to `sink` as it is made.
pub(crate) fn run(site: &Site, options: RunOptions, sink: &dyn Sink, progress: &Progress) -> Ran {
    let (plan, mut diagnostics) = make_plan(site, options);
    if diagnostics.has_errors() {
        return Ran { plan, done: Vec::new(), diagnostics, web_links: BTreeMap::new(), charts_drawn: 0 };
    }
    progress.total.store(plan.jobs.len(), Ordering::Relaxed);
    let all: Vec<usize> = (0..plan.jobs.len()).collect();
    let (results, charts_drawn) = Runner::new(site, &plan, options).run(&all, sink, progress);
    let mut done = Vec::with_capacity(results.len());
    let mut checked = Vec::new();
    let mut web_links: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, result) in results {
        result.diagnostics.into_iter().for_each(|d| diagnostics.push(d));
        if let Some(page) = result.page {
            for url in page.web_links {
                let pages = web_links.entry(url).or_default();
                if !pages.contains(&plan.jobs[i].url) {
                    pages.push(plan.jobs[i].url.clone());
                }
            }
            checked.push(page.checked);
        }
        done.push(result.done);
    }
    if !diagnostics.has_errors() {
        let checked: Vec<&CheckedPage> = checked.iter().collect();
        diagnostics.extend(check_links(site, &plan, &checked, options));
    }
    // A narrative shown on two pages (a country's and its report) is
    // rendered twice: `sorted` drops the repeated problems.
    Ran { plan, done, diagnostics: diagnostics.sorted(), web_links, charts_drawn }
}

/// The plan of a run, timed.
pub(crate) fn make_plan(site: &Site, options: RunOptions) -> (plan::Plan, Diagnostics) {
    let (plan, diagnostics) =
        timings::time(Stage::Plan, 0, || plan::plan(site, plan::PlanOptions { pdf: options.pdf }));
    timings::add(Stage::Plan, std::time::Duration::ZERO, plan.jobs.len() as u64);
    (plan, diagnostics)
}

/// The links and anchors of every page, and pages no link reaches.
pub(crate) fn check_links(
    site: &Site,
    plan: &plan::Plan,
    checked: &[&CheckedPage],
    options: RunOptions,
) -> Diagnostics {
    let started = Instant::now();
    let home = index_of(plan, "index.html");
    let not_found = index_of(plan, &routes::output_path(routes::NOT_FOUND));
    let found = links::finish(checked, &site.templates, options.link_severity, home, not_found);
    timings::add(Stage::Links, started.elapsed(), 0);
    found
}

/// What the jobs of one run share: Tera with the site's globals and the
/// index of every output (for the link check).
pub(crate) struct Runner<'a> {
    site: &'a Site,
    plan: &'a plan::Plan,
    tera: Arc<tera::Tera>,
    index: LinkIndex,
    options: RunOptions,
}

impl<'a> Runner<'a> {
    pub(crate) fn new(site: &'a Site, plan: &'a plan::Plan, options: RunOptions) -> Self {
        let tera = Arc::new(render::prepare_tera(site, exports::feed_url(site).as_deref()));
        let index = LinkIndex::new(plan.jobs.iter().map(|j| j.path.as_str()), &site.config.base_path);
        Runner { site, plan, tera, index, options }
    }

    /// Run the jobs `which` (numbers in the plan), in parallel, each file to
    /// `sink`; their results in the plan's order, and how many charts were
    /// drawn. The charts are counted among these jobs only.
    pub(crate) fn run(
        &self,
        which: &[usize],
        sink: &dyn Sink,
        progress: &Progress,
    ) -> (Vec<(usize, JobResult)>, usize) {
        let wanted: std::collections::HashSet<usize> = which.iter().copied().collect();
        let book = Arc::new(ChartBook::new(self.tera.clone(), chart_uses(self.site, self.plan, which)));
        let groups: Vec<Vec<usize>> = self
            .plan
            .groups
            .iter()
            .map(|g| g.iter().copied().filter(|i| wanted.contains(i)).collect::<Vec<usize>>())
            .filter(|g| !g.is_empty())
            .collect();
        let cx = RunContext {
            site: self.site,
            tera: &self.tera,
            book: &book,
            sink,
            index: &self.index,
            options: self.options,
            plan: self.plan,
            progress,
        };
        let mut results: Vec<(usize, JobResult)> = groups
            .par_iter()
            .flat_map_iter(|group| group.iter().map(|&i| (i, cx.run_job(i))).collect::<Vec<_>>())
            .collect();
        results.sort_by_key(|(i, _)| *i);
        (results, book.drawn())
    }
}

fn index_of(plan: &plan::Plan, path: &str) -> Option<u32> {
    plan.jobs.iter().position(|j| j.path == path).map(|i| i as u32)
}

/// How many of the jobs `which` show each chart (pages, their narratives, PDFs).
fn chart_uses(site: &Site, plan: &plan::Plan, which: &[usize]) -> BTreeMap<ChartRequest, usize> {
    let per_job: Vec<Vec<ChartRequest>> = which
        .par_iter()
        .map(|&i| &plan.jobs[i])
        .map(|job| match &job.make {
            Make::Page(kind, subject) => {
                let mut requests = (kind.charts)(site, subject);
                for url in (kind.narratives)(subject, &job.url) {
                    if let Some(doc) = site.content.narratives.get(&url) {
                        requests.extend(render::embeds::chart_requests(site, doc));
                    }
                }
                requests
            }
            Make::Pdf(code) => {
                site.data.country(code).map(|c| render::data_pages::country_profile_charts(site, c)).unwrap_or_default()
            }
            _ => Vec::new(),
        })
        .collect();
    let mut uses: BTreeMap<ChartRequest, usize> = BTreeMap::new();
    for request in per_job.into_iter().flatten() {
        *uses.entry(request).or_default() += 1;
    }
    uses
}

/// What the jobs of a run share.
struct RunContext<'a> {
    site: &'a Site,
    tera: &'a tera::Tera,
    book: &'a Arc<ChartBook>,
    sink: &'a dyn Sink,
    index: &'a LinkIndex,
    options: RunOptions,
    plan: &'a plan::Plan,
    progress: &'a Progress,
}

/// A job's result before it is merged into the run's.
pub(crate) struct JobResult {
    pub(crate) done: Done,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) page: Option<PageResult>,
}

/// What a page's job found out about the page.
pub(crate) struct PageResult {
    pub(crate) checked: CheckedPage,
    pub(crate) web_links: Vec<String>,
}

impl RunContext<'_> {
    fn run_job(&self, number: usize) -> JobResult {
        let job = &self.plan.jobs[number];
        let result = match &job.make {
            Make::Page(kind, subject) => self.run_page(number, kind, subject),
            Make::Pdf(code) => self.run_pdf(job, code),
            Make::Download(download) => self.run_bytes(job, || download.bytes(self.site)),
            Make::Sitemap(part) => {
                let pages = self.plan.jobs.iter().filter(|j| j.is_page()).map(|j| j.path.as_str());
                let mut paths: Vec<&str> = pages.filter(|p| p.ends_with("index.html")).collect();
                paths.sort_unstable();
                if let Some(n) = part {
                    let size = exports::SITEMAP_URLS;
                    paths = paths.into_iter().skip((n - 1) * size).take(size).collect();
                }
                self.run_bytes(job, || exports::sitemap(self.site, paths.into_iter()).into_bytes())
            }
            Make::SitemapIndex(parts) => self.run_bytes(job, || exports::sitemap_index(self.site, *parts).into_bytes()),
            Make::Feed => self.run_bytes(job, || exports::feed(self.site).unwrap_or_default().into_bytes()),
            Make::Static(from) => {
                let written = timings::time(Stage::Write, 1, || self.sink.put(&job.path, OutFile::Copy(from)));
                let mut done = Done::default();
                done.inputs.insert(scope::Input::Static(job.path.clone()));
                JobResult { diagnostics: self.write_error(job, written).into_iter().collect(), done, page: None }
            }
            Make::Theme(bytes) => self.run_bytes(job, || bytes.to_vec()),
        };
        self.progress.done.fetch_add(1, Ordering::Relaxed);
        self.progress.charts.store(self.book.drawn(), Ordering::Relaxed);
        result
    }

    fn write_error(&self, job: &Job, written: std::io::Result<u64>) -> Option<Diagnostic> {
        written.err().map(|e| Diagnostic::error(Code::Io, format!("cannot write `{}`: {e}", job.path)))
    }

    /// A file made from the model in its own scope (its reads recorded).
    fn run_bytes(&self, job: &Job, make: impl FnOnce() -> Vec<u8>) -> JobResult {
        let (bytes, recorded) = scope::run(make);
        let written = timings::time(Stage::Write, 1, || self.sink.put(&job.path, OutFile::Chunks(&[&bytes])));
        JobResult {
            done: Done { inputs: recorded.inputs, bytes: bytes.len() as u64, meta: None },
            diagnostics: self.write_error(job, written).into_iter().collect(),
            page: None,
        }
    }

    fn run_page(&self, number: usize, kind: &'static PageKind, subject: &Subject) -> JobResult {
        let job = &self.plan.jobs[number];
        let (rendered, recorded) = timings::time(Stage::Templates, 1, || {
            scope::run(|| {
                charts::with_book(self.book, || -> Result<(Page, String), Diagnostic> {
                    let urls = (kind.narratives)(subject, &job.url);
                    let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
                    let narratives = render::narratives_for(self.site, self.tera, &urls);
                    let cx = BuildContext {
                        site: self.site,
                        tera: self.tera,
                        narratives: &narratives,
                        pdf: self.options.pdf,
                    };
                    let page = (kind.build)(&cx, subject)
                        .ok_or_else(|| Diagnostic::error(Code::TemplateRender, format!("no page for {}", job.url)))?;
                    let skeleton = render::render_template(self.tera, self.site, &page.template, &page.context)?;
                    Ok((page, skeleton))
                })
            })
        });
        let mut diagnostics = recorded.diagnostics;
        let (page, skeleton) = match rendered {
            Ok(rendered) => rendered,
            Err(d) => {
                diagnostics.push(d);
                return JobResult {
                    done: Done { inputs: recorded.inputs, ..Done::default() },
                    diagnostics,
                    page: None,
                };
            }
        };
        let own = timings::time(Stage::Links, 0, || render::fragment_facts(&skeleton, &page.template));
        let assembled = render::assemble::assemble(&skeleton, &recorded.fragments);
        let page_bytes = assembled.len() as u64;
        let written = timings::time(Stage::Write, 1, || self.sink.put(&job.path, OutFile::Chunks(&assembled.chunks)));
        diagnostics.extend(self.write_error(job, written));
        let template_path =
            self.site.templates.source_of(&page.template).map_or_else(|| "templates/".to_string(), |s| s.path.clone());
        if own.misplaced_hole || assembled.facts.misplaced_hole {
            diagnostics.push(
                Diagnostic::error(
                    Code::TemplateRender,
                    format!(
                        "`{}` prints a page's content or a chart inside an attribute, a comment or a script, where HTML cannot go",
                        page.template
                    ),
                )
                .in_file(&template_path)
                .with_help("print `content`, `figure.html` and `figure.svg` as HTML: `{{ page.content | safe }}`"),
            );
        }
        let mut found: Vec<FoundLink> = own.links;
        found.extend(assembled.facts.links);
        let mut ids = own.ids;
        ids.extend(assembled.facts.ids);
        let checked_links: PageLinks =
            timings::time(Stage::Links, found.len() as u64, || links::check_page(self.index, &job.url, &found, &ids));
        let web_links =
            if self.options.collect_web_links { web_anchors(&found, &self.site.config.base_url) } else { Vec::new() };
        JobResult {
            done: Done {
                inputs: recorded.inputs,
                bytes: page_bytes,
                meta: Some(PageMeta {
                    kind: kind.name,
                    template: page.template.clone(),
                    lang: job.lang.clone(),
                    info: page.info.clone(),
                }),
            },
            diagnostics,
            page: Some(PageResult {
                checked: CheckedPage {
                    url: job.url.clone(),
                    template: template_path,
                    origin: job.origin.clone(),
                    output: number as u32,
                    links: checked_links,
                    ids: ids.join("\n"),
                },
                web_links,
            }),
        }
    }

    fn run_pdf(&self, job: &Job, code: &str) -> JobResult {
        let (pdf, recorded) = scope::run(|| charts::with_book(self.book, || report_pdf(self.site, self.tera, code)));
        let mut diagnostics = recorded.diagnostics;
        let mut bytes = 0;
        match pdf {
            Ok(pdf) => {
                bytes = pdf.len() as u64;
                let written = timings::time(Stage::Write, 1, || self.sink.put(&job.path, OutFile::Chunks(&[&pdf])));
                diagnostics.extend(self.write_error(job, written));
            }
            Err(message) => diagnostics.push(Diagnostic::error(Code::Pdf, message).in_file(&job.url)),
        }
        JobResult { done: Done { inputs: recorded.inputs, bytes, meta: None }, diagnostics, page: None }
    }
}

/// Web addresses of `<a>` links (stylesheets and the like are the site's own).
fn web_anchors(links: &[FoundLink], own_base_url: &str) -> Vec<String> {
    links
        .iter()
        .filter(|l| matches!(l.written, Written::Template(_) | Written::Markdown { .. }))
        .map(|l| l.target.as_str())
        .filter(|t| (t.starts_with("http://") || t.starts_with("https://")) && !t.starts_with(own_base_url))
        .map(|t| t.split('#').next().unwrap_or(t).to_string())
        .collect()
}

/// One country's report as PDF bytes: the report's own view, its charts'
/// SVGs taken from the fragments its figures left in the job's scope.
pub(crate) fn report_pdf(site: &Site, tera: &tera::Tera, code: &str) -> Result<Vec<u8>, String> {
    let country = site.data.country(code).ok_or_else(|| format!("no country `{code}`"))?;
    let (view, recorded) = scope::run(|| {
        let narratives = render::narratives_for(site, tera, &[&routes::country(code)]);
        render::report_pages::report_page(site, country, &narratives, true)
    });
    let svg = |placeholder: &str| -> Option<String> {
        let n = scope::placeholder_number(placeholder)?;
        recorded.fragments.get(n).map(|f| f.html.to_string())
    };
    let meta = render::report_pages::pdf_meta(site, country);
    pdf_bytes(&view, &svg, &meta)
}

#[cfg(feature = "pdf")]
fn pdf_bytes(
    view: &render::report_pages::ReportPageView,
    svg: &dyn Fn(&str) -> Option<String>,
    meta: &render::report_pages::PdfMeta,
) -> Result<Vec<u8>, String> {
    crate::pdf::report_pdf(view, svg, meta)
}

#[cfg(not(feature = "pdf"))]
fn pdf_bytes(
    _: &render::report_pages::ReportPageView,
    _: &dyn Fn(&str) -> Option<String>,
    _: &render::report_pages::PdfMeta,
) -> Result<Vec<u8>, String> {
    Err("this polibrief was built without PDF support: build it with `cargo build --release --features pdf`".into())
}
