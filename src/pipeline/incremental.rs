//! The dev server's build: a run kept in memory, run again only where a
//! change reaches.
//!
//! Owns deciding what a set of changed files reaches (`reach`) and re-running
//! only the jobs whose recorded inputs it touches, on the newly loaded site,
//! merging their files, facts and problems into the kept run. A change whose
//! reach is unclear (config.yaml, a file added or removed, front matter, a
//! country's roles, the theme's own stylesheets, anything after a failed
//! build) runs every job. The files kept are exactly what a clean `build` of
//! the same site would write (a test edits a site many ways and compares).
//! It knows nothing of HTTP or of watching files (`crate::serve` does).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::Document;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::jobs::links::CheckedPage;
use crate::jobs::plan::Plan;
use crate::jobs::{Done, JobResult, Make, Progress, RunOptions, Runner};
use crate::output::{MemorySink, OutputFile};
use crate::pipeline;
use crate::scope::{Input, Inputs};
use crate::site::Site;

/// The files of the last good build, shared with whoever serves them (a
/// rebuild copies the map, not the bytes).
pub(crate) type Files = Arc<BTreeMap<String, Arc<OutputFile>>>;

/// A build kept in memory.
pub(crate) struct Dev {
    site_dir: PathBuf,
    options: pipeline::RunOptions,
    /// The last build that succeeded (what is served), if any.
    kept: Option<Kept>,
    /// The last build failed: the next one runs every job.
    failed: bool,
    /// Data files decoded by earlier loads.
    decoded: crate::data::DecodeCache,
    /// Jobs a change reached that are run after the rebuild is announced
    /// (`run_later`): the data downloads, which no page shows.
    later: Vec<usize>,
}

/// A successful run and everything needed to run part of it again.
struct Kept {
    site: Site,
    plan: Plan,
    done: Vec<Done>,
    pages: Vec<Option<CheckedPage>>,
    /// Problems each job found (warnings, since the run succeeded).
    found: Vec<Vec<Diagnostic>>,
    files: Files,
    warnings: Diagnostics,
}

/// What a build (or rebuild) did.
#[derive(Debug)]
pub(crate) struct Rebuilt {
    /// `None` when every job ran; else how many pages ran again.
    pub(crate) pages_rendered: usize,
    pub(crate) all: bool,
    /// Why every job ran, when it did (`config.yaml changed`).
    pub(crate) why_all: Option<String>,
    /// Every changed file is a stylesheet: a page can swap it in place.
    pub(crate) css_only: bool,
    /// Output paths still being made again (`Dev::run_later`): until then
    /// their previous bytes are stale, and a request for one should wait.
    pub(crate) pending: Vec<String>,
    /// Errors (the build failed, the previous files are kept) and warnings.
    pub(crate) diagnostics: Diagnostics,
    pub(crate) took: Duration,
}

impl Rebuilt {
    pub(crate) fn failed(&self) -> bool {
        self.diagnostics.has_errors()
    }
}

impl Dev {
    pub(crate) fn new(site_dir: &Path, options: pipeline::RunOptions) -> Dev {
        Dev {
            site_dir: site_dir.to_path_buf(),
            options,
            kept: None,
            failed: true,
            decoded: Default::default(),
            later: Vec::new(),
        }
    }

    /// The files of the last good build.
    pub(crate) fn files(&self) -> Option<Files> {
        self.kept.as_ref().map(|k| k.files.clone())
    }

    /// The last good build as an `Output` (for tests).
    #[cfg(test)]
    pub(crate) fn output(&self) -> Option<crate::output::Output> {
        self.kept
            .as_ref()
            .map(|k| crate::output::Output { files: k.files.iter().map(|(p, f)| (p.clone(), (**f).clone())).collect() })
    }

    /// The site's `base_url` path (`/brief`), once a build succeeded.
    pub(crate) fn base_path(&self) -> Option<String> {
        self.kept.as_ref().map(|k| k.site.config.base_path.clone())
    }

    /// Build again after `changed` files (paths relative to the site folder;
    /// empty: build everything).
    /// Call `run_later` before the next rebuild when `pending` is not empty.
    pub(crate) fn rebuild(&mut self, changed: &[String]) -> Rebuilt {
        self.run_later();
        let started = Instant::now();
        crate::timings::reset();
        let (site, diagnostics) = pipeline::load_cached(&self.site_dir, &self.options, Some(&self.decoded));
        let Some(site) = site else {
            self.failed = true;
            return Rebuilt::failure(diagnostics.sorted(), started);
        };
        let run_options = self.run_options();
        let (plan, plan_diagnostics) = crate::jobs::make_plan(&site, run_options);
        let mut load_warnings = diagnostics;
        if plan_diagnostics.has_errors() {
            self.failed = true;
            load_warnings.extend(plan_diagnostics);
            return Rebuilt::failure(load_warnings.sorted(), started);
        }
        load_warnings.extend(plan_diagnostics);
        let reach = match (&self.kept, self.failed, changed.is_empty()) {
            (Some(kept), false, false) => reach(kept, &site, &plan, changed),
            (None, _, _) => Err("first build".to_string()),
            (_, true, _) => Err("the last build failed".to_string()),
            (_, _, true) => Err("a full build was asked for".to_string()),
        };
        let mut rebuilt = match reach {
            Ok(dirty) => self.run_part(site, plan, load_warnings, &dirty, started),
            Err(why) => self.run_all(site, plan, load_warnings, why, started),
        };
        // A change of stylesheets only: open pages can swap them in place.
        rebuilt.css_only = !changed.is_empty() && changed.iter().all(|p| p.ends_with(".css"));
        rebuilt
    }

    fn run_options(&self) -> RunOptions {
        let severity = if self.options.strict_links {
            crate::jobs::links::LinkSeverity::Error
        } else {
            crate::jobs::links::LinkSeverity::Warning
        };
        RunOptions { link_severity: severity, pdf: self.options.pdf, collect_web_links: false }
    }

    fn run_all(
        &mut self,
        site: Site,
        plan: Plan,
        load_warnings: Diagnostics,
        why: String,
        started: Instant,
    ) -> Rebuilt {
        let sink = MemorySink::default();
        let all: Vec<usize> = (0..plan.jobs.len()).collect();
        let (results, _) = Runner::new(&site, &plan, self.run_options()).run(&all, &sink, &Progress::default());
        let count = plan.jobs.len();
        let mut kept = Kept {
            done: (0..count).map(|_| Done::default()).collect(),
            pages: (0..count).map(|_| None).collect(),
            found: vec![Vec::new(); count],
            files: Arc::new(shared(sink)),
            warnings: Diagnostics::new(),
            site,
            plan,
        };
        let pages_rendered = results.iter().filter(|(_, r)| r.page.is_some()).count();
        merge(&mut kept, results);
        let mut rebuilt = self.finish(kept, load_warnings, pages_rendered, started);
        rebuilt.all = true;
        rebuilt.why_all = Some(why);
        rebuilt
    }

    fn run_part(
        &mut self,
        site: Site,
        plan: Plan,
        load_warnings: Diagnostics,
        dirty: &Inputs,
        started: Instant,
    ) -> Rebuilt {
        let Some(old) = &self.kept else { unreachable!("run_part follows a kept build") };
        let reached = old.done.iter().enumerate().filter(|(_, d)| !d.inputs.is_disjoint(dirty)).map(|(i, _)| i);
        // What a reader sees first; the downloads after the reload is sent.
        let (later, which): (Vec<usize>, Vec<usize>) =
            reached.partition(|&i| matches!(plan.jobs[i].make, Make::Download(_)));
        let pending: Vec<String> = later.iter().map(|&i| plan.jobs[i].path.clone()).collect();
        let sink = MemorySink::default();
        let (results, _) = Runner::new(&site, &plan, self.run_options()).run(&which, &sink, &Progress::default());
        let pages_rendered = results.iter().filter(|(_, r)| r.page.is_some()).count();
        let mut files = (*old.files).clone();
        files.extend(shared(sink));
        // The previous build stays whole until this one succeeds.
        let mut kept = Kept {
            site,
            plan,
            done: old.done.clone(),
            pages: old.pages.clone(),
            found: old.found.clone(),
            files: Arc::new(files),
            warnings: Diagnostics::new(),
        };
        merge(&mut kept, results);
        let mut rebuilt = self.finish(kept, load_warnings, pages_rendered, started);
        if !rebuilt.failed() {
            self.later = later;
            rebuilt.pending = pending;
        }
        rebuilt
    }

    /// Run the jobs a rebuild left for later (see `Rebuilt::pending`) and
    /// put their files in place; whether there were any.
    pub(crate) fn run_later(&mut self) -> bool {
        let later = std::mem::take(&mut self.later);
        let options = self.run_options();
        let Some(kept) = self.kept.as_mut().filter(|_| !later.is_empty()) else {
            return false;
        };
        let sink = MemorySink::default();
        let (results, _) = Runner::new(&kept.site, &kept.plan, options).run(&later, &sink, &Progress::default());
        let mut files = (*kept.files).clone();
        files.extend(shared(sink));
        kept.files = Arc::new(files);
        merge(kept, results);
        true
    }

    /// Check the links of every page, keep the build if it succeeded.
    fn finish(
        &mut self,
        mut kept: Kept,
        load_warnings: Diagnostics,
        pages_rendered: usize,
        started: Instant,
    ) -> Rebuilt {
        let mut diagnostics = load_warnings;
        for found in &kept.found {
            found.iter().cloned().for_each(|d| diagnostics.push(d));
        }
        if !diagnostics.has_errors() {
            let checked: Vec<&CheckedPage> = kept.pages.iter().flatten().collect();
            diagnostics.extend(crate::jobs::check_links(&kept.site, &kept.plan, &checked, self.run_options()));
        }
        let diagnostics = diagnostics.sorted();
        if diagnostics.has_errors() {
            // The previous good build stays served; this one is dropped.
            self.failed = true;
            return Rebuilt::failure(diagnostics, started);
        }
        kept.warnings = diagnostics.clone();
        // The build replaced is freed on another thread: dropping a large
        // site takes long enough to be felt in the time to reload.
        if let Some(old) = self.kept.replace(kept) {
            std::thread::spawn(move || drop(old));
        }
        self.failed = false;
        Rebuilt { pages_rendered, ..Rebuilt::failure(diagnostics, started) }
    }
}

impl Rebuilt {
    fn failure(diagnostics: Diagnostics, started: Instant) -> Rebuilt {
        Rebuilt {
            pages_rendered: 0,
            all: false,
            why_all: None,
            css_only: false,
            pending: Vec::new(),
            diagnostics,
            took: started.elapsed(),
        }
    }
}

/// Put the results of some jobs in place of their earlier ones.
fn merge(kept: &mut Kept, results: Vec<(usize, JobResult)>) {
    for (i, result) in results {
        kept.found[i] = result.diagnostics;
        kept.pages[i] = result.page.map(|p| p.checked);
        kept.done[i] = result.done;
    }
}

/// The files a sink kept, each shared.
fn shared(sink: MemorySink) -> BTreeMap<String, Arc<OutputFile>> {
    sink.into_output().files.into_iter().map(|(p, f)| (p, Arc::new(f))).collect()
}

/// The inputs that `changed` files touch, or why every job must run.
fn reach(kept: &Kept, site: &Site, plan: &Plan, changed: &[String]) -> Result<Inputs, String> {
    if !same_shape(&kept.plan, plan) {
        return Err("the site's pages changed".into());
    }
    let old_docs = documents_by_path(&kept.site);
    let new_docs = documents_by_path(site);
    let mut dirty = Inputs::new();
    for path in changed {
        if path == "config.yaml" {
            return Err("config.yaml changed".into());
        }
        if path.starts_with("content/") {
            let (Some(old), Some(new)) = (old_docs.get(path.as_str()), new_docs.get(path.as_str())) else {
                return Err(format!("{path} was added or removed"));
            };
            if old.source.text != new.source.text {
                return Err(format!("the front matter of {path} changed"));
            }
            dirty.insert(Input::Content(path.clone()));
        } else if let Some(file) = path.strip_prefix("data/countries/") {
            let code = file.trim_end_matches(".yaml").to_ascii_uppercase();
            let (Some(old), Some(new)) = (kept.site.data.roles_of(&code), site.data.roles_of(&code)) else {
                return Err(format!("{path} was added or removed"));
            };
            if old != new {
                return Err(format!("the roles of {code} changed"));
            }
            dirty.insert(Input::Country(code.clone()));
            if kept.site.data.country_name(&code) != site.data.country_name(&code)
                || kept.site.data.country_name_in_text(&code) != site.data.country_name_in_text(&code)
            {
                dirty.insert(Input::CountryName(code));
            }
        } else if let Some(file) = path.strip_prefix("data/indicators/") {
            let id = file.trim_end_matches(".yaml");
            if !kept.site.data.has_indicator(id) || !site.data.has_indicator(id) {
                return Err(format!("{path} was added or removed"));
            }
            dirty.insert(Input::Indicator(id.to_string()));
        } else if let Some(name) = path.strip_prefix("templates/") {
            if !kept.site.templates.contains(name) || !site.templates.contains(name) {
                return Err(format!("{path} was added or removed"));
            }
            dirty.extend(templates_using(site, name).into_iter().map(Input::Template));
        } else if let Some(file) = path.strip_prefix("static/") {
            if site.theme_assets.iter().any(|a| a.path == file) {
                // Every page names the theme's files with a version.
                return Err(format!("{path} is one of the theme's files"));
            }
            dirty.insert(Input::Static(file.to_string()));
        } else {
            return Err(format!("{path} changed"));
        }
    }
    Ok(dirty)
}

/// Two plans with the same outputs, made by the same kinds of job for the
/// same subjects: the job numbers of one are the other's.
fn same_shape(a: &Plan, b: &Plan) -> bool {
    a.jobs.len() == b.jobs.len()
        && a.jobs.iter().zip(&b.jobs).all(|(x, y)| {
            x.path == y.path
                && match (&x.make, &y.make) {
                    (Make::Page(k1, s1), Make::Page(k2, s2)) => k1.name == k2.name && s1 == s2,
                    (Make::Static(p1), Make::Static(p2)) => p1 == p2,
                    (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
                }
        })
}

fn documents_by_path(site: &Site) -> HashMap<&str, &Document> {
    let content = &site.content;
    content
        .documents()
        .map(|r| content.doc(r))
        .chain(content.narratives.values())
        .map(|d| (d.source.path.as_str(), d))
        .collect()
}

/// A template and every template that extends, includes or imports it,
/// however indirectly (found by its quoted name in their text).
fn templates_using(site: &Site, name: &str) -> HashSet<String> {
    let mut found: HashSet<String> = HashSet::from([name.to_string()]);
    let mut queue = vec![name.to_string()];
    while let Some(used) = queue.pop() {
        let quoted = [format!("\"{used}\""), format!("'{used}'")];
        for (other, t) in &site.templates.templates {
            if !found.contains(other) && quoted.iter().any(|q| t.source.text.contains(q.as_str())) {
                found.insert(other.clone());
                queue.push(other.clone());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A copy of a fixture with some pages, and a way to edit it.
    struct Site {
        _tmp: tempfile::TempDir,
        dir: PathBuf,
    }

    impl Site {
        fn new() -> Site {
            let tmp = tempfile::tempdir().unwrap();
            let dir = tmp.path().join("site");
            let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data-basic");
            for entry in walkdir::WalkDir::new(&fixture) {
                let entry = entry.unwrap();
                let target = dir.join(entry.path().strip_prefix(&fixture).unwrap());
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&target).unwrap();
                } else {
                    std::fs::copy(entry.path(), &target).unwrap();
                }
            }
            let site = Site { _tmp: tmp, dir };
            site.write("content/brief/_index.md", "---\ntitle: The brief\n---\nChapters.\n");
            site.write(
                "content/brief/intro.md",
                "---\ntitle: Intro\ndate: 2026-01-02\n---\n## Why\n\nSee [Spain](/countries/es/) and [the end](../end/).\n\n{{ chart(indicator=\"employment-rate\", kind=\"bar\") }}\n",
            );
            site.write(
                "content/brief/end.md",
                "---\ntitle: End\nweight: 9\n---\nThe end, with [a note](#notes).\n\n## Notes\n",
            );
            site
        }

        fn write(&self, rel: &str, text: &str) {
            let path = self.dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }

        fn edit(&self, rel: &str, from: &str, to: &str) {
            let text = std::fs::read_to_string(self.dir.join(rel)).unwrap();
            assert!(text.contains(from), "{rel} has no `{from}`");
            self.write(rel, &text.replacen(from, to, 1));
        }

        fn clean_build(&self) -> BTreeMap<String, Vec<u8>> {
            let result = pipeline::run(&self.dir, &pipeline::RunOptions::default());
            assert!(!result.diagnostics.has_errors(), "{}", result.errors().render());
            bytes_of(result.output.unwrap())
        }
    }

    fn bytes_of(output: crate::output::Output) -> BTreeMap<String, Vec<u8>> {
        output
            .files
            .into_iter()
            .map(|(p, f)| match f {
                OutputFile::Bytes(b) => (p, b),
                OutputFile::Copy(from) => (p, std::fs::read(from).unwrap()),
            })
            .collect()
    }

    /// Rebuild after `changed` and insist the result is a clean build's.
    fn step(dev: &mut Dev, site: &Site, changed: &[&str]) -> Rebuilt {
        let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
        let rebuilt = dev.rebuild(&changed);
        assert!(!rebuilt.failed(), "{changed:?}: {}", rebuilt.diagnostics.render());
        assert_eq!(dev.run_later(), !rebuilt.pending.is_empty());
        let served = bytes_of(dev.output().unwrap());
        let clean = site.clean_build();
        let differ: Vec<&String> = clean.keys().filter(|p| served.get(*p) != clean.get(*p)).collect();
        assert!(
            differ.is_empty() && served.len() == clean.len(),
            "{changed:?}: served differs from a clean build in {differ:?}"
        );
        rebuilt
    }

    #[test]
    fn after_any_series_of_edits_the_served_site_is_a_clean_build() {
        let site = Site::new();
        let mut dev = Dev::new(&site.dir, pipeline::RunOptions::default());
        assert!(step(&mut dev, &site, &[]).all);
        let pages = dev.kept.as_ref().unwrap().pages.iter().flatten().count();

        // A page's text: that page only, no chart drawn again.
        site.edit("content/brief/intro.md", "## Why", "## Why it matters");
        let r = step(&mut dev, &site, &["content/brief/intro.md"]);
        assert!(!r.all && r.pages_rendered == 1, "{r:?}");

        // A country's summary: its page and report, not the others.
        site.edit("data/countries/ma.yaml", "keeps close ties", "keeps very close ties");
        let r = step(&mut dev, &site, &["data/countries/ma.yaml"]);
        assert!(!r.all && r.pages_rendered < pages / 2, "{r:?}");
        // The downloads that hold it are made after the pages.
        assert!(r.pending.iter().any(|p| p == "data/all.json"), "{r:?}");
        assert!(r.pending.iter().all(|p| p.starts_with("data/")), "{r:?}");

        // A country's name: every page that shows it.
        site.edit("data/countries/es.yaml", "name: Spain", "name: España");
        let r = step(&mut dev, &site, &["data/countries/es.yaml"]);
        assert!(!r.all, "{r:?}");

        // A value: the indicator's pages and charts.
        site.edit("data/indicators/employment-rate.yaml", "IT: {2021: 56.10", "IT: {2021: 56.20");
        assert!(!step(&mut dev, &site, &["data/indicators/employment-rate.yaml"]).all);

        // A template of the theme replaced, then edited: the pages using it
        // (through the templates that include it), not the others.
        site.write("templates/partials/pager.html", "{% if next %}<a href=\"{{ next.url }}\">Next</a>{% endif %}\n");
        assert!(!step(&mut dev, &site, &["templates/partials/pager.html"]).all);
        site.edit("templates/partials/pager.html", ">Next<", ">Next page<");
        let r = step(&mut dev, &site, &["templates/partials/pager.html"]);
        assert!(!r.all && r.pages_rendered >= 1, "{r:?}");

        // A static file added, then edited.
        site.write("static/notes.txt", "one\n");
        assert!(step(&mut dev, &site, &["static/notes.txt"]).all);
        site.write("static/notes.txt", "two\n");
        let r = step(&mut dev, &site, &["static/notes.txt"]);
        assert!(!r.all && r.pages_rendered == 0, "{r:?}");

        // Front matter and config reach everything.
        site.edit("content/brief/end.md", "title: End", "title: The end");
        assert!(step(&mut dev, &site, &["content/brief/end.md"]).all);
        site.edit("config.yaml", "title: Data fixture", "title: Data fixture, edited");
        assert!(step(&mut dev, &site, &["config.yaml"]).all);

        // A broken file keeps the last good build; fixed, all is built again.
        let before = bytes_of(dev.output().unwrap());
        site.edit("data/countries/it.yaml", "code: IT", "code: [IT");
        let failed = dev.rebuild(&["data/countries/it.yaml".to_string()]);
        assert!(failed.failed());
        assert_eq!(bytes_of(dev.output().unwrap()), before, "the last good build is kept");
        site.edit("data/countries/it.yaml", "code: [IT", "code: IT");
        assert!(step(&mut dev, &site, &["data/countries/it.yaml"]).all);
    }
}
