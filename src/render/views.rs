//! View structs: exactly what templates receive (a public API).
//!
//! Every field here is documented in docs/templates.md and pinned by a test.
//! Views hold ready-to-print values: URLs already carry the base path,
//! Markdown is already HTML (written with `| safe`), numbers are formatted.
//! Model types are never handed to templates directly.

use serde::Serialize;

use crate::config::Config;
use crate::markdown::TocEntry;

/// `config`: the site settings, in every template.
#[derive(Debug, Serialize)]
pub(crate) struct ConfigView {
    pub(crate) title: String,
    pub(crate) base_url: String,
    pub(crate) base_path: String,
    pub(crate) description: Option<String>,
    pub(crate) language: String,
    pub(crate) author: Option<String>,
    pub(crate) date: Option<String>,
}

impl ConfigView {
    pub(crate) fn new(config: &Config) -> Self {
        ConfigView {
            title: config.title.clone(),
            base_url: config.base_url.clone(),
            base_path: config.base_path.clone(),
            description: config.description.clone(),
            language: config.language.clone(),
            author: config.author.clone(),
            date: config.date.clone(),
        }
    }
}

/// A titled link (`url` is ready for `href`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct LinkView {
    pub(crate) title: String,
    pub(crate) url: String,
}

/// `theme`: the theme's own files, in every template.
#[derive(Debug, Serialize)]
pub(crate) struct ThemeView {
    pub(crate) stylesheet: String,
    pub(crate) print_stylesheet: String,
    pub(crate) icon: String,
    /// Progressive enhancement only (sortable tables); pages work without it.
    pub(crate) script: String,
    /// The Atom feed, when the site has dated pages.
    pub(crate) feed: Option<String>,
    pub(crate) home: String,
}

/// One entry of a listing (section pages, subsections).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ListItem {
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) url: String,
    pub(crate) date: Option<String>,
}

/// `page` in `page.html` (and any template a page names in `template`).
#[derive(Debug, Serialize)]
pub(crate) struct PageView {
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) url: String,
    pub(crate) permalink: String,
    pub(crate) date: Option<String>,
    /// Nested headings (levels 2-3); empty when the page shows no table of contents.
    pub(crate) toc: Vec<TocEntry>,
    /// Rendered HTML: write it with `{{ page.content | safe }}`.
    pub(crate) content: String,
    pub(crate) word_count: usize,
    pub(crate) reading_minutes: usize,
    /// From the home page down to the parent section.
    pub(crate) breadcrumbs: Vec<LinkView>,
    pub(crate) previous: Option<LinkView>,
    pub(crate) next: Option<LinkView>,
    pub(crate) section: LinkView,
}

/// `section` in `section.html` and `home.html`.
#[derive(Debug, Serialize)]
pub(crate) struct SectionView {
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) url: String,
    pub(crate) permalink: String,
    pub(crate) date: Option<String>,
    pub(crate) toc: Vec<TocEntry>,
    pub(crate) content: String,
    /// Pages of the section by weight, then title.
    pub(crate) pages: Vec<ListItem>,
    /// Sections directly below, by weight, then title.
    pub(crate) subsections: Vec<ListItem>,
    /// Pages and subsections in one list, by weight, then title: what the
    /// section lists, in reading order.
    pub(crate) children: Vec<ListItem>,
    pub(crate) breadcrumbs: Vec<LinkView>,
    pub(crate) previous: Option<LinkView>,
    pub(crate) next: Option<LinkView>,
}

/// Minutes at 220 words a minute, at least one.
pub(crate) fn reading_minutes(words: usize) -> usize {
    words.div_ceil(220).max(1)
}
