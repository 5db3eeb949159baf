//! Putting a page together: the template's output with its fragments
//! spliced in, in one pass.
//!
//! Owns finding the placeholders (`scope::placeholder`) in a
//! page's template output and in its fragments, and producing the page as
//! a list of byte slices that borrow from both (written one after the other,
//! never concatenated), together with the links and ids of every piece
//! used. A fragment may hold placeholders of fragments made before it (a
//! page's Markdown holds its charts), never of itself or later ones, so
//! splicing always ends. Cost: one pass over the template output and one
//! over each fragment used, whatever the number of charts on the site.

use crate::scope::{Fragment, HOLE, HOLE_TAG, PieceFacts};

/// A page as byte slices, and what its pieces hold.
pub(crate) struct Assembled<'a> {
    pub(crate) chunks: Vec<&'a [u8]>,
    /// The facts of every fragment used (the template output's own are
    /// added by the caller, who knows the template).
    pub(crate) facts: PieceFacts,
}

impl Assembled<'_> {
    pub(crate) fn len(&self) -> usize {
        self.chunks.iter().map(|c| c.len()).sum()
    }
}

/// Splice `fragments` into `skeleton`.
pub(crate) fn assemble<'a>(skeleton: &'a str, fragments: &'a [Fragment]) -> Assembled<'a> {
    let mut out = Assembled { chunks: Vec::new(), facts: PieceFacts::default() };
    splice(skeleton, fragments, fragments.len(), &mut out);
    out
}

/// The page as one string (a report rendered alone).
pub(crate) fn assemble_string(skeleton: &str, fragments: &[Fragment]) -> String {
    let assembled = assemble(skeleton, fragments);
    let mut bytes = Vec::with_capacity(assembled.len());
    assembled.chunks.iter().for_each(|c| bytes.extend_from_slice(c));
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Copy `text` into `out`, replacing each placeholder of a fragment below
/// `limit` by that fragment (itself spliced).
fn splice<'a>(text: &'a str, fragments: &'a [Fragment], limit: usize, out: &mut Assembled<'a>) {
    let mut rest = text;
    while let Some((before, index, after)) = next_hole(rest) {
        match index.filter(|i| *i < limit) {
            Some(i) => {
                push(out, before);
                let fragment = &fragments[i];
                out.facts.links.extend(fragment.facts.links.iter().cloned());
                out.facts.ids.extend(fragment.facts.ids.iter().cloned());
                out.facts.misplaced_hole |= fragment.facts.misplaced_hole;
                splice(&fragment.html, fragments, i, out);
            }
            // Not a placeholder of ours: keep the text as it is.
            None => push(out, &rest[..rest.len() - after.len()]),
        }
        rest = after;
    }
    push(out, rest);
}

fn push<'a>(out: &mut Assembled<'a>, text: &'a str) {
    if !text.is_empty() {
        out.chunks.push(text.as_bytes());
    }
}

/// The text before the next placeholder, its number (none when what
/// follows `HOLE` is not `HOLE_TAG`, a number and a closing `HOLE`), and the
/// text after it.
fn next_hole(text: &str) -> Option<(&str, Option<usize>, &str)> {
    let start = text.find(HOLE)?;
    let after_open = &text[start + HOLE.len_utf8()..];
    let Some(numbered) = after_open.strip_prefix(HOLE_TAG) else {
        return Some((&text[..start + HOLE.len_utf8()], None, after_open));
    };
    let digits = numbered.bytes().take_while(u8::is_ascii_digit).count();
    let number = numbered[..digits].parse::<usize>().ok().filter(|_| digits > 0 && digits < 10);
    match (number, numbered[digits..].strip_prefix(HOLE)) {
        (Some(n), Some(after)) => Some((&text[..start], Some(n), after)),
        _ => Some((&text[..start + HOLE.len_utf8()], None, after_open)),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::scope::{FoundLink, Written};

    fn fragment(html: &str, id: &str) -> Fragment {
        let facts = PieceFacts {
            links: vec![FoundLink { target: format!("/{id}/"), written: Written::Template("t".into()) }],
            ids: vec![id.to_string()],
            misplaced_hole: false,
        };
        Fragment { html: html.into(), facts: Arc::new(facts) }
    }

    fn hole(n: usize) -> String {
        crate::scope::placeholder(n)
    }

    #[test]
    fn splices_nested_fragments_in_one_pass() {
        let fragments = vec![fragment("<svg/>", "a"), fragment(&format!("<p>md {}</p>", hole(0)), "b")];
        let skeleton = format!("<main>{}</main>{}", hole(1), hole(0));
        let page = assemble(&skeleton, &fragments);
        let text: String = page.chunks.iter().map(|c| std::str::from_utf8(c).unwrap()).collect();
        assert_eq!(text, "<main><p>md <svg/></p></main><svg/>");
        assert_eq!(page.facts.ids, ["b", "a", "a"]);
        assert_eq!(page.len(), text.len());
    }

    #[test]
    fn a_fragment_cannot_splice_itself_or_a_later_one() {
        let fragments = vec![fragment(&format!("x{}y{}", hole(0), hole(1)), "a"), fragment("z", "b")];
        let page = assemble_string(&hole(0), &fragments);
        assert_eq!(page, format!("x{}y{}", hole(0), hole(1)));
    }

    #[test]
    fn text_that_is_not_a_placeholder_stays() {
        let fragments = vec![fragment("F", "a")];
        for text in [
            format!("{HOLE}"),
            format!("a{HOLE}x{HOLE}"),
            hole(7),
            format!("{HOLE}0{HOLE}"),
            format!("{HOLE}{HOLE_TAG}0"),
        ] {
            assert_eq!(assemble_string(&text, &fragments), text);
        }
        assert_eq!(assemble_string(&format!("{HOLE}{}", hole(0)), &fragments), format!("{HOLE}F"));
    }
}
