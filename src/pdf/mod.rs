//! PDF country reports, typeset in-process with typst (the `pdf` feature).
//!
//! The report is one typst document: the fixed template `report.typ`
//! (compiled into the binary) reads the report's data from the virtual
//! file `data.json` and its charts from `chart-N.svg`. Data never becomes
//! typst markup, so nothing in a country profile can change the layout or
//! run code; HTML fields arrive as blocks of text runs (see `html`).
//!
//! The [`World`] the compiler sees is minimal and closed: those files, the
//! standard library and the fonts compiled into the binary (the vendored
//! Noto Sans of `assets/fonts/` for text and charts, and typst's embedded
//! fonts for code). No file system, no package, no network, no system font,
//! no clock: `today()` is `None` and the PDF's creation date is the date
//! the report states its data are as of, so the same input gives the same
//! bytes.

mod data;
mod html;

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::render::data_views::{PdfMeta, ReportPageView};

/// The family of the vendored fonts: the text of the report and of its charts.
pub(crate) const FONT_FAMILY: &str = "Noto Sans";

/// Noto Sans (SIL Open Font License 1.1, see `assets/fonts/OFL.txt`).
static VENDORED_FONTS: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Italic.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-BoldItalic.ttf"),
];

/// The template; it reads everything else from `data.json`.
const TEMPLATE: &str = include_str!("report.typ");

/// What every report shares: the standard library and the fonts, loaded
/// once per process.
struct Shared {
    library: LazyHash<Library>,
    fonts: FontStore,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let mut fonts = FontStore::new();
    for data in VENDORED_FONTS {
        fonts.extend(Font::iter(Bytes::new(data)).map(|font| {
            let info = font.info().clone();
            (font, info)
        }));
    }
    fonts.extend(typst_kit::fonts::embedded());
    Shared { library: LazyHash::new(Library::default()), fonts }
});

fn file_id(path: &str) -> FileId {
    // The paths are fixed ASCII names, so this cannot fail.
    let vpath = VirtualPath::new(path).expect("a valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// One report's closed world: `main.typ`, `data.json` and the charts.
struct ReportWorld {
    main: Source,
    /// Every other file, by id (a few, so a list).
    files: Vec<(FileId, Bytes)>,
}

impl ReportWorld {
    fn new(json: String, charts: Vec<(String, String)>) -> Self {
        let main = Source::new(file_id("/main.typ"), TEMPLATE.to_string());
        let mut files = vec![(file_id("/data.json"), Bytes::from_string(json))];
        files.extend(charts.into_iter().map(|(name, svg)| (file_id(&format!("/{name}")), Bytes::from_string(svg))));
        ReportWorld { main, files }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        SHARED.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if self.files.iter().any(|(f, _)| *f == id) {
            Err(FileError::NotSource)
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.font(index)
    }

    /// No clock: a report that asked for today's date would differ from
    /// one build to the next (the template never asks).
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// One country's report as PDF bytes: the same content as the report page.
pub(crate) fn report_pdf(
    page: &ReportPageView,
    svg: &dyn Fn(&str) -> Option<String>,
    meta: &PdfMeta,
) -> Result<Vec<u8>, String> {
    let prepared = data::prepare(page, svg, meta)?;
    let world = ReportWorld::new(prepared.json, prepared.charts);
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let document = output.map_err(|errors| describe(&world, &errors))?;
    // The template and the data are ours: a warning is a bug to see, not to ship.
    if !warnings.is_empty() {
        return Err(describe(&world, &warnings));
    }
    let options = PdfOptions {
        ident: Smart::Custom(format!("polibrief-country-report-{}", page.view.code)),
        creator: Smart::Custom(Some(format!("polibrief {} (typst)", env!("CARGO_PKG_VERSION")))),
        timestamp: meta.date.as_deref().and_then(date).map(Timestamp::new_utc),
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| describe(&world, &errors))?;
    // The memoisation cache of typst grows with every document; keep what
    // the last few reports used (the next ones reuse the fonts and library).
    typst::comemo::evict(4);
    Ok(bytes)
}

/// `YYYY-MM-DD` as a typst date.
fn date(text: &str) -> Option<Datetime> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.get(..2)?.parse().ok()?;
    Datetime::from_ymd(year, month, day)
}

/// typst's diagnostics as one message, with the template line when there is one.
fn describe(world: &ReportWorld, diagnostics: &[SourceDiagnostic]) -> String {
    let lines: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            let place = d
                .span
                .id()
                .filter(|id| *id == world.main.id())
                .and_then(|_| world.range(d.span))
                .and_then(|range| world.main.lines().byte_to_line(range.start))
                .map(|line| format!(" (report.typ line {})", line + 1))
                .unwrap_or_default();
            let hints: String = d.hints.iter().map(|h| format!("; hint: {}", h.v)).collect();
            format!("{}{place}{hints}", d.message)
        })
        .collect();
    format!("typesetting the PDF report failed: {}", lines.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date("2026-11-24"), Datetime::from_ymd(2026, 11, 24));
        assert_eq!(date("2026-13-01"), None);
        assert_eq!(date("soon"), None);
    }

    #[test]
    fn the_world_is_closed() {
        let world = ReportWorld::new("{}".into(), vec![("chart-1.svg".into(), "<svg/>".into())]);
        assert!(world.file(file_id("/data.json")).is_ok());
        assert!(world.file(file_id("/chart-1.svg")).is_ok());
        assert!(world.file(file_id("/etc/passwd")).is_err());
        assert!(world.source(file_id("/chart-1.svg")).is_err());
        assert!(world.today(None).is_none());
        // The vendored family is in the book, in its four styles.
        let book = world.book();
        let noto = book.select_family(&FONT_FAMILY.to_lowercase()).count();
        assert_eq!(noto, 4);
    }
}
