//! Filters the built-in theme offers to every template.
//!
//! Owns the Tera filters polibrief adds: `number` (thousands separators and
//! fixed decimals, through `format::number`). Kept small: templates receive
//! view structs with values already prepared.

use tera::{Kwargs, State, Tera, TeraResult};

pub(crate) fn register(tera: &mut Tera) {
    tera.register_filter("number", number);
}

/// `{{ value | number(decimals=1) }}`
fn number(value: f64, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let decimals = kwargs.get::<i64>("decimals")?.unwrap_or(0).clamp(0, 6) as usize;
    Ok(crate::format::number(value, decimals))
}
