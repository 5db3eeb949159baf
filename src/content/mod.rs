//! The content tree: every `content/**/*.md` page, its section and its URL.
//!
//! Owns walking `content/`, splitting and checking front matter, leaving out
//! drafts, grouping pages into sections (a folder with `_index.md`), ordering
//! (weight, then title), URLs, the reading order behind previous/next links
//! and breadcrumbs. Markdown is NOT rendered here: rendering happens after the
//! whole site (data included) is validated, so shortcodes see everything.

pub(crate) mod front_matter;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::fsio::{SiteRoot, Stamp};
use crate::routes;
use crate::source::{Position, Source, SourceFile};
use front_matter::FrontMatter;

/// Folders of `content/` whose pages are generated from data. A Markdown file
/// there is a narrative added to the generated page with the same URL.
pub(crate) const GENERATED_FOLDERS: &[&str] = &["countries", "indicators", "corridors", "typology"];

/// A Markdown file with its checked front matter and its URL.
///
/// Only the front matter is kept in memory (`source` holds the file up to
/// `body_offset`, so every position in it is the file's own): the body is
/// read again when the page is rendered (`ContentTree::full_source`), so
/// that a site of 100,000 pages does not hold all their text at once.
#[derive(Debug)]
pub(crate) struct Document {
    pub(crate) source: Source,
    pub(crate) front: FrontMatter,
    pub(crate) body_offset: usize,
    /// Size and time of the file when it was read, to tell if it changed
    /// before its body is read again.
    pub(crate) stamp: Option<Stamp>,
    /// The body holds `{{`: it may call shortcodes (charts).
    pub(crate) has_shortcodes: bool,
    /// Site path, `/brief/introduction/`.
    pub(crate) url: String,
    /// Warnings about the file found while reading it (working notes).
    pub(crate) notes: Diagnostics,
}

#[derive(Debug)]
pub(crate) struct Section {
    pub(crate) doc: Document,
    pub(crate) parent: Option<usize>,
    /// Pages of this section, ordered by weight then title.
    pub(crate) pages: Vec<usize>,
    /// Sections directly below, ordered by weight then title.
    pub(crate) subsections: Vec<usize>,
}

#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) doc: Document,
    pub(crate) section: usize,
}

/// A page or a section, where either will do (reading order, breadcrumbs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum DocRef {
    Section(usize),
    Page(usize),
}

#[derive(Debug)]
pub(crate) struct ContentTree {
    /// `sections[0]` is the home page (`content/_index.md`).
    pub(crate) sections: Vec<Section>,
    pub(crate) pages: Vec<Page>,
    /// Narratives for generated pages, keyed by the URL of that page.
    pub(crate) narratives: BTreeMap<String, Document>,
    /// Previous and next document in reading order, per document.
    neighbours: BTreeMap<String, (Option<DocRef>, Option<DocRef>)>,
    /// Where the files are, to read their bodies when pages render.
    root: Option<SiteRoot>,
}

pub(crate) const HOME: usize = 0;

impl ContentTree {
    /// A document's whole file, body included, read again. An error when
    /// the file changed (or went) since the site was loaded.
    pub(crate) fn full_source(&self, doc: &Document) -> Result<Source, Diagnostic> {
        let (Some(stamp), Some(root)) = (doc.stamp, &self.root) else { return Ok(doc.source.clone()) };
        let changed = || {
            Diagnostic::error(Code::Io, "the file changed while the site was being built")
                .in_file(doc.source.path.clone())
                .with_help("build again")
        };
        let (source, now) = root.read_stamped(&root.dir.join(&doc.source.path))?;
        if now != stamp || !source.text.starts_with(&doc.source.text) {
            return Err(changed());
        }
        Ok(source)
    }

    pub(crate) fn doc(&self, r: DocRef) -> &Document {
        match r {
            DocRef::Section(i) => &self.sections[i].doc,
            DocRef::Page(i) => &self.pages[i].doc,
        }
    }

    /// Sections from the home page down to the parent of `r`.
    pub(crate) fn ancestors(&self, r: DocRef) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut next = match r {
            DocRef::Section(i) => self.sections[i].parent,
            DocRef::Page(i) => Some(self.pages[i].section),
        };
        while let Some(i) = next {
            chain.push(i);
            next = self.sections[i].parent;
        }
        chain.reverse();
        chain
    }

    pub(crate) fn previous_and_next(&self, r: DocRef) -> (Option<DocRef>, Option<DocRef>) {
        self.neighbours.get(&self.doc(r).url).copied().unwrap_or((None, None))
    }

    /// Every document: sections first, then pages.
    pub(crate) fn documents(&self) -> impl Iterator<Item = DocRef> + '_ {
        (0..self.sections.len()).map(DocRef::Section).chain((0..self.pages.len()).map(DocRef::Page))
    }
}

/// Options from the command line that change what is loaded.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ContentOptions {
    pub(crate) drafts: bool,
}

/// One Markdown file before it is placed in the tree.
struct Loaded {
    /// Path relative to `content/`, with `/` separators.
    rel: String,
    doc: Document,
}

pub(crate) fn load_content(
    root: &SiteRoot,
    site_title: &str,
    options: ContentOptions,
    diagnostics: &mut Diagnostics,
) -> ContentTree {
    let content_dir = root.dir.join("content");
    let mut walk_problems = Vec::new();
    let files = root.files_under(&content_dir, &mut walk_problems);
    walk_problems.into_iter().for_each(|d| diagnostics.push(d));

    // Read and parse every file in parallel; the tree is built in path order.
    use rayon::prelude::*;
    let read: Vec<(String, Result<Document, Diagnostics>)> = files
        .par_iter()
        .map(|path| {
            let rel = relative_to(&content_dir, path);
            if !rel.ends_with(".md") {
                let d = Diagnostic::warning(Code::NotMarkdown, "ignored: only Markdown (.md) files belong in content/")
                    .in_file(root.relative(path))
                    .with_help("put images and downloads in static/ and link to them as /file.png");
                return (rel, Err(d.into()));
            }
            let doc = load_document(root, path);
            (rel, doc)
        })
        .collect();
    let mut loaded = Vec::new();
    for (rel, doc) in read {
        match doc {
            Ok(doc) if doc.front.draft && !options.drafts => {}
            Ok(doc) => loaded.push(Loaded { rel, doc }),
            Err(errors) => diagnostics.extend(errors),
        }
    }
    let mut tree = build_tree(loaded, site_title, diagnostics);
    tree.root = Some(root.clone());
    tree
}

fn relative_to(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn load_document(root: &SiteRoot, path: &Path) -> Result<Document, Diagnostics> {
    let (source, stamp) = root.read_stamped(path).map_err(Diagnostics::from)?;
    let split = front_matter::split(&source).map_err(Diagnostics::from)?;
    let front = front_matter::parse(&source, split.yaml)?;
    let body_offset = split.body_offset;
    // Published text: a working note in it is reported with the file's other
    // problems (warnings do not stop the page).
    let mut notes = Diagnostics::new();
    crate::working_notes::check(&source, crate::working_notes::Syntax::Markdown, &mut notes);
    let body = &source.text[body_offset..];
    let has_shortcodes = body.contains("{{");
    // Keep the front matter; the body is read again when the page renders.
    let stamp = (!body.is_empty()).then_some(stamp);
    let front_matter = SourceFile::new(source.path.clone(), &source.text[..body_offset]);
    Ok(Document { source: front_matter, front, body_offset, stamp, has_shortcodes, url: String::new(), notes })
}

/// Place documents into sections, give them URLs, order them.
fn build_tree(loaded: Vec<Loaded>, site_title: &str, diagnostics: &mut Diagnostics) -> ContentTree {
    let (narrative_files, loaded): (Vec<Loaded>, Vec<Loaded>) =
        loaded.into_iter().partition(|l| GENERATED_FOLDERS.iter().any(|f| l.rel.starts_with(&format!("{f}/"))));

    // Section folders (relative to content/, "" = home) and their slugs.
    let mut section_dirs: BTreeMap<String, Document> = BTreeMap::new();
    let mut page_docs: Vec<(String, Document)> = Vec::new();
    for l in loaded {
        match l.rel.strip_suffix("_index.md") {
            Some(dir) => {
                section_dirs.insert(dir.trim_end_matches('/').to_string(), l.doc);
            }
            None => page_docs.push((l.rel, l.doc)),
        }
    }
    if !section_dirs.contains_key("") {
        section_dirs.insert(String::new(), synthetic_home(site_title));
    }
    let slugs: BTreeMap<String, Option<String>> =
        section_dirs.iter().map(|(dir, doc)| (dir.clone(), doc.front.slug.clone())).collect();

    let mut sections: Vec<Section> = Vec::new();
    let mut index_of: BTreeMap<String, usize> = BTreeMap::new();
    for (dir, mut doc) in section_dirs {
        doc.url = folder_url(&dir, &slugs).unwrap_or_else(|name| {
            diagnostics.push(no_slug_error(&doc, &name, "folder"));
            String::new()
        });
        index_of.insert(dir, sections.len());
        sections.push(Section { doc, parent: None, pages: Vec::new(), subsections: Vec::new() });
    }
    let dirs: Vec<String> = index_of.keys().cloned().collect();
    for dir in &dirs {
        if dir.is_empty() {
            continue;
        }
        let parent = nearest_section(parent_dir(dir), &index_of);
        let i = index_of[dir];
        sections[i].parent = Some(parent);
        sections[parent].subsections.push(i);
    }

    let mut pages = Vec::new();
    for (rel, mut doc) in page_docs {
        let (dir, file) = rel.rsplit_once('/').unwrap_or(("", rel.as_str()));
        let stem = file.trim_end_matches(".md");
        let segment = doc.front.slug.clone().unwrap_or_else(|| routes::slug(stem));
        match folder_url(dir, &slugs) {
            Err(name) => diagnostics.push(no_slug_error(&doc, &name, "folder")),
            Ok(_) if segment.is_empty() => diagnostics.push(no_slug_error(&doc, file, "file")),
            Ok(folder) => {
                doc.url =
                    routes::content([folder.trim_matches('/'), segment.as_str()].into_iter().filter(|s| !s.is_empty()))
            }
        }
        let section = nearest_section(dir, &index_of);
        sections[section].pages.push(pages.len());
        pages.push(Page { doc, section });
    }

    let narratives = place_narratives(narrative_files, diagnostics);
    let mut tree = ContentTree { sections, pages, narratives, neighbours: BTreeMap::new(), root: None };
    order_children(&mut tree);
    url_collisions(&tree, diagnostics);
    tree.neighbours = reading_order_neighbours(&tree);
    tree
}

fn synthetic_home(site_title: &str) -> Document {
    Document {
        source: SourceFile::new("content/_index.md", ""),
        front: FrontMatter {
            title: site_title.to_string(),
            description: None,
            weight: None,
            date: None,
            draft: false,
            slug: None,
            slug_at: None,
            template: None,
            toc: Some(false),
        },
        body_offset: 0,
        stamp: None,
        has_shortcodes: false,
        url: "/".into(),
        notes: Diagnostics::new(),
    }
}

fn parent_dir(dir: &str) -> &str {
    dir.rsplit_once('/').map_or("", |(parent, _)| parent)
}

fn nearest_section(mut dir: &str, index_of: &BTreeMap<String, usize>) -> usize {
    loop {
        if let Some(&i) = index_of.get(dir) {
            return i;
        }
        if dir.is_empty() {
            return HOME;
        }
        dir = parent_dir(dir);
    }
}

/// `/brief/why-emigrants-succeed/` for the folder `brief/Why emigrants succeed`;
/// a section's `slug` replaces its folder's segment for everything below it.
/// The name of a folder that makes no slug (`???`) is the error.
fn folder_url(dir: &str, slugs: &BTreeMap<String, Option<String>>) -> Result<String, String> {
    let mut segments = Vec::new();
    let mut path = String::new();
    for name in dir.split('/').filter(|s| !s.is_empty()) {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(name);
        let segment = slugs.get(&path).cloned().flatten().unwrap_or_else(|| routes::slug(name));
        if segment.is_empty() {
            return Err(name.to_string());
        }
        segments.push(segment);
    }
    Ok(routes::content(segments.iter().map(String::as_str)))
}

/// A file or folder name with no letter or digit gives no URL.
fn no_slug_error(doc: &Document, name: &str, what: &str) -> Diagnostic {
    let help = match what {
        "file" => "rename the file, or give the page a `slug:` in its front matter",
        _ => "rename the folder, or give it an `_index.md` with a `slug:`",
    };
    Diagnostic::error(
        Code::NoSlug,
        format!("no URL can be made from the {what} name `{name}`: it has no letter or digit"),
    )
    .at(&doc.source, Position::new(1, 1))
    .with_help(help)
}

/// `content/countries/ma.md` narrates `/countries/ma/` (`MA.md` too: the
/// file name is made a slug like any other). Two files for one page are an
/// error naming both.
fn place_narratives(files: Vec<Loaded>, diagnostics: &mut Diagnostics) -> BTreeMap<String, Document> {
    let mut narratives: BTreeMap<String, Document> = BTreeMap::new();
    for Loaded { rel, mut doc } in files {
        let (dir, file) = rel.rsplit_once('/').unwrap_or(("", rel.as_str()));
        if dir.contains('/') {
            diagnostics.push(
                Diagnostic::error(
                    Code::MisplacedNarrative,
                    format!(
                        "`content/{dir}/` is generated from data; only files directly in `content/{}/` are used",
                        dir.split('/').next().unwrap_or(dir)
                    ),
                )
                .in_file(doc.source.path.clone()),
            );
            continue;
        }
        let stem = file.trim_end_matches(".md");
        let page = if stem == "_index" { String::new() } else { routes::slug(stem) };
        doc.url = routes::content([dir, page.as_str()].into_iter().filter(|s| !s.is_empty()));
        if let Some(first) = narratives.get(&doc.url) {
            diagnostics.push(duplicate_url_error(&doc, first, Position::new(1, 1)));
            continue;
        }
        narratives.insert(doc.url.clone(), doc);
    }
    narratives
}

impl ContentTree {
    /// A section's pages and subsections in one list, by weight, then title:
    /// the order of its listing and of reading.
    pub(crate) fn children(&self, section: usize) -> Vec<DocRef> {
        let s = &self.sections[section];
        let mut children: Vec<DocRef> =
            s.pages.iter().map(|&p| DocRef::Page(p)).chain(s.subsections.iter().map(|&c| DocRef::Section(c))).collect();
        children.sort_by_cached_key(|&r| sort_key(self.doc(r)));
        children
    }
}

fn sort_key(doc: &Document) -> (bool, i64, String, String) {
    (doc.front.weight.is_none(), doc.front.weight.unwrap_or(0), doc.front.title.to_lowercase(), doc.url.clone())
}

fn order_children(tree: &mut ContentTree) {
    for s in 0..tree.sections.len() {
        let mut pages = std::mem::take(&mut tree.sections[s].pages);
        pages.sort_by_cached_key(|&p| sort_key(&tree.pages[p].doc));
        let mut subs = std::mem::take(&mut tree.sections[s].subsections);
        subs.sort_by_cached_key(|&c| sort_key(&tree.sections[c].doc));
        tree.sections[s].pages = pages;
        tree.sections[s].subsections = subs;
    }
}

fn url_collisions(tree: &ContentTree, diagnostics: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &Document> = BTreeMap::new();
    for r in tree.documents() {
        let doc = tree.doc(r);
        if doc.url.is_empty() {
            continue; // no URL could be made: reported already
        }
        let Some(first) = seen.insert(&doc.url, doc) else { continue };
        // Blame the page whose `slug` moved it onto the other one, if any.
        let (culprit, other) =
            if first.front.slug_at.is_some() && doc.front.slug_at.is_none() { (first, doc) } else { (doc, first) };
        let position = culprit.front.slug_at.unwrap_or(Position::new(1, 1));
        diagnostics.push(duplicate_url_error(culprit, other, position));
    }
}

fn duplicate_url_error(culprit: &Document, other: &Document, position: Position) -> Diagnostic {
    Diagnostic::error(
        Code::DuplicateUrl,
        format!("this page and `{}` are both published at `{}`", other.source.path, culprit.url),
    )
    .at(&culprit.source, position)
    .with_help("give one of them another file name or a different `slug`")
}

/// Reading order: a depth-first walk of each top-level section, where a
/// section's pages and subsections interleave by weight, then title.
/// Previous/next links never cross from one top-level section into another.
fn reading_order_neighbours(tree: &ContentTree) -> BTreeMap<String, (Option<DocRef>, Option<DocRef>)> {
    let mut neighbours = BTreeMap::new();
    for &top in &tree.sections[HOME].subsections {
        let mut order = Vec::new();
        walk_reading_order(tree, top, &mut order);
        for (i, r) in order.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| order[j]);
            let next = order.get(i + 1).copied();
            neighbours.insert(tree.doc(*r).url.clone(), (prev, next));
        }
    }
    neighbours
}

/// Depth first, with a stack of its own: folders may nest as deep as the
/// file system allows, and no input may drive a recursion.
fn walk_reading_order(tree: &ContentTree, section: usize, order: &mut Vec<DocRef>) {
    let mut stack = vec![DocRef::Section(section)];
    while let Some(next) = stack.pop() {
        order.push(next);
        if let DocRef::Section(s) = next {
            stack.extend(tree.children(s).into_iter().rev());
        }
    }
}
