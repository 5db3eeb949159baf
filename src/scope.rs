//! What the running job reads and what it embeds: a scope per thread.
//!
//! A job (one output file, or one chart) runs on one thread from start to
//! end. While it runs, every read of a data entity, content body, template or
//! chart is recorded into its scope (`record`), so that a later change can
//! re-run only the jobs it reaches; and every pre-rendered piece it embeds
//! (a page's Markdown, a chart's figure) is kept aside as a fragment and
//! stands in the template's output as a short placeholder (`embed`), so that
//! the template output is read once, small, and the page is put together in
//! one pass (see `jobs::assemble`).
//!
//! Scopes nest (a chart drawn inside a page job has its own), so a stack is
//! kept per thread. The model (`Site`) stays immutable: the scope is beside
//! it, not in it. Invariant: a job does not use rayon inside itself, or the
//! reads made on other threads would be lost.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;

use crate::source::Source;

/// One thing a job read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Input {
    /// The body of a content file (site path, `content/brief/intro.md`).
    /// Front matter is the site's structure: a change there rebuilds all.
    Content(String),
    /// A template, by name (`country.html`, `partials/chart.html`).
    Template(String),
    /// A country profile, any field (upper-case code).
    Country(String),
    /// Only the name of a country (labels of charts and tables).
    CountryName(String),
    /// An indicator file, any field (id).
    Indicator(String),
    /// A corridor (`MA-ES`): its values and diaspora entry.
    Corridor(String),
    /// A chart, by its id (`chart-bar-1a2b3c4d`).
    Chart(String),
    /// A file of the site's `static/` folder (output path).
    Static(String),
}

/// Everything a job read, in a stable order.
pub(crate) type Inputs = BTreeSet<Input>;

/// A pre-rendered piece of a page, with the links and ids found in it
/// (once, when it was made).
#[derive(Debug, Clone)]
pub(crate) struct Fragment {
    pub(crate) html: Arc<str>,
    pub(crate) facts: Arc<PieceFacts>,
}

/// The links and ids of a piece of HTML, and where each link was written.
#[derive(Debug, Clone, Default)]
pub(crate) struct PieceFacts {
    pub(crate) links: Vec<FoundLink>,
    pub(crate) ids: Vec<String>,
    /// A placeholder stood where only text belongs (see `html::HtmlFacts`).
    pub(crate) misplaced_hole: bool,
}

/// A link of a page and who wrote it.
#[derive(Debug, Clone)]
pub(crate) struct FoundLink {
    /// The address: as rendered (with the base path) for template links,
    /// as written for Markdown links.
    pub(crate) target: String,
    pub(crate) written: Written,
}

/// Who wrote a link.
#[derive(Debug, Clone)]
pub(crate) enum Written {
    /// A template (by name), from data or by hand.
    Template(String),
    /// Markdown, at a byte offset of its file; relative links resolve from
    /// `url`, the page of that file.
    Markdown { source: Source, offset: usize, url: String },
}

/// What a scope collected.
#[derive(Debug, Default)]
pub(crate) struct Recorded {
    pub(crate) inputs: Inputs,
    pub(crate) fragments: Vec<Fragment>,
    /// Problems found on the way (in Markdown rendered for the job).
    pub(crate) diagnostics: Vec<crate::diagnostics::Diagnostic>,
    /// Bytes of the fragments embedded so far.
    embedded: usize,
}

thread_local! {
    static SCOPES: RefCell<Vec<Recorded>> = const { RefCell::new(Vec::new()) };
}

/// Run `f` in a new scope; its reads and fragments come back with its result.
pub(crate) fn run<R>(f: impl FnOnce() -> R) -> (R, Recorded) {
    SCOPES.with(|s| s.borrow_mut().push(Recorded::default()));
    // Pop even if `f` panics, so the thread's stack stays balanced.
    struct Pop;
    impl Drop for Pop {
        fn drop(&mut self) {
            SCOPES.with(|s| {
                s.borrow_mut().pop();
            });
        }
    }
    let guard = Pop;
    let result = f();
    let recorded = SCOPES.with(|s| std::mem::take(s.borrow_mut().last_mut().expect("scope pushed above")));
    drop(guard);
    (result, recorded)
}

/// Note that the running job read `input` (nothing when no job runs).
pub(crate) fn record(input: Input) {
    SCOPES.with(|s| {
        if let Some(scope) = s.borrow_mut().last_mut() {
            scope.inputs.insert(input);
        }
    });
}

/// Note several reads at once (what a chart read, for each page showing it).
pub(crate) fn record_all(inputs: &Inputs) {
    SCOPES.with(|s| {
        if let Some(scope) = s.borrow_mut().last_mut() {
            scope.inputs.extend(inputs.iter().cloned());
        }
    });
}

/// Note a problem the running job found (kept with its result). With no
/// job running, the problem is dropped: only jobs report.
pub(crate) fn report(diagnostics: impl IntoIterator<Item = crate::diagnostics::Diagnostic>) {
    SCOPES.with(|s| {
        if let Some(scope) = s.borrow_mut().last_mut() {
            scope.diagnostics.extend(diagnostics);
        }
    });
}

/// The character that opens and closes a placeholder.
pub(crate) const HOLE: char = '\u{E002}';

/// What follows the opening `HOLE`, before the fragment's number: with it,
/// a placeholder is text nobody types (and one forged in data could only
/// repeat the page's own fragment, never bring in HTML of its own).
pub(crate) const HOLE_TAG: &str = "polibrief-fragment-";

/// The placeholder of fragment `n`.
pub(crate) fn placeholder(n: usize) -> String {
    format!("{HOLE}{HOLE_TAG}{n}{HOLE}")
}

/// The number of the fragment a placeholder stands for.
pub(crate) fn placeholder_number(text: &str) -> Option<usize> {
    text.strip_prefix(HOLE)?.strip_prefix(HOLE_TAG)?.strip_suffix(HOLE)?.parse().ok()
}

/// Keep `fragment` aside and return the placeholder that stands for it in
/// the running job's output. With no job running (a unit test, a report
/// rendered alone), the fragment's HTML is returned as it is.
pub(crate) fn embed(fragment: Fragment) -> String {
    SCOPES.with(|s| match s.borrow_mut().last_mut() {
        Some(scope) => {
            scope.embedded += fragment.html.len();
            scope.fragments.push(fragment);
            placeholder(scope.fragments.len() - 1)
        }
        None => fragment.html.to_string(),
    })
}

/// How many bytes of fragments the running job has embedded so far (what
/// its placeholders will stand for), to hold a page to a budget.
pub(crate) fn embedded_bytes() -> usize {
    SCOPES.with(|s| s.borrow().last().map_or(0, |scope| scope.embedded))
}

/// The characters Markdown rendering uses as markers of shortcodes and
/// embeds, replaced by U+FFFD (also three bytes, so offsets stay true) in
/// what authors write: typed by hand, they could pass for a shortcode.
pub(crate) fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    const MARKS: [char; 2] = ['\u{E000}', '\u{E001}'];
    // Both start with the byte EE: look for it first (fast).
    let may_hold = memchr::memchr(0xEE, text.as_bytes()).is_some();
    if may_hold && text.contains(MARKS) {
        std::borrow::Cow::Owned(text.replace(MARKS, "\u{FFFD}"))
    } else {
        text.into()
    }
}

/// `text` with every placeholder opening (`HOLE` followed by `HOLE_TAG`)
/// broken: its `HOLE` becomes U+FFFD (three bytes too). For HTML that
/// holds text of authors, however it came (typed, decoded from a character
/// reference, let through by the sanitiser), before any fragment of ours is
/// put into it: no placeholder in it is then anything but text.
pub(crate) fn without_placeholders(text: &str) -> std::borrow::Cow<'_, str> {
    let mut open = String::from(HOLE);
    open.push_str(HOLE_TAG);
    if memchr::memchr(0xEE, text.as_bytes()).is_none() || !text.contains(&open) {
        return text.into();
    }
    let mut broken = String::from('\u{FFFD}');
    broken.push_str(HOLE_TAG);
    std::borrow::Cow::Owned(text.replace(&open, &broken))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fragment(html: &str) -> Fragment {
        Fragment { html: html.into(), facts: Arc::default() }
    }

    #[test]
    fn scopes_nest_and_record_their_own_reads() {
        let (_, outer) = run(|| {
            record(Input::Country("MA".into()));
            let (_, inner) = run(|| record(Input::Indicator("x".into())));
            assert_eq!(inner.inputs, Inputs::from([Input::Indicator("x".into())]));
            record_all(&inner.inputs);
        });
        assert_eq!(outer.inputs, Inputs::from([Input::Country("MA".into()), Input::Indicator("x".into())]));
        record(Input::Country("ES".into())); // no scope: nothing happens
    }

    #[test]
    fn fragments_become_numbered_placeholders() {
        let (text, recorded) = run(|| format!("{}-{}", embed(fragment("<a>")), embed(fragment("<b>"))));
        assert_eq!(text, format!("{}-{}", placeholder(0), placeholder(1)));
        assert_eq!(placeholder_number(&placeholder(12)), Some(12));
        assert_eq!(placeholder_number(&format!("{HOLE}12{HOLE}")), None);
        assert_eq!(&*recorded.fragments[1].html, "<b>");
        assert_eq!(embed(fragment("<c>")), "<c>");
    }

    #[test]
    fn placeholders_in_text_are_broken() {
        let text = format!("a{}b{HOLE}c", placeholder(3));
        assert_eq!(without_placeholders(&text), format!("a\u{FFFD}{HOLE_TAG}3{HOLE}b{HOLE}c"));
        assert_eq!(without_placeholders(&text).len(), text.len());
        assert!(matches!(without_placeholders("plain \u{E002}"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn marks_in_text_are_neutralised() {
        assert_eq!(neutralise("a\u{E001}0\u{E001}b\u{E000}\u{E002}"), "a\u{FFFD}0\u{FFFD}b\u{FFFD}\u{E002}");
        assert!(matches!(neutralise("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
