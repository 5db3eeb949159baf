//! Filters the built-in theme offers to every template.
//!
//! Owns the Tera filters polibrief adds: `number` (thousands separators and
//! fixed decimals, through `format::number`). Kept small: templates receive
//! view structs with values already prepared.

use tera::{Kwargs, State, Tera, TeraResult};

pub(crate) fn register(tera: &mut Tera) {
    tera.register_filter("number", number);
    tera.register_filter("css_string", css_string);
}

/// `{{ name | css_string }}` inside a CSS string literal: quotes,
/// backslashes, line breaks and `<` escaped, so text from data cannot end
/// the string or the `<style>` element.
fn css_string(value: &str, _: Kwargs, _: &State) -> String {
    value
        .chars()
        .map(|c| match c {
            '"' | '\\' | '<' | '>' | '&' | '\'' => format!("\\{:x} ", c as u32),
            '\n' | '\r' => " ".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// `{{ value | number(decimals=1) }}`
fn number(value: f64, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let decimals = kwargs.get::<i64>("decimals")?.unwrap_or(0).clamp(0, 6) as usize;
    Ok(crate::format::number(value, decimals))
}
