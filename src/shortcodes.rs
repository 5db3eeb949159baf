//! Shortcodes: `{{ name(key="value", n=2023) }}` on a line of its own.
//!
//! Owns finding shortcode lines in a Markdown body (never inside fenced or
//! indented code), parsing their arguments, and swapping each line for a
//! placeholder of the same length so byte offsets (and so diagnostics) stay
//! true. What a shortcode *renders* is decided by `render::embeds`; this
//! module only parses.

use crate::source::SourceFile;

/// A parsed shortcode and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShortcodeCall {
    pub(crate) name: String,
    pub(crate) args: Vec<Arg>,
    /// Absolute byte offset of `{{` in the source file.
    pub(crate) offset: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Arg {
    pub(crate) key: String,
    pub(crate) value: ArgValue,
    /// Absolute byte offset of the key in the source file.
    pub(crate) offset: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ArgValue {
    Str(String),
    Int(i64),
    Bool(bool),
}

impl ShortcodeCall {
    pub(crate) fn arg(&self, key: &str) -> Option<&Arg> {
        self.args.iter().find(|a| a.key == key)
    }
}

/// A malformed shortcode line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SyntaxError {
    pub(crate) offset: usize,
    pub(crate) message: String,
}

/// The body with each shortcode line replaced by a placeholder, and the calls.
pub(crate) struct Extracted {
    pub(crate) text: String,
    pub(crate) calls: Vec<ShortcodeCall>,
    pub(crate) errors: Vec<SyntaxError>,
}

/// Opens and closes the placeholder of a shortcode line.
pub(crate) const MARK: char = '\u{E000}';

/// The placeholder text of call `index`, as it appears in a Markdown text event.
pub(crate) fn placeholder_index(text: &str) -> Option<usize> {
    let inner = text.trim().strip_prefix(MARK)?.strip_suffix(MARK)?;
    inner.parse().ok()
}

/// The private-use characters polibrief uses as markers, replaced in what
/// authors write by U+FFFD (also three bytes, so offsets stay true): typed
/// by hand, they could otherwise pass for a shortcode or an embed.
pub(crate) fn without_markers(text: &str) -> std::borrow::Cow<'_, str> {
    crate::scope::neutralise(text)
}

pub(crate) fn extract(source: &SourceFile, body_offset: usize) -> Extracted {
    let body = without_markers(&source.text[body_offset..]);
    let body = body.as_ref();
    let mut text = String::with_capacity(body.len());
    let mut calls = Vec::new();
    let mut errors = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let indent = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if let Some((c, n)) = fence_marker(content) {
            match fence {
                None => fence = Some((c, n)),
                Some((open, len)) if open == c && n >= len && trimmed.chars().all(|x| x == c) => fence = None,
                Some(_) => {}
            }
        }
        let is_shortcode = fence.is_none() && indent < 4 && trimmed.starts_with("{{") && trimmed.ends_with("}}");
        if is_shortcode {
            let at = body_offset + offset + indent;
            match parse_call(trimmed, at) {
                Ok(call) => {
                    let mark = format!("{MARK}{}{MARK}", calls.len());
                    calls.push(call);
                    text.push_str(&content[..indent]);
                    text.push_str(&mark);
                    let pad = trimmed.len().saturating_sub(mark.len());
                    text.extend(std::iter::repeat_n(' ', pad));
                    text.push_str(&line[content.len()..]);
                }
                Err(e) => {
                    errors.push(e);
                    text.push_str(line);
                }
            }
        } else {
            text.push_str(line);
        }
        offset += line.len();
    }
    Extracted { text, calls, errors }
}

/// ```` ``` ```` or `~~~` (3 or more) after at most 3 spaces.
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let c = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = rest.chars().take_while(|x| *x == c).count();
    (n >= 3).then_some((c, n))
}

/// Parse `{{ name(key="v", n=1) }}`; `at` is the offset of `{{`.
pub(crate) fn parse_call(text: &str, at: usize) -> Result<ShortcodeCall, SyntaxError> {
    let mut p = Cursor { text, pos: 2, base: at };
    p.skip_space();
    let name = p.ident();
    if name.is_empty() {
        return Err(p.error("expected a shortcode name after `{{`, e.g. `{{ chart(indicator=\"...\") }}`"));
    }
    p.skip_space();
    if !p.eat('(') {
        return Err(p.error(format!("expected `(` after `{name}`: shortcodes are written `{{{{ {name}(...) }}}}`")));
    }
    let mut args: Vec<Arg> = Vec::new();
    let mut keys = std::collections::HashSet::new();
    loop {
        p.skip_space();
        if p.eat(')') {
            break;
        }
        if !args.is_empty() {
            if !p.eat(',') {
                return Err(p.error("expected `,` or `)` between arguments"));
            }
            p.skip_space();
        }
        let key_at = p.base + p.pos;
        let key = p.ident();
        if key.is_empty() {
            return Err(p.error("expected an argument name"));
        }
        p.skip_space();
        if !p.eat('=') {
            return Err(p.error(format!("expected `=` after `{key}`")));
        }
        p.skip_space();
        let value = p.value()?;
        if !keys.insert(key.clone()) {
            return Err(SyntaxError { offset: key_at, message: format!("argument `{key}` is given twice") });
        }
        args.push(Arg { key, value, offset: key_at });
    }
    p.skip_space();
    if !p.rest().starts_with("}}") || p.rest().len() != 2 {
        return Err(p.error("expected `}}` to close the shortcode"));
    }
    Ok(ShortcodeCall { name, args, offset: at })
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    base: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError { offset: self.base + self.pos, message: message.into() }
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, c: char) -> bool {
        if self.rest().starts_with(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> String {
        let n = self.rest().bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
        let s = self.rest()[..n].to_string();
        self.pos += n;
        s
    }

    fn value(&mut self) -> Result<ArgValue, SyntaxError> {
        if self.eat('"') {
            let mut s = String::new();
            let mut chars = self.rest().char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '"' => {
                        self.pos += i + 1;
                        return Ok(ArgValue::Str(s));
                    }
                    '\\' => match chars.next() {
                        Some((_, e @ ('"' | '\\'))) => s.push(e),
                        _ => {
                            return Err(SyntaxError {
                                offset: self.base + self.pos + i,
                                message: "only `\\\"` and `\\\\` may follow a backslash".into(),
                            });
                        }
                    },
                    c => s.push(c),
                }
            }
            return Err(self.error("text argument is not closed with `\"`"));
        }
        let n = self
            .rest()
            .bytes()
            .enumerate()
            .take_while(|(i, b)| b.is_ascii_alphanumeric() || (*i == 0 && *b == b'-'))
            .count();
        let word = &self.rest()[..n];
        let value = match word {
            "true" => ArgValue::Bool(true),
            "false" => ArgValue::Bool(false),
            w => match w.parse::<i64>() {
                Ok(n) => ArgValue::Int(n),
                Err(_) => {
                    return Err(self.error("expected a value: a number, `true`, `false` or text in double quotes"));
                }
            },
        };
        self.pos += n;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_arguments() {
        let call = parse_call(r#"{{ chart(indicator="employment-rate", year=2023, title="A \"quoted\" title") }}"#, 0)
            .unwrap();
        assert_eq!(call.name, "chart");
        assert_eq!(call.args.len(), 3);
        assert_eq!(call.args[1].value, ArgValue::Int(2023));
        assert_eq!(call.args[2].value, ArgValue::Str("A \"quoted\" title".into()));
        assert_eq!(parse_call("{{ typology() }}", 0).unwrap().args, vec![]);
    }

    #[test]
    fn reports_where_the_syntax_breaks() {
        let e = parse_call(r#"{{ chart(indicator="x) }}"#, 10).unwrap_err();
        assert_eq!(e.message, "text argument is not closed with `\"`");
        let e = parse_call(r#"{{ chart(indicator="x" year=1) }}"#, 0).unwrap_err();
        assert_eq!((e.offset, e.message.as_str()), (23, "expected `,` or `)` between arguments"));
        let e = parse_call("{{ chart }}", 0).unwrap_err();
        assert!(e.message.starts_with("expected `(`"));
    }

    #[test]
    fn marker_characters_typed_by_authors_are_neutralised() {
        let text = "A \u{E001}0\u{E001} and\n\n\u{E000}0\u{E000}\n";
        let src = SourceFile::new("a.md", text);
        let ex = extract(&src, 0);
        assert!(ex.calls.is_empty());
        assert!(!ex.text.contains(['\u{E000}', '\u{E001}']));
        assert_eq!(ex.text.len(), text.len(), "offsets stay true");
    }

    #[test]
    fn skips_code_and_keeps_offsets() {
        let text =
            "---\ntitle: A\n---\nIntro\n\n{{ typology() }}\n\n```\n{{ typology() }}\n```\n    {{ typology() }}\n";
        let src = SourceFile::new("a.md", text);
        let ex = extract(&src, 17);
        assert_eq!(ex.calls.len(), 1);
        assert_eq!(ex.calls[0].offset, text.find("{{").unwrap());
        assert_eq!(ex.text.len(), text.len() - 17);
        assert_eq!(placeholder_index(ex.text.lines().nth(2).unwrap()), Some(0));
    }
}
