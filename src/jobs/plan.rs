//! The plan of a run: every output file, before anything is rendered.
//!
//! Owns listing the jobs (every page of every kind in the registry, the
//! downloads, sitemap, feed, static files, theme files and PDFs), grouping
//! those that share charts, and checking the output paths all together,
//! before any job runs or anything is written: two things at one path, a
//! file where a folder must go (`static/countries` beside the generated
//! `/countries/`), a name too long for common file systems, a narrative
//! without its page. `check` and `build` make the same plan, so they report
//! the same problems.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::kinds::{PAGE_KINDS, PageKind, Subject};
use super::{Job, Make};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::exports::{self, Download};
use crate::routes;
use crate::site::Site;
use crate::source::Position;

/// Longest name of one file or folder on common file systems (ext4, APFS,
/// NTFS count 255 bytes or UTF-16 units).
pub(crate) const MAX_NAME_BYTES: usize = 255;

/// Every output of a run, in the order pages are listed and reported, and
/// the groups the runner runs them in.
pub(crate) struct Plan {
    pub(crate) jobs: Vec<Job>,
    /// Indexes into `jobs`; the jobs of one group run one after the other.
    pub(crate) groups: Vec<Vec<usize>>,
}

/// What a run makes besides the pages.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PlanOptions {
    pub(crate) pdf: bool,
}

pub(crate) fn plan(site: &Site, options: PlanOptions) -> (Plan, Diagnostics) {
    let lang = site.config.language.as_str();
    let mut jobs = Vec::new();
    for kind in PAGE_KINDS {
        jobs.extend(pages_of(site, kind));
    }
    if options.pdf {
        for code in site.data.country_codes() {
            let url = routes::country_report_pdf(code);
            jobs.push(Job::new(Make::Pdf(code.to_string()), url, "the PDF reports", Some(code.to_string()), lang));
        }
    }
    for download in Download::all(site) {
        let url = download.url();
        let group = match &download {
            Download::CountryJson(code) => Some(code.clone()),
            _ => None,
        };
        jobs.push(Job::new(Make::Download(download), url, "the data downloads", group, lang));
    }
    let pages = jobs.iter().filter(|j| j.is_page() && j.path.ends_with("index.html")).count();
    let parts = pages.div_ceil(exports::SITEMAP_URLS);
    if parts <= 1 {
        jobs.push(Job::new(Make::Sitemap(None), routes::SITEMAP.into(), "the sitemap", None, lang));
    } else {
        jobs.push(Job::new(Make::SitemapIndex(parts), routes::SITEMAP.into(), "the sitemap", None, lang));
        for n in 1..=parts {
            jobs.push(Job::new(Make::Sitemap(Some(n)), routes::sitemap_part(n), "the sitemap", None, lang));
        }
    }
    if exports::feed_url(site).is_some() {
        jobs.push(Job::new(Make::Feed, routes::FEED.into(), "the feed", None, lang));
    }
    for (path, abs) in &site.static_files {
        let origin = format!("static/{path}");
        jobs.push(Job::new(Make::Static(abs.clone()), routes::static_file(path), &origin, None, lang));
    }
    for asset in site.theme_assets.iter().filter(|a| !a.from_site) {
        let url = routes::static_file(asset.path);
        jobs.push(Job::new(Make::Theme(asset.bytes.clone()), url, "the built-in theme", None, lang));
    }
    let mut diagnostics = check_paths(site, &jobs);
    report_orphan_narratives(site, &jobs, &mut diagnostics);
    let groups = groups(&jobs);
    (Plan { jobs, groups }, diagnostics)
}

fn pages_of(site: &Site, kind: &'static PageKind) -> Vec<Job> {
    (kind.pages)(site)
        .into_iter()
        .map(|subject| {
            let url = (kind.url)(site, &subject);
            let origin = match &subject {
                Subject::Doc(r) => site.content.doc(*r).source.path.clone(),
                _ => format!("the generated page {}", kind.name),
            };
            let group = (kind.group)(&subject);
            Job::new(Make::Page(kind, subject), url, &origin, group, &site.config.language)
        })
        .collect()
}

/// Jobs sharing a group key run together, in the order of the plan; the
/// others alone. Groups are listed in the order of their first job.
fn groups(jobs: &[Job]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (i, job) in jobs.iter().enumerate() {
        match &job.group {
            Some(key) => match by_key.get(key.as_str()) {
                Some(&g) => groups[g].push(i),
                None => {
                    by_key.insert(key, groups.len());
                    groups.push(vec![i]);
                }
            },
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// Two outputs at one path, a file where a folder must be, names too long.
fn check_paths(site: &Site, jobs: &[Job]) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let mut first: BTreeMap<&str, &Job> = BTreeMap::new();
    for job in jobs {
        if !routes::is_contained(&job.path) {
            diagnostics.push(located(
                job,
                Diagnostic::error(
                    Code::DuplicateOutput,
                    format!("`{}` would be written outside the output folder", job.path),
                ),
            ));
            continue;
        }
        if let Some(long) = job.path.split('/').find(|name| name.len() > MAX_NAME_BYTES) {
            let shown: String = long.chars().take(40).collect();
            diagnostics.push(at_slug(
                site,
                job,
                Diagnostic::error(
                    Code::NameTooLong,
                    format!(
                        "`{shown}…` would be a file or folder name of {} bytes; file systems allow {MAX_NAME_BYTES}",
                        long.len()
                    ),
                )
                .with_help("give the page a shorter `slug`, or the file a shorter name"),
            ));
            continue;
        }
        match first.get(job.path.as_str()) {
            Some(earlier) if matches!(job.make, Make::Theme(_)) => {
                let _ = earlier; // the site's own file replaces the theme's
            }
            Some(earlier) => diagnostics.push(
                located(
                    job,
                    Diagnostic::error(
                        Code::DuplicateOutput,
                        format!("`{}` is produced twice: by {} and by {}", job.path, earlier.origin, job.origin),
                    ),
                )
                .with_help("two things are published at one URL: rename the page or give it another `slug`"),
            ),
            None => {
                first.insert(&job.path, job);
            }
        }
    }
    // A file at a path where another output needs a folder.
    let folders: BTreeSet<&str> = first.keys().flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i])).collect();
    for folder in folders {
        let Some(file) = first.get(folder) else { continue };
        let below = first.range::<str, _>((std::ops::Bound::Excluded(folder), std::ops::Bound::Unbounded));
        let Some((inner_path, inner)) = below
            .map(|(p, j)| (*p, *j))
            .find(|(p, _)| p.strip_prefix(folder).is_some_and(|rest| rest.starts_with('/')))
        else {
            continue;
        };
        // Blame a file of the site: the one in the way, else the one inside.
        let blamed = if is_site_file(file) || !is_site_file(inner) { file } else { inner };
        diagnostics.push(
            located(
                blamed,
                Diagnostic::error(
                    Code::DuplicateOutput,
                    format!(
                        "`{folder}` is a file (made by {}) where {} needs a folder (`{inner_path}`)",
                        file.origin, inner.origin
                    ),
                ),
            )
            .with_help("rename or move one of them: a file and a folder cannot have the same name"),
        );
    }
    diagnostics
}

fn is_site_file(job: &Job) -> bool {
    job.origin.starts_with("content/") || job.origin.starts_with("static/")
}

/// A name too long for a content page is most often its `slug`: point at it.
fn at_slug(site: &Site, job: &Job, d: Diagnostic) -> Diagnostic {
    if let Make::Page(_, Subject::Doc(r)) = &job.make {
        let doc = site.content.doc(*r);
        if let Some(position) = doc.front.slug_at {
            return d.at(&doc.source, position);
        }
    }
    located(job, d)
}

/// Put a diagnostic at the file that asked for the output, when it is one.
fn located(job: &Job, d: Diagnostic) -> Diagnostic {
    if is_site_file(job) { d.in_file(&job.origin) } else { d }
}

/// A narrative whose generated page does not exist is an error.
fn report_orphan_narratives(site: &Site, jobs: &[Job], diagnostics: &mut Diagnostics) {
    let urls: BTreeSet<&str> = jobs.iter().map(|j| j.url.as_str()).collect();
    for (url, doc) in &site.content.narratives {
        if !urls.contains(url.as_str()) {
            diagnostics.push(
                Diagnostic::error(Code::OrphanNarrative, format!("no page is generated at `{url}` for this narrative"))
                    .at(&doc.source, Position::new(1, 1))
                    .with_help("files in content/countries/, content/indicators/ and content/corridors/ are named after a country code, an indicator id or a corridor (`ma-es`)"),
            );
        }
    }
}
