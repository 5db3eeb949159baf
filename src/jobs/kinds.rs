//! The registry of page kinds: one entry per kind of page the site can
//! have, saying which pages of that kind exist, where each is published,
//! which charts it shows and how its view is built.
//!
//! Adding a page kind is one entry here plus its view builder (in
//! `crate::render`) and its template (in `templates/`, listed in
//! `theme::BUILTIN_TEMPLATES`). The planner (`plan`) and the runner
//! (`super`) know nothing of any particular kind.

use tera::Tera;

use crate::content::{DocRef, HOME};
use crate::render::charts::ChartRequest;
use crate::render::data_pages::{self, Narratives};
use crate::render::{self, Page, report_pages, typology_pages};
use crate::routes;
use crate::site::Site;

/// What one page is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Subject {
    /// The site as a whole (an index, the 404 page).
    Site,
    /// A page or section of `content/`.
    Doc(DocRef),
    Country(String),
    Indicator(String),
    Corridor(String, String),
}

/// What building a page may use besides the site.
pub(crate) struct BuildContext<'a> {
    pub(crate) site: &'a Site,
    pub(crate) tera: &'a Tera,
    /// The narratives the page shows (rendered by the runner, in the job).
    pub(crate) narratives: &'a Narratives,
    /// The run writes PDF reports (country pages link to them).
    pub(crate) pdf: bool,
}

/// A kind of page.
pub(crate) struct PageKind {
    /// Its name in docs/templates.md and in diagnostics.
    pub(crate) name: &'static str,
    /// The pages of this kind the site has.
    pub(crate) pages: fn(&Site) -> Vec<Subject>,
    /// Where a page is published (site path).
    pub(crate) url: fn(&Site, &Subject) -> String,
    /// The pages whose narrative (a Markdown file of `content/countries/`,
    /// …) this page shows, by their URL (the page's own is given).
    pub(crate) narratives: fn(&Subject, &str) -> Vec<String>,
    /// The charts the page shows (the runner counts them in advance, so that
    /// each is drawn once and dropped after its last page).
    pub(crate) charts: fn(&Site, &Subject) -> Vec<ChartRequest>,
    /// The page's template and context.
    pub(crate) build: fn(&BuildContext<'_>, &Subject) -> Option<Page>,
    /// Pages of the same group run one after the other (a country's page
    /// and its report share their charts).
    pub(crate) group: fn(&Subject) -> Option<String>,
}

fn none(_: &Site, _: &Subject) -> Vec<ChartRequest> {
    Vec::new()
}

fn no_group(_: &Subject) -> Option<String> {
    None
}

fn country_group(subject: &Subject) -> Option<String> {
    match subject {
        Subject::Country(code) => Some(code.clone()),
        _ => None,
    }
}

fn own_url(_: &Subject, url: &str) -> Vec<String> {
    vec![url.to_string()]
}

fn doc_url(site: &Site, subject: &Subject) -> String {
    match subject {
        Subject::Doc(r) => site.content.doc(*r).url.clone(),
        _ => String::new(),
    }
}

fn doc_charts(site: &Site, subject: &Subject) -> Vec<ChartRequest> {
    match subject {
        Subject::Doc(r) => render::embeds::chart_requests(site, site.content.doc(*r)),
        _ => Vec::new(),
    }
}

fn doc_page(cx: &BuildContext<'_>, subject: &Subject) -> Option<Page> {
    match subject {
        Subject::Doc(r) => Some(render::document_page(cx.site, cx.tera, *r)),
        _ => None,
    }
}

fn no_narratives(_: &Subject, _: &str) -> Vec<String> {
    Vec::new()
}

fn with_data(site: &Site) -> Vec<Subject> {
    if site.data.is_empty() { Vec::new() } else { vec![Subject::Site] }
}

fn with_origins(site: &Site) -> Vec<Subject> {
    if site.data.has_origins() { vec![Subject::Site] } else { Vec::new() }
}

fn countries(site: &Site) -> Vec<Subject> {
    if site.data.is_empty() {
        Vec::new()
    } else {
        site.data.country_codes().map(|c| Subject::Country(c.into())).collect()
    }
}

fn code(subject: &Subject) -> &str {
    match subject {
        Subject::Country(code) | Subject::Indicator(code) => code,
        _ => "",
    }
}

/// Every kind of page, in the order their pages are listed (and reported).
pub(crate) const PAGE_KINDS: &[PageKind] = &[
    PageKind {
        name: "home",
        pages: |_| vec![Subject::Doc(DocRef::Section(HOME))],
        url: doc_url,
        narratives: no_narratives,
        charts: doc_charts,
        build: doc_page,
        group: no_group,
    },
    PageKind {
        name: "section",
        pages: |site| (1..site.content.sections.len()).map(|i| Subject::Doc(DocRef::Section(i))).collect(),
        url: doc_url,
        narratives: no_narratives,
        charts: doc_charts,
        build: doc_page,
        group: no_group,
    },
    PageKind {
        name: "page",
        pages: |site| (0..site.content.pages.len()).map(|i| Subject::Doc(DocRef::Page(i))).collect(),
        url: doc_url,
        narratives: no_narratives,
        charts: doc_charts,
        build: doc_page,
        group: no_group,
    },
    PageKind {
        name: "countries",
        pages: with_data,
        url: |_, _| routes::COUNTRIES.into(),
        narratives: own_url,
        charts: none,
        build: |cx, _| Some(data_pages::countries_page(cx.site, cx.narratives)),
        group: no_group,
    },
    PageKind {
        name: "country",
        pages: countries,
        url: |_, s| routes::country(code(s)),
        narratives: own_url,
        charts: |site, s| {
            site.data.country(code(s)).map(|c| data_pages::country_profile_charts(site, c)).unwrap_or_default()
        },
        build: |cx, s| data_pages::country_page(cx.site, code(s), cx.narratives, cx.pdf),
        group: country_group,
    },
    PageKind {
        name: "indicators",
        pages: with_data,
        url: |_, _| routes::INDICATORS.into(),
        narratives: own_url,
        charts: none,
        build: |cx, _| Some(data_pages::indicators_page(cx.site, cx.narratives)),
        group: no_group,
    },
    PageKind {
        name: "indicator",
        pages: |site| {
            if site.data.is_empty() {
                return Vec::new();
            }
            site.data.indicator_ids().map(|id| Subject::Indicator(id.into())).collect()
        },
        url: |_, s| routes::indicator(code(s)),
        narratives: own_url,
        charts: |site, s| site.data.indicator(code(s)).map(data_pages::indicator_charts).unwrap_or_default(),
        build: |cx, s| data_pages::indicator_page(cx.site, code(s), cx.narratives),
        group: no_group,
    },
    PageKind {
        name: "corridor",
        pages: |site| {
            if site.data.is_empty() {
                return Vec::new();
            }
            site.data.corridors().iter().map(|c| Subject::Corridor(c.origin.clone(), c.destination.clone())).collect()
        },
        url: |_, s| match s {
            Subject::Corridor(o, d) => routes::corridor(o, d),
            _ => String::new(),
        },
        narratives: own_url,
        charts: |site, s| match s {
            Subject::Corridor(o, d) => data_pages::corridor_page_charts(site, o, d),
            _ => Vec::new(),
        },
        build: |cx, s| match s {
            Subject::Corridor(o, d) => Some(data_pages::corridor_page(cx.site, o, d, cx.narratives)),
            _ => None,
        },
        group: no_group,
    },
    PageKind {
        name: "typology",
        pages: with_origins,
        url: |_, _| routes::TYPOLOGY.into(),
        narratives: own_url,
        charts: |_, _| vec![typology_pages::quadrant_chart()],
        build: |cx, _| Some(typology_pages::typology_page(cx.site, cx.narratives)),
        group: no_group,
    },
    PageKind {
        name: "method",
        pages: with_origins,
        url: |_, _| routes::TYPOLOGY_METHOD.into(),
        narratives: own_url,
        charts: none,
        build: |cx, _| Some(typology_pages::method_page(cx.site, cx.narratives)),
        group: no_group,
    },
    PageKind {
        name: "report",
        pages: countries,
        url: |_, s| routes::country_report(code(s)),
        // The report shows the country's narrative.
        narratives: |s, _| vec![routes::country(code(s))],
        charts: |site, s| {
            site.data.country(code(s)).map(|c| data_pages::country_profile_charts(site, c)).unwrap_or_default()
        },
        build: |cx, s| Some(report_pages::report_page_of(cx.site, code(s), cx.narratives, cx.pdf)),
        group: country_group,
    },
    PageKind {
        name: "404",
        pages: |_| vec![Subject::Site],
        url: |_, _| routes::NOT_FOUND.into(),
        narratives: no_narratives,
        charts: none,
        build: |cx, _| Some(render::not_found_page(cx.site)),
        group: no_group,
    },
];
