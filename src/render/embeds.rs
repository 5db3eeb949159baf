//! What each shortcode renders: `chart`, `typology`, `country`.
//!
//! Owns checking a shortcode's name and arguments against what it accepts
//! (unknown names and arguments are located errors with suggestions) and
//! dispatching to the renderer of that embed. Parsing is `shortcodes`' job.

use crate::diagnostics::{Diagnostic, suggestion};
use crate::shortcodes::{ArgValue, ShortcodeCall};
use crate::site::Site;
use crate::source::SourceFile;

/// Every shortcode and the arguments it accepts.
pub(crate) const SHORTCODES: &[(&str, &[&str])] = &[
    ("chart", &["indicator", "kind", "countries", "year", "origin", "destination", "title"]),
    ("typology", &[]),
    ("country", &["code"]),
];

pub(crate) fn render(site: &Site, source: &SourceFile, call: &ShortcodeCall) -> Result<String, Diagnostic> {
    let Some((_, accepted)) = SHORTCODES.iter().find(|(name, _)| *name == call.name) else {
        return Err(Diagnostic::error("unknown-shortcode", format!("unknown shortcode `{}`", call.name))
            .at_offset(source, call.offset)
            .with_help(suggestion(&call.name, SHORTCODES.iter().map(|(n, _)| *n))));
    };
    for arg in &call.args {
        if !accepted.contains(&arg.key.as_str()) {
            let help = if accepted.is_empty() {
                format!("`{}` takes no arguments", call.name)
            } else {
                suggestion(&arg.key, accepted.iter().copied())
            };
            return Err(Diagnostic::error(
                "unknown-argument",
                format!("`{}` has no argument `{}`", call.name, arg.key),
            )
            .at_offset(source, arg.offset)
            .with_help(help));
        }
    }
    let _ = site;
    Err(Diagnostic::error("no-data", format!("`{}` needs data, and this site has no `data/` folder", call.name))
        .at_offset(source, call.offset))
}

/// A text argument, or a located error when it has another type.
#[allow(dead_code)]
pub(crate) fn text_arg<'c>(
    source: &SourceFile,
    call: &'c ShortcodeCall,
    key: &str,
) -> Result<Option<&'c str>, Diagnostic> {
    match call.arg(key) {
        None => Ok(None),
        Some(arg) => match &arg.value {
            ArgValue::Str(s) => Ok(Some(s)),
            _ => Err(Diagnostic::error("wrong-type", format!("`{key}` takes text in double quotes"))
                .at_offset(source, arg.offset)),
        },
    }
}
