//! Markdown to HTML with pulldown-cmark.
//!
//! Owns the Markdown options of the site format (tables, footnotes,
//! strikethrough, smart punctuation, task lists, heading attributes), stable
//! unique heading ids and the table of contents, footnotes with prefixed ids,
//! the raw-HTML policy (escaped unless `markdown.unsafe_html`), root-relative
//! links resolved against `base_path`, scrollable tables, and the collection
//! of links for the link check. Each event goes to a small handler; shortcode
//! placeholders are handed to the caller's `embed` function. Whatever the
//! raw-HTML policy, links and images may only use safe schemes, and blocks
//! may not nest deeper than `safety::MAX_NESTING` (see `safety`).
//!
//! Events stream from the parser through the handlers into the HTML writer:
//! only the open heading and footnotes are buffered, so memory follows the
//! parser's own tree, not the number of events.

pub(crate) mod safety;

use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::diagnostics::{Code, Diagnostic, MAX_REPEATS_PER_FILE, Severity};
use crate::shortcodes::{self, ShortcodeCall};
use crate::source::SourceFile;
use safety::UrlUse;

// `THEME_IDS` and `THEME_ID_PREFIXES`: the ids the built-in templates
// write, read from `templates/` by build.rs, so a new template's ids are
// reserved without a list edited by hand.
include!(concat!(env!("OUT_DIR"), "/theme_ids.rs"));

/// Ids a heading never takes, so Markdown and theme never collide: the
/// theme's, and the heading of the footnotes this module writes.
fn is_reserved_id(id: &str) -> bool {
    THEME_IDS.binary_search(&id).is_ok() || id == FOOTNOTES_LABEL
}

/// The id of the footnotes' heading (`aria-describedby` of each reference).
const FOOTNOTES_LABEL: &str = "footnotes-label";

/// Beginnings of ids that are numbered or named after data: the theme's
/// (`source-<id>`, `indicator-note-<n>`), a chart's (`chart-<kind>-<hash>`,
/// written whole from data):
/// a heading whose id would start with one of them gets `h-` in front.
fn has_reserved_prefix(id: &str) -> bool {
    THEME_ID_PREFIXES.iter().chain(OWN_ID_PREFIXES).any(|p| id.starts_with(p))
}

/// The id beginnings this crate writes besides the templates'.
const OWN_ID_PREFIXES: &[&str] = &["chart-"];

/// Most entries a table of contents lists (headings of levels 2 and 3, in
/// order); a page with more still gets an id for every heading. A page of a
/// million headings would otherwise carry a million-entry list, several
/// hundred bytes each in the template's context.
pub(crate) const MAX_TOC_ENTRIES: usize = 1_000;

/// Most HTML the shortcodes of one page may produce together. Generous:
/// about 1,000 typology matrices or 200 charts with their tables, where the
/// default site's largest page is 0.3 MB; past it, one located error, and
/// the shortcodes that follow are not rendered, so a page of shortcode lines
/// cannot multiply itself into gigabytes.
pub(crate) const MAX_EMBED_BYTES_PER_PAGE: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone, Copy)]
pub(crate) struct MarkdownOptions<'a> {
    pub(crate) base_path: &'a str,
    pub(crate) unsafe_html: bool,
}

/// One entry of a table of contents.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct TocEntry {
    pub(crate) level: u8,
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) children: Vec<TocEntry>,
}

/// A link written in Markdown, kept for the link check.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LinkRef {
    /// The destination as written (`/typology/`, `../x/`, `#a`).
    pub(crate) dest: String,
    /// Absolute byte offset in the source file.
    pub(crate) offset: usize,
}

#[derive(Debug, Default)]
pub(crate) struct Rendered {
    pub(crate) html: String,
    pub(crate) toc: Vec<TocEntry>,
    /// Number of headings in the body (all levels).
    pub(crate) heading_count: usize,
    pub(crate) links: Vec<LinkRef>,
    /// Every id given to an element (headings, footnotes), in order.
    pub(crate) ids: Vec<String>,
    /// Words of the text (embeds such as charts left out).
    pub(crate) words: usize,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Render the body of a page (from `body_offset` in `source`), expanding
/// shortcodes with `embed`.
pub(crate) fn render_document(
    source: &SourceFile,
    body_offset: usize,
    options: MarkdownOptions<'_>,
    embed: &dyn Fn(&ShortcodeCall) -> Result<String, Diagnostic>,
) -> Rendered {
    if let Some(at) = safety::too_deep(&source.text[body_offset..]) {
        return Rendered { diagnostics: vec![too_deep_error(source, body_offset + at)], ..Rendered::default() };
    }
    let extracted = shortcodes::extract(source, body_offset);
    let mut renderer = Renderer::new(options, Some(source), body_offset);
    for error in &extracted.errors {
        renderer
            .diagnostics
            .push(Diagnostic::error(Code::ShortcodeSyntax, error.message.clone()).at_offset(source, error.offset));
    }
    let (embeds, left_out) = embeds_within_budget(source, &extracted.calls, embed);
    renderer.embeds = embeds;
    renderer.diagnostics.extend(left_out);
    renderer.run(&extracted.text)
}

/// The embed of each call, in order, until together they pass
/// `MAX_EMBED_BYTES_PER_PAGE`: the call that passes it gets the error, and
/// the calls after it are not rendered (they come out empty). Of the errors
/// of one code, the first `MAX_REPEATS_PER_FILE` are kept and the others
/// only counted (the second value), so that a page of a million broken
/// shortcodes does not hold a million diagnostics.
fn embeds_within_budget(
    source: &SourceFile,
    calls: &[ShortcodeCall],
    embed: &dyn Fn(&ShortcodeCall) -> Result<String, Diagnostic>,
) -> (Vec<Result<String, Diagnostic>>, Vec<Diagnostic>) {
    let mut embeds = Vec::with_capacity(calls.len());
    let mut total = 0;
    let mut errors: std::collections::BTreeMap<Code, (usize, usize)> = std::collections::BTreeMap::new();
    for (i, call) in calls.iter().enumerate() {
        // An embed may be a placeholder for a fragment (a chart, a partial):
        // what counts is the HTML it stands for.
        let before = crate::scope::embedded_bytes();
        let result = embed(call);
        total += crate::scope::embedded_bytes().saturating_sub(before);
        if let Err(problem) = &result {
            let (count, first_unlisted) = errors.entry(problem.code).or_default();
            *count += 1;
            if *count == MAX_REPEATS_PER_FILE + 1 {
                *first_unlisted = call.offset;
            }
            if *count > MAX_REPEATS_PER_FILE {
                embeds.push(Ok(String::new()));
                continue;
            }
        }
        total += result.as_ref().map_or(0, String::len);
        if total > MAX_EMBED_BYTES_PER_PAGE {
            let after = calls.len() - i - 1;
            embeds.push(Err(Diagnostic::error(
                Code::EmbedsTooLarge,
                format!(
                    "the shortcodes of this page make more than {} MB of HTML by here; this one and the {after} \
                     after it are left out",
                    MAX_EMBED_BYTES_PER_PAGE / (1024 * 1024)
                ),
            )
            .at_offset(source, call.offset)
            .with_help("split the page into several, or embed fewer charts and tables on it")));
            break;
        }
        embeds.push(result);
    }
    let left_out = errors
        .into_iter()
        .filter(|(_, (count, _))| *count > MAX_REPEATS_PER_FILE)
        .map(|(code, (count, at))| {
            let more = count - MAX_REPEATS_PER_FILE;
            Diagnostic::and_more(code, Severity::Error, (source, at), more, "errors like this")
        })
        .collect();
    (embeds, left_out)
}

/// Render a Markdown snippet from data (a summary, a description): same
/// options and raw-HTML policy, no shortcodes, no table of contents.
/// Text nested too deeply is shown as it is, escaped; addresses with
/// refused schemes are neutralised (data has no Markdown location to report).
pub(crate) fn render_fragment(text: &str, options: MarkdownOptions<'_>) -> String {
    if safety::too_deep(text).is_some() {
        let mut html = String::new();
        let as_text = [Event::Start(Tag::Paragraph), Event::Text(text.into()), Event::End(TagEnd::Paragraph)];
        pulldown_cmark::html::push_html(&mut html, as_text.into_iter());
        return html;
    }
    Renderer::new(options, None, 0).run(&shortcodes::without_markers(text)).html
}

fn too_deep_error(source: &SourceFile, offset: usize) -> Diagnostic {
    Diagnostic::error(
        Code::NestingTooDeep,
        format!("block quotes and lists are nested more than {} levels deep here", safety::MAX_NESTING),
    )
    .at_offset(source, offset)
    .with_help(
        "nest fewer levels; to show `>`, `-`, `*` or `+` as text, escape them with `\\` (`\\>`) or put them in `code`",
    )
}

struct Renderer<'o, 'e> {
    options: MarkdownOptions<'o>,
    source: Option<&'o SourceFile>,
    body_offset: usize,
    embeds: Vec<Result<String, Diagnostic>>,
    /// The text being parsed (shortcode lines already placeholders).
    text: &'e str,
    /// Events handled and not yet taken by the HTML writer.
    out: VecDeque<Event<'e>>,
    ids: IdAllocator,
    /// Headings of levels 2 and 3 for the table of contents, at most `MAX_TOC_ENTRIES`.
    headings: Vec<(u8, String, String)>,
    heading_count: usize,
    heading: Option<HeadingInProgress<'e>>,
    footnotes: Footnotes<'e>,
    links: Vec<LinkRef>,
    diagnostics: Vec<Diagnostic>,
    /// Problems found per code, listed or not (see `MAX_REPEATS_PER_FILE`),
    /// and where the first one not listed is.
    found: std::collections::BTreeMap<Code, (usize, usize)>,
    in_html_block: bool,
    /// The alt text of the image being read, and where the image starts.
    image: Option<(String, usize)>,
    /// Embeds (shortcode output) are put in place after the Markdown is
    /// rendered and, with `unsafe_html`, sanitised: their HTML is ours.
    placed_embeds: Vec<String>,
    /// Words counted so far, and whether the last character counted was
    /// inside a word (markup ends a word, as a space does).
    words: usize,
    in_word: bool,
}

/// Stands for embed `n` in the HTML until it is put in place. The key is
/// drawn at random once per process, so no text (typed, decoded from a
/// character reference, let through by the sanitiser) can pass for a
/// marker; markers never reach the output, so output stays deterministic.
fn embed_marker(n: usize) -> String {
    format!("\u{E001}{}{n}\u{E001}", marker_key())
}

/// `k` and 16 hex digits, then the embed's number.
fn marker_key() -> &'static str {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        // Seeded from the operating system's randomness by the standard library.
        let random = std::collections::hash_map::RandomState::new().build_hasher().finish();
        format!("k{random:016x}.")
    })
}

/// Put each embed in place of the first occurrence of its marker, in one
/// pass over the HTML (a `replacen` per embed is quadratic: a page of
/// 40,000 shortcode lines took seconds).
fn place_embeds(html: &str, embeds: &[String]) -> String {
    const MARK: char = '\u{E001}';
    let mut placed = vec![false; embeds.len()];
    let mut out = String::with_capacity(html.len() + embeds.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(start) = rest.find(MARK) {
        let after = &rest[start + MARK.len_utf8()..];
        let numbered = after.strip_prefix(marker_key()).unwrap_or("");
        let digits = numbered.bytes().take_while(u8::is_ascii_digit).count();
        let index = numbered[..digits].parse::<usize>().ok().filter(|n| numbered[..digits] == n.to_string());
        match index {
            Some(n) if numbered[digits..].starts_with(MARK) && n < embeds.len() && !placed[n] => {
                placed[n] = true;
                out.push_str(&rest[..start]);
                out.push_str(&embeds[n]);
                rest = &numbered[digits + MARK.len_utf8()..];
            }
            _ => {
                out.push_str(&rest[..start + MARK.len_utf8()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The events of the parser, through the renderer's handlers, to the HTML
/// writer: pulled one at a time (with a lookahead of three events for
/// standalone shortcodes), never collected.
struct Stream<'s, 'o, 'e, I> {
    renderer: &'s mut Renderer<'o, 'e>,
    input: I,
    lookahead: VecDeque<(Event<'e>, Range<usize>)>,
}

impl<'o, 'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> Iterator for Stream<'_, 'o, 'e, I> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        loop {
            if let Some(event) = self.renderer.out.pop_front() {
                return Some(event);
            }
            while self.lookahead.len() < 3 {
                let Some(next) = self.input.next() else { break };
                self.lookahead.push_back(next);
            }
            if let Some(skip) = self.renderer.standalone_shortcode(self.lookahead.make_contiguous()) {
                self.lookahead.drain(..skip);
                continue;
            }
            let (event, range) = self.lookahead.pop_front()?;
            self.renderer.handle(event, range.start);
        }
    }
}

struct HeadingInProgress<'e> {
    level: HeadingLevel,
    id: Option<String>,
    classes: Vec<String>,
    events: Vec<Event<'e>>,
    text: String,
}

impl<'o, 'e> Renderer<'o, 'e> {
    fn new(options: MarkdownOptions<'o>, source: Option<&'o SourceFile>, body_offset: usize) -> Self {
        Renderer {
            options,
            source,
            body_offset,
            embeds: Vec::new(),
            text: "",
            out: VecDeque::new(),
            ids: IdAllocator::new(),
            headings: Vec::new(),
            heading_count: 0,
            heading: None,
            footnotes: Footnotes::default(),
            links: Vec::new(),
            diagnostics: Vec::new(),
            found: std::collections::BTreeMap::new(),
            in_html_block: false,
            image: None,
            placed_embeds: Vec::new(),
            words: 0,
            in_word: false,
        }
    }

    /// Count the words of the text as it passes.
    fn count_words(&mut self, event: &Event<'_>) {
        match event {
            // Most text is ASCII: look at bytes then, characters otherwise.
            Event::Text(t) | Event::Code(t) if t.is_ascii() => {
                for b in t.bytes() {
                    self.next_character(b.is_ascii_whitespace() || b == 0x0B);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                for c in t.chars() {
                    self.next_character(c.is_whitespace());
                }
            }
            _ => self.in_word = false,
        }
    }

    fn next_character(&mut self, whitespace: bool) {
        if whitespace {
            self.in_word = false;
        } else if !self.in_word {
            self.in_word = true;
            self.words += 1;
        }
    }

    fn run(mut self, text: &'e str) -> Rendered {
        self.text = text;
        let mut html = String::with_capacity(text.len() + text.len() / 2);
        let stream = Stream {
            renderer: &mut self,
            input: Parser::new_ext(text, parser_options()).into_offset_iter(),
            lookahead: VecDeque::new(),
        };
        pulldown_cmark::html::push_html(&mut html, stream);
        self.finish(html)
    }

    /// A paragraph holding only a shortcode placeholder becomes the embed.
    fn standalone_shortcode(&mut self, events: &[(Event<'_>, Range<usize>)]) -> Option<usize> {
        match events {
            [(Event::Start(Tag::Paragraph), _), (Event::Text(t), at), (Event::End(TagEnd::Paragraph), _), ..] => {
                let index = self.placeholder_at(t, at.start)?;
                let html = self.embed_html(index);
                self.emit(Event::Html(html.into()));
                Some(3)
            }
            _ => None,
        }
    }

    /// The shortcode a text event stands for: a placeholder that
    /// `shortcodes::extract` wrote at `offset`, not the same characters
    /// decoded from character references (`&#xE000;`).
    fn placeholder_at(&self, text: &str, offset: usize) -> Option<usize> {
        let index = shortcodes::placeholder_index(text)?;
        self.text.get(offset..)?.trim_start().starts_with(shortcodes::MARK).then_some(index)
    }

    /// A marker for the embed of shortcode `index` (its HTML is kept aside).
    fn embed_html(&mut self, index: usize) -> String {
        let html = match self.embeds.get(index) {
            Some(Ok(html)) => html.trim_end().to_string(),
            Some(Err(d)) => {
                self.diagnostics.push(d.clone());
                return String::new();
            }
            None => return String::new(),
        };
        self.placed_embeds.push(html);
        format!("{}\n", embed_marker(self.placed_embeds.len() - 1))
    }

    fn handle(&mut self, event: Event<'e>, offset: usize) {
        self.count_words(&event);
        match event {
            Event::Start(Tag::Heading { level, id, classes, attrs: _ }) => self.start_heading(level, id, classes),
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = self.link_destination(link_type, dest_url, offset, UrlUse::Link);
                self.emit(Event::Start(Tag::Link { link_type, dest_url, title, id }));
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let dest_url = self.link_destination(link_type, dest_url, offset, UrlUse::Image);
                self.image = Some((String::new(), offset));
                self.emit(Event::Start(Tag::Image { link_type, dest_url, title, id }));
            }
            Event::End(TagEnd::Image) => {
                self.end_image();
                self.emit(Event::End(TagEnd::Image));
            }
            Event::Start(Tag::Table(alignments)) => {
                self.emit(Event::Html(
                    r#"<div class="table-scroll" role="region" tabindex="0" aria-label="Table">"#.into(),
                ));
                self.emit(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                self.emit(Event::End(TagEnd::Table));
                self.emit(Event::Html("</div>\n".into()));
            }
            Event::Start(Tag::HtmlBlock) if !self.options.unsafe_html => {
                self.in_html_block = true;
                self.emit(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::HtmlBlock) if !self.options.unsafe_html => {
                self.in_html_block = false;
                self.emit(Event::End(TagEnd::Paragraph));
            }
            Event::Html(html) | Event::InlineHtml(html) if !self.options.unsafe_html => {
                let text =
                    if self.in_html_block { CowStr::from(html.trim_end_matches('\n').to_string()) } else { html };
                self.emit(Event::Text(text));
            }
            Event::Text(text) if self.placeholder_at(&text, offset).is_some() => {
                // A shortcode inside a paragraph with other text: close the
                // paragraph around it.
                let index = self.placeholder_at(&text, offset).unwrap_or_default();
                let html = self.embed_html(index);
                self.emit(Event::End(TagEnd::Paragraph));
                self.emit(Event::Html(html.into()));
                self.emit(Event::Start(Tag::Paragraph));
            }
            Event::FootnoteReference(label) => {
                let html = self.footnotes.reference(&label, &mut self.ids);
                self.emit(Event::InlineHtml(html.into()));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => self.footnotes.open(&label, &mut self.ids),
            Event::End(TagEnd::FootnoteDefinition) => self.footnotes.close(),
            other => self.emit(other),
        }
    }

    /// Whether a problem of `code` is still to be listed (the first
    /// `MAX_REPEATS_PER_FILE` of each code are; the others only counted).
    fn listed(&mut self, code: Code, offset: usize) -> bool {
        let (count, first_unlisted) = self.found.entry(code).or_default();
        *count += 1;
        if *count == MAX_REPEATS_PER_FILE + 1 {
            *first_unlisted = self.body_offset + offset;
        }
        *count <= MAX_REPEATS_PER_FILE
    }

    /// An image without alt text is invisible to screen-reader users.
    fn end_image(&mut self) {
        let Some((alt, offset)) = self.image.take() else { return };
        if let (true, Some(source)) = (alt.trim().is_empty(), self.source)
            && self.listed(Code::ImageWithoutAlt, offset)
        {
            self.diagnostics.push(
                Diagnostic::warning(Code::ImageWithoutAlt, "image without alt text")
                    .at_offset(source, self.body_offset + offset)
                    .with_help("describe the image between the brackets: `![What the image shows](file.png)`"),
            );
        }
    }

    /// Send an event to the open heading, the open footnote or the page.
    fn emit(&mut self, event: Event<'e>) {
        if let (Some((alt, _)), Event::Text(t) | Event::Code(t)) = (&mut self.image, &event) {
            alt.push_str(t);
        }
        if let Some(h) = &mut self.heading {
            if let Event::Text(t) | Event::Code(t) = &event {
                h.text.push_str(t);
            }
            h.events.push(event);
        } else if let Some(events) = self.footnotes.open_events() {
            events.push(event);
        } else {
            self.out.push_back(event);
        }
    }

    fn start_heading(&mut self, level: HeadingLevel, id: Option<CowStr<'e>>, classes: Vec<CowStr<'e>>) {
        self.heading = Some(HeadingInProgress {
            level,
            id: id.map(|s| s.to_string()),
            classes: classes.into_iter().map(|c| c.to_string()).collect(),
            events: Vec::new(),
            text: String::new(),
        });
    }

    fn end_heading(&mut self) {
        let Some(h) = self.heading.take() else { return };
        let title = crate::scope::without_placeholders(h.text.trim()).into_owned();
        let wanted = h.id.clone().unwrap_or_else(|| heading_slug(&title));
        let id = self.ids.allocate(&wanted);
        self.heading_count += 1;
        if (2..=3).contains(&(h.level as u8)) && self.headings.len() < MAX_TOC_ENTRIES {
            self.headings.push((h.level as u8, id.clone(), title));
        }
        let tag = Tag::Heading {
            level: h.level,
            id: Some(id.into()),
            classes: h.classes.into_iter().map(CowStr::from).collect(),
            attrs: Vec::new(),
        };
        self.emit(Event::Start(tag));
        for e in h.events {
            self.emit(e);
        }
        self.emit(Event::End(TagEnd::Heading(h.level)));
    }

    /// Keep relative links; put `base_path` in front of root-relative ones;
    /// neutralise (and report) addresses with a refused scheme.
    fn link_destination(&mut self, link_type: LinkType, dest: CowStr<'e>, offset: usize, usage: UrlUse) -> CowStr<'e> {
        if matches!(link_type, LinkType::Email) {
            return dest;
        }
        if let Some(scheme) = safety::refused_scheme(&dest, usage) {
            self.refuse_url(&scheme, offset, usage);
            return CowStr::Borrowed(if usage == UrlUse::Image { "data:," } else { "#" });
        }
        if self.source.is_some() {
            self.links.push(LinkRef { dest: dest.to_string(), offset: self.body_offset + offset });
        }
        if dest.starts_with('/') && !dest.starts_with("//") {
            format!("{}{}", self.options.base_path, dest).into()
        } else {
            dest
        }
    }

    fn refuse_url(&mut self, scheme: &str, offset: usize, usage: UrlUse) {
        let Some(source) = self.source else { return };
        if !self.listed(Code::UnsafeUrl, offset) {
            return;
        }
        let (what, allowed) = match usage {
            UrlUse::Link => ("links", "links may use `http:`, `https:`, `mailto:` and `tel:`"),
            UrlUse::Image => {
                ("images", "images may use `http:`, `https:` and `data:image/png` (or jpeg, gif, webp, avif)")
            }
        };
        self.diagnostics.push(
            Diagnostic::error(Code::UnsafeUrl, format!("`{scheme}:` addresses are not allowed in {what}"))
                .at_offset(source, self.body_offset + offset)
                .with_help(format!(
                    "{allowed}, or point inside the site (`/countries/ma/`, `../conclusion/`, `#notes`)"
                )),
        );
    }

    /// `… and N more` for each code with more problems than were listed.
    fn count_the_rest(&mut self) {
        let Some(source) = self.source else { return };
        for (&code, &(count, first_unlisted)) in &self.found {
            if count > MAX_REPEATS_PER_FILE {
                let (severity, what) = match code {
                    Code::UnsafeUrl => (Severity::Error, "refused addresses"),
                    _ => (Severity::Warning, "images without alt text"),
                };
                let more = count - MAX_REPEATS_PER_FILE;
                self.diagnostics.push(Diagnostic::and_more(code, severity, (source, first_unlisted), more, what));
            }
        }
    }

    fn finish(mut self, mut html: String) -> Rendered {
        self.count_the_rest();
        html.push_str(&self.footnotes.render(&mut self.ids));
        if self.options.unsafe_html {
            html = sanitize(&html);
        }
        // Placeholders of fragments the text holds (written as character
        // references, or in raw HTML) are text, never ours: break them
        // before the embeds, which may be placeholders, go in.
        if let std::borrow::Cow::Owned(broken) = crate::scope::without_placeholders(&html) {
            html = broken;
        }
        if !self.placed_embeds.is_empty() {
            html = place_embeds(&html, &self.placed_embeds);
        }
        let heading_count = self.heading_count;
        let toc = build_toc(&self.headings);
        Rendered {
            html,
            toc,
            heading_count,
            links: self.links,
            ids: self.ids.allocated,
            words: self.words,
            diagnostics: self.diagnostics,
        }
    }
}

/// Raw HTML allowed by `markdown.unsafe_html` still goes through a
/// sanitiser: no scripts, styles, event-handler attributes or `javascript:`
/// URLs; the ids, classes and roles Markdown rendering itself produces stay.
fn sanitize(html: &str) -> String {
    use std::sync::OnceLock;
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    let cleaner = CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id", "class", "title", "lang", "dir"])
            .add_tags(["input", "section", "figure", "figcaption", "details", "summary"])
            .add_tag_attributes("input", ["type", "checked", "disabled"])
            .add_tag_attributes("div", ["role", "tabindex", "aria-label"])
            .add_tag_attributes("a", ["aria-describedby", "aria-label"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .link_rel(None)
            .url_relative(ammonia::UrlRelative::PassThrough);
        b
    });
    cleaner.clean(html).to_string()
}

/// `## Policy context` -> `policy-context`, `## Україна` -> `ukrayina`: the
/// site's one slug folding (`routes::slug`), `section` when nothing is left.
pub(crate) fn heading_slug(text: &str) -> String {
    match crate::routes::slug(text) {
        slug if slug.is_empty() => String::from("section"),
        slug => slug,
    }
}

/// Hands out ids unique within a page: `a`, `a-1`, `a-2`. Remembers the next
/// suffix of each id, so a page with thousands of equal headings stays fast.
struct IdAllocator {
    taken: std::collections::HashSet<String>,
    next_suffix: std::collections::HashMap<String, usize>,
    /// The ids given out, in order.
    allocated: Vec<String>,
}

impl IdAllocator {
    fn new() -> Self {
        IdAllocator {
            taken: std::collections::HashSet::new(),
            next_suffix: std::collections::HashMap::new(),
            allocated: Vec::new(),
        }
    }

    fn allocate(&mut self, wanted: &str) -> String {
        // As the HTML will say it (see `Renderer::finish`).
        let wanted = &*crate::scope::without_placeholders(wanted);
        let prefixed;
        let wanted = if has_reserved_prefix(wanted) {
            prefixed = format!("h-{wanted}");
            prefixed.as_str()
        } else {
            wanted
        };
        let mut id = wanted.to_string();
        let mut n = self.next_suffix.get(wanted).copied().unwrap_or(1);
        while self.taken.contains(&id) || is_reserved_id(&id) {
            id = format!("{wanted}-{n}");
            n += 1;
        }
        self.next_suffix.insert(wanted.to_string(), n);
        self.taken.insert(id.clone());
        self.allocated.push(id.clone());
        id
    }
}

/// Nest headings of levels 2 and 3 (level 1 is the page title).
fn build_toc(headings: &[(u8, String, String)]) -> Vec<TocEntry> {
    let mut toc: Vec<TocEntry> = Vec::new();
    for (level, id, title) in headings.iter().filter(|(l, _, _)| (2..=3).contains(l)) {
        let entry = TocEntry { level: *level, id: id.clone(), title: title.clone(), children: Vec::new() };
        match toc.last_mut() {
            Some(parent) if *level > parent.level => parent.children.push(entry),
            _ => toc.push(entry),
        }
    }
    toc
}

/// Footnotes, numbered in order of first reference, listed at the end.
/// Their ids (`fn-a`, `fnref-a`) come from the page's id allocator, so a
/// heading never takes the id of a note or of a reference, nor the reverse.
#[derive(Default)]
struct Footnotes<'e> {
    /// Label -> its note, for labels referenced in the text.
    notes: std::collections::HashMap<Label, Note>,
    definitions: Vec<(String, Vec<Event<'e>>)>,
    /// Labels whose (first) definition has been seen.
    defined: std::collections::HashSet<Label>,
    open: Option<(String, Vec<Event<'e>>)>,
}

/// A footnote label as pulldown-cmark matches a reference with its
/// definition: regardless of case (`[^Note]` is defined by `[^note]:`).
type Label = unicase::UniCase<String>;

fn label(text: &str) -> Label {
    unicase::UniCase::new(text.to_string())
}

/// A referenced footnote: its number and ids.
struct Note {
    number: usize,
    references: usize,
    id: String,
    first_reference_id: String,
}

impl<'e> Footnotes<'e> {
    fn reference(&mut self, label: &str, ids: &mut IdAllocator) -> String {
        let slug = heading_slug(label);
        let next = self.notes.len() + 1;
        let note = self.notes.entry(self::label(label)).or_insert_with(|| Note {
            number: next,
            references: 0,
            id: ids.allocate(&format!("fn-{slug}")),
            first_reference_id: String::new(),
        });
        note.references += 1;
        let wanted = match note.references {
            1 => format!("fnref-{slug}"),
            nth => format!("fnref-{slug}-{nth}"),
        };
        let ref_id = ids.allocate(&wanted);
        if note.references == 1 {
            note.first_reference_id = ref_id.clone();
        }
        format!(
            r##"<sup class="footnote-ref"><a href="#{}" id="{ref_id}" aria-describedby="footnotes-label">{}</a></sup>"##,
            note.id, note.number
        )
    }

    /// A definition; one repeated for the same label gets an id of its own.
    fn open(&mut self, label: &str, ids: &mut IdAllocator) {
        let key = if self.defined.insert(self::label(label)) {
            label.to_string()
        } else {
            format!("\u{0}{}", ids.allocate(&format!("fn-{}", heading_slug(label))))
        };
        self.open = Some((key, Vec::new()));
    }

    fn open_events(&mut self) -> Option<&mut Vec<Event<'e>>> {
        self.open.as_mut().map(|(_, events)| events)
    }

    fn close(&mut self) {
        if let Some(def) = self.open.take() {
            self.definitions.push(def);
        }
    }

    /// The notes, referenced ones first in reference order, then the others.
    fn render(&mut self, ids: &mut IdAllocator) -> String {
        if self.definitions.is_empty() {
            return String::new();
        }
        let rank = |text: &str| self.notes.get(&label(text)).map_or(usize::MAX, |note| note.number);
        let mut defs = std::mem::take(&mut self.definitions);
        defs.sort_by_key(|(label, _)| rank(label));
        let mut html = String::from(
            "<section class=\"footnotes\">\n<h2 id=\"footnotes-label\" class=\"footnotes-title\">Notes</h2>\n<ol>\n",
        );
        for (label, events) in defs {
            let (id, back) = self.ids_of_definition(&label, ids);
            let mut body = String::new();
            pulldown_cmark::html::push_html(&mut body, events.into_iter());
            let back = back.map_or(String::new(), |back| {
                format!(r##" <a href="#{back}" class="footnote-back" aria-label="Back to the text">↩</a>"##)
            });
            let body = body.trim_end();
            let body = match body.strip_suffix("</p>") {
                Some(inner) => format!("{inner}{back}</p>"),
                None => format!("{body}{back}"),
            };
            html.push_str(&format!("<li id=\"{id}\">{body}</li>\n"));
        }
        html.push_str("</ol>\n</section>\n");
        html
    }

    /// The id of a definition and of the reference its back link returns to.
    fn ids_of_definition(&self, key: &str, ids: &mut IdAllocator) -> (String, Option<String>) {
        if let Some(id) = key.strip_prefix('\u{0}') {
            return (id.to_string(), None);
        }
        match self.notes.get(&label(key)) {
            Some(note) => (note.id.clone(), Some(note.first_reference_id.clone())),
            None => (ids.allocate(&format!("fn-{}", heading_slug(key))), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> Rendered {
        let src = SourceFile::new("a.md", md);
        let options = MarkdownOptions { base_path: "/brief", unsafe_html: false };
        render_document(&src, 0, options, &|_| Ok("<figure>embed</figure>".into()))
    }

    #[test]
    fn repeated_headings_get_their_own_ids() {
        let r = render("## Policy context\n\n## Policy context\n\n### Main\n");
        assert!(r.html.contains(r#"<h2 id="policy-context">"#));
        assert!(r.html.contains(r#"<h2 id="policy-context-1">"#));
        assert!(r.html.contains(r#"<h3 id="main-1">"#), "reserved ids are avoided: {}", r.html);
        assert_eq!(r.toc.len(), 2);
        assert_eq!(r.toc[1].children[0].id, "main-1");
    }

    #[test]
    fn raw_html_is_escaped_and_root_links_get_the_base_path() {
        let r = render("<script>alert(1)</script>\n\nSee [typology](/typology/) and [x](../x/) <b>bold</b>.\n");
        assert!(!r.html.contains("<script>"));
        assert!(r.html.contains("&lt;script&gt;"));
        assert!(r.html.contains(r#"href="/brief/typology/""#));
        assert!(r.html.contains(r#"href="../x/""#));
        assert!(r.html.contains("&lt;b&gt;bold&lt;/b&gt;"));
        assert_eq!(r.links.len(), 2);
    }

    #[test]
    fn headings_keep_clear_of_ids_the_theme_names_after_data() {
        let r = render("## Source: Eurostat\n\n## Example 1\n\n## Sources\n");
        assert_eq!(r.html.matches("<h2 id=").count(), 3, "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="h-source-eurostat">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="h-example-1">"#), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="sources">"#), "{}", r.html);
    }

    #[test]
    fn footnotes_have_prefixed_ids_and_back_links() {
        let r = render("Claim.[^src]\n\n[^src]: A source.\n");
        assert!(r.html.contains(r##"<a href="#fn-src" id="fnref-src""##), "{}", r.html);
        assert!(r.html.contains(r##"<li id="fn-src"><p>A source. <a href="#fnref-src""##), "{}", r.html);
        assert!(!r.html.contains(r#"id="1""#));
    }

    fn render_unsafe(md: &str) -> Rendered {
        let src = SourceFile::new("a.md", md);
        let options = MarkdownOptions { base_path: "", unsafe_html: true };
        render_document(&src, 0, options, &|_| {
            Ok("<figure class=\"chart\"><svg role=\"img\"><title>t</title></svg></figure>".into())
        })
    }

    #[test]
    fn unsafe_html_is_still_sanitised() {
        let r = render_unsafe(
            "<b onclick=\"steal()\">bold</b> <a href=\"javascript:alert(1)\">x</a>\n\n<script>alert(1)</script>\n\n<div class=\"box\" style=\"x\">kept</div>\n\n{{ typology() }}\n",
        );
        assert!(r.html.contains("<b>bold</b>"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(r.html.contains("<div class=\"box\">kept</div>"), "{}", r.html);
        assert!(
            r.html.contains("<figure class=\"chart\"><svg role=\"img\"><title>t</title></svg></figure>"),
            "embeds are ours: {}",
            r.html
        );
    }

    #[test]
    fn images_without_alt_text_are_warned_about() {
        let r = render("![](a.png) and ![A map of Europe](b.png)\n");
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!((r.diagnostics[0].code, r.diagnostics[0].column), (Code::ImageWithoutAlt, 1));
    }

    #[test]
    fn shortcodes_replace_their_paragraph() {
        let r = render("Before\n\n{{ typology() }}\n\nAfter\n");
        assert!(r.html.contains("<p>Before</p>\n<figure>embed</figure>\n<p>After</p>"), "{}", r.html);
    }

    fn hrefs_and_srcs(html: &str) -> Vec<String> {
        let doc = scraper::Html::parse_fragment(html);
        let any = scraper::Selector::parse("a[href], img[src]").unwrap();
        doc.select(&any).map(|e| e.value().attr("href").or(e.value().attr("src")).unwrap().to_string()).collect()
    }

    #[test]
    fn dangerous_schemes_are_neutralised_in_pages_and_data_text() {
        let md = "[a](javascript:alert(6)) [b]( JaVaScRiPt:alert(6)) [c](vbscript:x) [d](data:text/html,x)\n\n\
                  ![e](javascript:x) ![f](data:image/png;base64,iVBOR) [g](https://x.org/) [h](/typology/)\n";
        let expected =
            ["#", "#", "#", "#", "data:,", "data:image/png;base64,iVBOR", "https://x.org/", "/brief/typology/"];
        let r = render(md);
        assert_eq!(hrefs_and_srcs(&r.html), expected);
        assert_eq!(r.diagnostics.iter().filter(|d| d.code == "unsafe-url").count(), 5);
        assert_eq!(r.links.len(), 3, "refused addresses are not link-checked");
        let options = MarkdownOptions { base_path: "/brief", unsafe_html: false };
        assert_eq!(hrefs_and_srcs(&render_fragment(md, options)), expected);
        assert_eq!(hrefs_and_srcs(&render_unsafe(md).html)[..4], ["#", "#", "#", "#"]);
    }

    #[test]
    fn nesting_too_deep_is_one_error_and_no_parse() {
        let r = render(&format!("Intro\n\n{}", "> ".repeat(5_000)));
        assert_eq!(r.diagnostics.len(), 1);
        let d = &r.diagnostics[0];
        assert_eq!((d.code, d.line, d.column), (Code::NestingTooDeep, 3, 201));
        assert!(r.html.is_empty());
        let options = MarkdownOptions { base_path: "", unsafe_html: false };
        let deep = format!("{}<b>", "> ".repeat(200));
        assert_eq!(render_fragment(&deep, options), format!("<p>{}&lt;b&gt;</p>\n", "&gt; ".repeat(200)));
    }

    #[test]
    fn footnote_ids_come_from_the_page_ids() {
        let r = render(
            "## fn-x\n\nA[^x] B[^x y] C[^x-y]\n\n## fnref-x\n\n[^x]: One.\n[^x y]: Two.\n[^x-y]: Three.\n[^z]: Unused.\n",
        );
        let doc = scraper::Html::parse_fragment(&r.html);
        let ids: Vec<&str> =
            doc.select(&scraper::Selector::parse("[id]").unwrap()).map(|e| e.value().attr("id").unwrap()).collect();
        let unique: std::collections::HashSet<&&str> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{ids:?}");
        assert!(r.html.contains(r##"<a href="#fn-x-1" id="fnref-x""##), "{}", r.html);
        assert!(r.html.contains(r##"<a href="#fn-x-y-1" id="fnref-x-y-1""##), "{}", r.html);
        assert!(r.html.contains(r#"<h2 id="fnref-x-1">"#), "{}", r.html);
        assert!(r.html.contains(r#"<li id="fn-z"><p>Unused.</p></li>"#), "{}", r.html);
    }

    #[test]
    fn a_footnote_is_found_whatever_the_case_of_its_label() {
        // Found by the `page` target: `[^unused]` defined by `[^unusEd]:`
        // (pulldown-cmark matches labels regardless of case) linked to
        // `#fn-unused`, while the note was listed as `fn-unused-1`.
        let r = render("A[^Note] B[^NOTE] C[^x]\n\n[^note]: One.\n[^X]: Two.\n[^NoTe]: Again.\n");
        assert!(r.html.contains(r##"<a href="#fn-note" id="fnref-note" "##), "{}", r.html);
        assert!(r.html.contains(r##"<a href="#fn-note" id="fnref-note-2" "##), "{}", r.html);
        assert!(r.html.contains(r##"<li id="fn-note"><p>One. <a href="#fnref-note""##), "{}", r.html);
        assert!(r.html.contains(r##"<li id="fn-x"><p>Two. <a href="#fnref-x""##), "{}", r.html);
        assert!(r.html.contains(r##"<li id="fn-note-1"><p>Again.</p></li>"##), "{}", r.html);
        let mut reported = r.ids.clone();
        reported.sort();
        assert_eq!(reported, ["fn-note", "fn-note-1", "fn-x", "fnref-note", "fnref-note-2", "fnref-x"]);
    }

    #[test]
    fn markers_decoded_from_character_references_are_text() {
        let r = render(
            "A &#xE001;0&#xE001; B\n\n{{ typology() }}\n\n![&#xE002;polibrief-fragment-0&#xE002;](a.png)\n\n&#xE000;0&#xE000;\n",
        );
        assert_eq!(r.html.matches("<figure>embed</figure>").count(), 1, "{}", r.html);
        assert!(r.html.contains("<p>A \u{E001}0\u{E001} B</p>\n<figure>embed</figure>"), "{}", r.html);
        assert!(r.html.contains("alt=\"\u{FFFD}polibrief-fragment-0\u{E002}\""), "{}", r.html);
        assert!(r.html.contains("<p>\u{E000}0\u{E000}</p>"), "{}", r.html);
    }

    #[test]
    fn embeds_are_placed_once_in_any_order() {
        let m = |n: usize| embed_marker(n);
        let embeds = ["A".to_string(), "B".to_string(), "C".to_string()];
        let k = marker_key();
        let odd = format!("\u{E001}{k}01\u{E001} \u{E001}{k}9\u{E001} \u{E001}1\u{E001}");
        let html = format!("{} x {} {} {odd} {}", m(2), m(0), m(0), m(1));
        assert_eq!(place_embeds(&html, &embeds), format!("C x A {} {odd} B", m(0)));
        assert_eq!(place_embeds("\u{E001}", &embeds), "\u{E001}");
        assert_eq!(place_embeds(&format!("\u{E001}{k}"), &embeds), format!("\u{E001}{k}"));
    }
}
