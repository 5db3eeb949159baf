//! The HTML of profile summaries and measure descriptions (Markdown already
//! rendered and sanitised) as plain blocks of styled text runs for the PDF.
//! The HTML is read by the crate's one HTML reader (`crate::html::walk`, a
//! WHATWG tokenizer); this module only decides what its tags become.
//!
//! Only what the Markdown of a profile produces is kept: paragraphs, lists,
//! headings (as bold paragraphs), block quotes, emphasis, strong, code and
//! links; every other tag is dropped and its text kept. The result is data
//! (serialised into the JSON the typst template reads), never typst markup,
//! so nothing in it can be interpreted by typst.

use serde::Serialize;

use crate::html::Token;

/// A paragraph or a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub(crate) enum Block {
    Paragraph { runs: Vec<Run> },
    List { ordered: bool, items: Vec<Vec<Run>> },
}

/// Text with one style.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub(crate) struct Run {
    pub(crate) text: String,
    #[serde(skip_serializing_if = "is_false")]
    pub(crate) strong: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub(crate) em: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub(crate) code: bool,
    /// An absolute URL (relative links are resolved against the report's
    /// permalink; in-page anchors are dropped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) link: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// Converts `html` into blocks; `base` resolves relative links. The HTML
/// is read by the crate's one HTML reader (`crate::html::walk`).
pub(crate) fn blocks(html: &str, base: Option<&url::Url>) -> Vec<Block> {
    let mut c = Converter { base, ..Converter::default() };
    crate::html::walk(html, |token| match token {
        Token::Start { name, .. } => c.tag(name, false, token.attribute("href")),
        Token::End { name } => c.tag(name, true, None),
        Token::Text(text) if c.hidden == 0 => c.text(text),
        Token::Text(_) => {}
    });
    c.finish_block();
    c.blocks
}

#[derive(Default)]
struct Converter<'a> {
    base: Option<&'a url::Url>,
    blocks: Vec<Block>,
    /// Runs of the paragraph or list item being written.
    runs: Vec<Run>,
    /// Open lists: ordered?, items so far.
    lists: Vec<(bool, Vec<Vec<Run>>)>,
    strong: u32,
    em: u32,
    code: u32,
    links: Vec<Option<String>>,
    /// Inside `<template>`: text not shown (the reader never gives the
    /// text of a `<script>` or `<style>`).
    hidden: u32,
}

impl Converter<'_> {
    /// A start tag (`closing` false, with its `href`) or an end tag.
    fn tag(&mut self, name: &str, closing: bool, href: Option<&str>) {
        match (name, closing) {
            ("p" | "div" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre" | "table" | "tr", _) => {
                self.end_paragraph();
                let heading = name.len() == 2 && name.starts_with('h') && name != "hr";
                if heading {
                    if closing { self.strong = self.strong.saturating_sub(1) } else { self.strong += 1 }
                }
                if name == "pre" {
                    if closing { self.code = self.code.saturating_sub(1) } else { self.code += 1 }
                }
            }
            ("template", false) => self.hidden += 1,
            ("template", true) => self.hidden = self.hidden.saturating_sub(1),
            ("td" | "th", true) => self.text(" "),
            ("br", _) => self.text(" "),
            ("hr", _) => self.end_paragraph(),
            ("ul" | "ol", false) => {
                // Ends the text before the list (an outer item's, in a nested list).
                self.end_item();
                self.lists.push((name == "ol", Vec::new()));
            }
            ("ul" | "ol", true) => {
                self.end_item();
                if let Some((ordered, items)) = self.lists.pop().filter(|(_, items)| !items.is_empty()) {
                    match self.lists.last_mut() {
                        // A nested list's items follow the outer item's, flattened.
                        Some((_, outer)) => outer.extend(items),
                        None => self.blocks.push(Block::List { ordered, items }),
                    }
                }
            }
            ("li", false) => self.end_item(),
            ("li", true) => self.end_item(),
            ("strong" | "b", false) => self.strong += 1,
            ("strong" | "b", true) => self.strong = self.strong.saturating_sub(1),
            ("em" | "i", false) => self.em += 1,
            ("em" | "i", true) => self.em = self.em.saturating_sub(1),
            ("code" | "kbd" | "samp", false) => self.code += 1,
            ("code" | "kbd" | "samp", true) => self.code = self.code.saturating_sub(1),
            ("a", false) => {
                let href = href.and_then(|h| self.absolute(h));
                self.links.push(href);
            }
            ("a", true) => {
                self.links.pop();
            }
            _ => {}
        }
    }

    fn absolute(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        let url = match url::Url::parse(href) {
            Ok(url) => url,
            Err(_) => self.base?.join(href).ok()?,
        };
        matches!(url.scheme(), "http" | "https" | "mailto").then(|| url.to_string())
    }

    fn text(&mut self, text: &str) {
        let mut collapsed = String::with_capacity(text.len());
        let mut space = false;
        for ch in text.chars() {
            if ch.is_whitespace() && ch != '\u{a0}' {
                space = true;
            } else {
                if space {
                    collapsed.push(' ');
                    space = false;
                }
                collapsed.push(ch);
            }
        }
        if space {
            collapsed.push(' ');
        }
        if collapsed.is_empty() {
            return;
        }
        // No space at the start of a paragraph or after a space.
        let after_space = self.runs.last().is_none_or(|r| r.text.ends_with(' '));
        if after_space {
            collapsed = collapsed.trim_start().to_string();
            if collapsed.is_empty() {
                return;
            }
        }
        let run = Run {
            text: String::new(),
            strong: self.strong > 0,
            em: self.em > 0,
            code: self.code > 0,
            link: self.links.iter().rev().find_map(Clone::clone),
        };
        match self.runs.last_mut() {
            Some(last) if Run { text: String::new(), ..last.clone() } == run => last.text.push_str(&collapsed),
            _ => self.runs.push(Run { text: collapsed, ..run }),
        }
    }

    fn take_runs(&mut self) -> Vec<Run> {
        let mut runs = std::mem::take(&mut self.runs);
        if let Some(last) = runs.last_mut() {
            let trimmed = last.text.trim_end().len();
            last.text.truncate(trimmed);
        }
        runs.retain(|r| !r.text.is_empty());
        runs
    }

    /// Closes the paragraph, or the current list item's text.
    fn end_paragraph(&mut self) {
        if self.lists.is_empty() {
            let runs = self.take_runs();
            if !runs.is_empty() {
                self.blocks.push(Block::Paragraph { runs });
            }
        } else {
            // Paragraphs inside a list item run on in the same item.
            if let Some(last) = self.runs.last_mut()
                && !last.text.ends_with(' ')
            {
                last.text.push(' ');
            }
        }
    }

    fn end_item(&mut self) {
        let runs = self.take_runs();
        if runs.is_empty() {
            return;
        }
        match self.lists.last_mut() {
            Some((_, items)) => items.push(runs),
            None => self.blocks.push(Block::Paragraph { runs }),
        }
    }

    fn finish_block(&mut self) {
        while !self.lists.is_empty() {
            self.tag("ul", true, None);
        }
        self.end_paragraph();
    }
}

/// The text of `html` with the tags removed.
#[cfg(test)]
fn plain(html: &str) -> String {
    blocks(html, None)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph { runs } => runs.into_iter().map(|r| r.text).collect::<String>(),
            Block::List { items, .. } => items
                .into_iter()
                .map(|i| i.into_iter().map(|r| r.text).collect::<String>())
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(runs: &[Run]) -> String {
        runs.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn paragraphs_with_styles_and_links() {
        let base = url::Url::parse("https://org.example/sub/countries/ma/report/").unwrap();
        let html = "<p>Morocco  lets <em>its</em> citizens\nkeep <strong>their <em>nationality</em></strong>.</p>\n\
                    <p>See <a href=\"https://ccme.org.ma/en/ccme\">the Council of\nthe Moroccan Community</a>, \
                    <a href=\"../\">the profile</a> and <a href=\"#x\">below</a> &amp; <code>migr_pop1ctz</code>.</p>";
        let blocks = blocks(html, Some(&base));
        assert_eq!(blocks.len(), 2);
        let Block::Paragraph { runs } = &blocks[0] else { panic!() };
        assert_eq!(text(runs), "Morocco lets its citizens keep their nationality.");
        assert!(runs.iter().any(|r| r.em && r.text == "its"));
        assert!(runs.iter().any(|r| r.em && r.strong && r.text == "nationality"));
        let Block::Paragraph { runs } = &blocks[1] else { panic!() };
        assert_eq!(text(runs), "See the Council of the Moroccan Community, the profile and below & migr_pop1ctz.");
        let link = |t: &str| runs.iter().find(|r| r.text == t).and_then(|r| r.link.clone());
        assert_eq!(link("the Council of the Moroccan Community").as_deref(), Some("https://ccme.org.ma/en/ccme"));
        assert_eq!(link("the profile").as_deref(), Some("https://org.example/sub/countries/ma/"));
        assert!(runs.iter().all(|r| r.link.is_none() || r.text != "below"));
        assert!(runs.iter().any(|r| r.code && r.text == "migr_pop1ctz"));
    }

    #[test]
    fn lists_and_unknown_tags() {
        let html = "<p>Before</p><ul>\n<li>One <span class=\"x\">item</span></li>\n<li><p>Two</p><ul><li>nested</li></ul></li></ul>\
                    <ol><li>first</li></ol><h3>Heading</h3><script>x</script><style>p{}</style><p>After</p>";
        let blocks = blocks(html, None);
        let kinds: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { runs } => format!("p:{}", text(runs)),
                Block::List { ordered, items } => {
                    format!(
                        "{}:{}",
                        if *ordered { "ol" } else { "ul" },
                        items.iter().map(|i| text(i)).collect::<Vec<_>>().join("|")
                    )
                }
            })
            .collect();
        assert_eq!(kinds, ["p:Before", "ul:One item|Two|nested", "ol:first", "p:Heading", "p:After"]);
    }

    #[test]
    fn entities_and_broken_markup() {
        // Character references as the WHATWG tokenizer reads them.
        assert_eq!(plain("a &lt;b&gt; &#39;c&#x27; &amp;amp; &bogus; & &nbsp;."), "a <b> 'c' &amp; &bogus; & \u{a0}.");
        assert_eq!(plain("<p>a &#0; b &#xZZ;</p>"), "a \u{fffd} b &#xZZ;");
        assert_eq!(plain("<P>Upper <A HREF='https://x.example/'>case</A></P>"), "Upper case");
        assert_eq!(plain("<p>un<b>closed"), "unclosed");
        assert_eq!(plain("a < b"), "a < b");
        assert_eq!(plain("é<b>ü</b>ß<i"), "éüß");
        assert_eq!(plain("<p title=\"x > y\">quoted</p>"), "quoted");
        assert_eq!(plain("<!-- hidden --><p>shown</p>"), "shown");
        assert_eq!(plain(""), "");
    }

    #[test]
    fn links_in_every_quoting() {
        let html = "<p><a href='https://a.example/'>single</a> <a href=https://b.example/>bare</a> <A HREF=\"/c/\">upper</A></p>";
        let base = url::Url::parse("https://org.example/").unwrap();
        let blocks = blocks(html, Some(&base));
        let Block::Paragraph { runs } = &blocks[0] else { panic!() };
        let links: Vec<_> = runs.iter().filter_map(|r| r.link.as_deref()).collect();
        assert_eq!(links, ["https://a.example/", "https://b.example/", "https://org.example/c/"]);
    }

    #[test]
    fn javascript_links_are_dropped() {
        let blocks = blocks("<p><a href=\"javascript:alert(1)\">x</a></p>", None);
        let Block::Paragraph { runs } = &blocks[0] else { panic!() };
        assert_eq!(runs[0].link, None);
    }
}
