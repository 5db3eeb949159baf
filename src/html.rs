//! The one reader of finished HTML: links, ids and text, through a real
//! tokenizer.
//!
//! Owns every reading of HTML that polibrief itself produced or sanitised:
//! the links (`href`, `src`) and element ids a page holds (for the link and
//! anchor checks and the external check), and its visible text. It uses
//! html5gum, a tokenizer that follows the WHATWG specification (quoted,
//! single-quoted and unquoted attributes, character references, comments,
//! raw text in `<script>` and `<style>`), so no hand-written scanning decides
//! what a link is. It never changes HTML.
//!
//! Reading HTML costs about 100 MB/s, so the render stage reads only what a
//! template itself wrote (see `scope`): Markdown and charts are read once
//! when they are made, never again inside every page that shows them.

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};

use crate::scope::{HOLE, HOLE_TAG};

/// What a piece of HTML holds that the checks need.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct HtmlFacts {
    /// Values of `href` and `src` attributes, in document order, character
    /// references decoded (`a&amp;b` -> `a&b`).
    pub(crate) links: Vec<String>,
    /// Values of `id` attributes, in document order.
    pub(crate) ids: Vec<String>,
    /// A fragment placeholder stood inside an attribute, a comment, a
    /// `<script>` or a `<style>`: a template printed `page.content` or a
    /// figure where only text belongs.
    pub(crate) misplaced_hole: bool,
}

/// Something the tokenizer saw, in document order.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))] // the walk is read by the PDF only
enum Seen<'a> {
    /// `<name`: a start tag opens; its attributes follow.
    StartTag(&'a [u8]),
    /// An attribute of the open start tag (the first of each name): once
    /// with an empty value when its name is read, again with its value.
    Attribute {
        name: &'a [u8],
        value: &'a [u8],
    },
    /// `>` or `/>`: the start tag is complete.
    StartTagEnd,
    EndTag(&'a [u8]),
    /// Text a reader sees, character references decoded.
    Text(&'a [u8]),
    /// Text of `<script>`/`<style>`, or a comment: never shown.
    Hidden(&'a [u8]),
}

/// Walk the HTML's tokens.
fn tokens(html: &str, mut visit: impl FnMut(Seen<'_>)) {
    let mut attribute: Vec<u8> = Vec::new();
    // Attributes of the open tag: a repeated one is ignored, as browsers do.
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut repeated = false;
    let mut raw_text = false;
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: html5gum::Span<()>| -> Option<()> {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                raw_text = matches!(name, b"script" | b"style");
                seen.clear();
                visit(Seen::StartTag(name));
            }
            CallbackEvent::AttributeName { name } => {
                attribute.clear();
                attribute.extend_from_slice(name);
                repeated = seen.iter().any(|s| s == name);
                if !repeated {
                    seen.push(name.to_vec());
                    // An attribute without a value (`<a href>`) has an empty one.
                    visit(Seen::Attribute { name: &attribute, value: b"" });
                }
            }
            CallbackEvent::AttributeValue { value } if !repeated => visit(Seen::Attribute { name: &attribute, value }),
            CallbackEvent::CloseStartTag { .. } => visit(Seen::StartTagEnd),
            CallbackEvent::EndTag { name } => {
                raw_text = false;
                visit(Seen::EndTag(name));
            }
            CallbackEvent::String { value } if raw_text => visit(Seen::Hidden(value)),
            CallbackEvent::String { value } => visit(Seen::Text(value)),
            CallbackEvent::Comment { value } => visit(Seen::Hidden(value)),
            _ => {}
        }
        None
    });
    emitter.naively_switch_states(true);
    for _ in html5gum::Tokenizer::new_with_emitter(html, WithoutErrors(emitter)) {}
}

/// An emitter that asks the tokenizer not to look for parse errors (the
/// HTML read here is polibrief's own; looking costs a check per byte).
struct WithoutErrors<E>(E);

impl<E: html5gum::Emitter> html5gum::ForwardingEmitter for WithoutErrors<E> {
    type Token = E::Token;

    fn inner(&mut self) -> &mut impl html5gum::Emitter<Token = Self::Token> {
        &mut self.0
    }

    fn should_emit_errors(&mut self) -> bool {
        false
    }
}

fn has_hole(bytes: &[u8]) -> bool {
    // The placeholder opens with HOLE (three bytes, EE first), then the tag.
    let mut hole = [0u8; 4];
    let hole = HOLE.encode_utf8(&mut hole).as_bytes();
    memchr::memchr_iter(hole[0], bytes)
        .any(|i| bytes[i..].starts_with(hole) && bytes[i + hole.len()..].starts_with(HOLE_TAG.as_bytes()))
}

/// The links and ids of a piece of HTML.
pub(crate) fn facts(html: &str) -> HtmlFacts {
    let mut facts = HtmlFacts::default();
    tokens(html, |seen| match seen {
        Seen::Attribute { name, value } => {
            if has_hole(value) {
                facts.misplaced_hole = true;
            }
            if value.is_empty() {
                return;
            }
            let value = || String::from_utf8_lossy(value).into_owned();
            match name {
                b"href" | b"src" => facts.links.push(value()),
                b"id" => facts.ids.push(value()),
                _ => {}
            }
        }
        Seen::Hidden(text) if has_hole(text) => facts.misplaced_hole = true,
        _ => {}
    });
    facts
}

/// A piece of HTML as a reader meets it, in document order.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))] // the walk is read by the PDF only
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Token<'a> {
    /// A start tag, its name in lower case, with its attributes (names in
    /// lower case, values with character references decoded; a repeated
    /// attribute is ignored, as browsers do).
    Start { name: &'a str, attributes: &'a [(String, String)] },
    /// An end tag, its name in lower case.
    End { name: &'a str },
    /// Text a reader sees, character references decoded; never the text of
    /// a `<script>`, a `<style>` or a comment.
    Text(&'a str),
}

#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
impl Token<'_> {
    /// The value of a start tag's attribute (`name` in lower case).
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        match self {
            Token::Start { attributes, .. } => attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Walks the tags and the visible text of `html`: what the PDF reads of
/// the HTML fields it prints. A start tag left open at the end of the input
/// (`<b`) is not a tag.
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
pub(crate) fn walk(html: &str, mut visit: impl FnMut(Token<'_>)) {
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    let mut name = String::new();
    let mut attributes: Vec<(String, String)> = Vec::new();
    let mut in_start_tag = false;
    tokens(html, |seen| match seen {
        Seen::StartTag(tag) => {
            name = text(tag);
            attributes.clear();
            in_start_tag = true;
        }
        Seen::Attribute { name: key, value } if in_start_tag => match attributes.last_mut() {
            // The value of the attribute whose name came just before.
            Some((last, v)) if last.as_bytes() == key && v.is_empty() => *v = text(value),
            _ => attributes.push((text(key), text(value))),
        },
        Seen::StartTagEnd if in_start_tag => {
            in_start_tag = false;
            visit(Token::Start { name: &name, attributes: &attributes });
        }
        Seen::EndTag(tag) => {
            in_start_tag = false;
            visit(Token::End { name: &text(tag) });
        }
        Seen::Text(value) => visit(Token::Text(&String::from_utf8_lossy(value))),
        _ => {}
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_links_in_every_quoting_and_case() {
        let html = r#"<A HREF="/a/">x</A><a href='/b/'>y</a><img src=/c.png alt=z><a href=/d/#e>w</a>"#;
        assert_eq!(facts(html).links, ["/a/", "/b/", "/c.png", "/d/#e"]);
    }

    #[test]
    fn decodes_character_references_in_attributes() {
        assert_eq!(facts(r#"<a href="/x/?a=1&amp;b=2">x</a>"#).links, ["/x/?a=1&b=2"]);
    }

    #[test]
    fn reads_ids_and_skips_scripts_comments_and_empty_values() {
        let html = r#"<h2 id="a">A</h2><script>var s = '<a href="/no/">';</script><!-- <a href="/no2/"> --><p id=b ID='c'><a href>x</a>"#;
        let f = facts(html);
        assert_eq!(f.ids, ["a", "b"]);
        assert!(f.links.is_empty(), "{:?}", f.links);
    }

    /// The walk as text: `<a href=x>`, `</a>`, `"text"`.
    fn walked(html: &str) -> Vec<String> {
        let mut out = Vec::new();
        walk(html, |token| {
            out.push(match token {
                Token::Start { name, attributes } => {
                    let attrs: String = attributes.iter().map(|(n, v)| format!(" {n}={v}")).collect();
                    format!("<{name}{attrs}>")
                }
                Token::End { name } => format!("</{name}>"),
                Token::Text(text) => format!("{text:?}"),
            })
        });
        out
    }

    #[test]
    fn walks_tags_attributes_and_visible_text() {
        let html = r#"<P Class=x>a &amp; b<A HREF='/y?a=1&amp;b=2' title="t" href="/no/" hidden>c</A><br/></p>"#;
        assert_eq!(
            walked(html),
            ["<p class=x>", "\"a & b\"", "<a href=/y?a=1&b=2 title=t hidden=>", "\"c\"", "</a>", "<br>", "</p>"]
        );
        let mut hrefs = Vec::new();
        walk(r#"<a href="/z/">x</a>"#, |t| hrefs.extend(t.attribute("href").map(str::to_string)));
        assert_eq!(hrefs, ["/z/"]);
    }

    #[test]
    fn walks_past_scripts_comments_and_broken_tags() {
        let html =
            "<p>a</p><script>if (a < b) {}</script><style>p{}</style><!-- c --><p title=\"x > y\">d</p>é<b>ü</b>ß<i";
        assert_eq!(
            walked(html),
            [
                "<p>",
                "\"a\"",
                "</p>",
                "<script>",
                "</script>",
                "<style>",
                "</style>",
                "<p title=x > y>",
                "\"d\"",
                "</p>",
                "\"é\"",
                "<b>",
                "\"ü\"",
                "</b>",
                "\"ß\""
            ]
        );
        assert_eq!(walked("a < b &bogus; &#0;"), ["\"a < b &bogus; \u{fffd}\""]);
    }

    #[test]
    fn finds_placeholders_where_they_do_not_belong() {
        let hole = crate::scope::placeholder(0);
        assert!(!facts(&format!("<p>{hole}</p>")).misplaced_hole);
        assert!(facts(&format!("<meta content=\"{hole}\">")).misplaced_hole);
        assert!(facts(&format!("<script>{hole}</script>")).misplaced_hole);
        assert!(!facts(&format!("<meta content=\"{HOLE}0{HOLE}\">")).misplaced_hole);
    }
}
