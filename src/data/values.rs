//! One cell of an indicator's values: a number, `null`, or
//! `{value, flag, note}`; and Eurostat's observation flags.
//!
//! Owns the custom deserializer that gives readable errors for every other
//! shape, and keeps each number's text exactly as written in the YAML so the
//! downloads reproduce it.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

/// Eurostat flag letters and what they mean (shown on pages as a legend).
pub(crate) const FLAGS: &[(char, &str)] = &[
    ('b', "break in time series"),
    ('c', "confidential"),
    ('d', "definition differs"),
    ('e', "estimated"),
    ('f', "forecast"),
    ('n', "not significant"),
    ('p', "provisional"),
    ('r', "revised"),
    ('s', "Eurostat estimate"),
    ('u', "low reliability"),
    ('z', "not applicable"),
];

pub(crate) fn flag_meaning(letter: char) -> Option<&'static str> {
    FLAGS.iter().find(|(c, _)| *c == letter).map(|(_, m)| *m)
}

/// A cell as written. Plain numbers get their span from the enclosing
/// `Spanned<Cell>`; the `value` inside a mapping carries its own. Any other
/// shape is kept as `Invalid` (what was found) so the check can report it at
/// the value's own position.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Number(f64),
    Null,
    Detailed { value: Option<Spanned<Scalar>>, flag: Option<Spanned<String>>, note: Option<String> },
    Invalid(String),
}

/// The `value` inside `{value, flag, note}`: a number, null, or something else.
#[derive(Debug, Clone)]
pub(crate) enum Scalar {
    Number(f64),
    Null,
    Invalid(String),
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CellVisitor)
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// Like `CellVisitor`, but a mapping is not read as `{value, ...}` again:
/// `{value: {value: ...}}` nested thousands deep must not recurse.
struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or null")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Number(v as f64))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::Invalid(format!("`{v}`")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Invalid(found_text(v)))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Scalar::Invalid("a list".into()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
        Ok(Scalar::Invalid("a mapping".into()))
    }
}

/// A short description of a scalar that is not a number.
fn found_text(v: &str) -> String {
    let shown: String = v.chars().take(40).collect();
    format!("the text `{shown}`")
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, null, or {value, flag, note}")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
        Ok(Cell::Number(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
        Ok(Cell::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
        Ok(Cell::Number(v as f64))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell, E> {
        Ok(Cell::Invalid(format!("`{v}`")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
        Ok(Cell::Invalid(found_text(v)))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Cell, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Cell::Invalid("a list".into()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell, A::Error> {
        let (mut value, mut flag, mut note) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" => value = Some(map.next_value::<Spanned<Scalar>>()?),
                "flag" => flag = Some(map.next_value::<Spanned<String>>()?),
                "note" => note = Some(map.next_value::<String>()?),
                other => return Err(de::Error::unknown_field(other, &["value", "flag", "note"])),
            }
        }
        if value.is_none() {
            return Err(de::Error::missing_field("value"));
        }
        Ok(Cell::Detailed { value, flag, note })
    }
}

/// Checks a flag string: one or more known letters, each at most once.
pub(crate) fn check_flags(flags: &str) -> Result<(), String> {
    if flags.is_empty() {
        return Err("flag is empty: leave `flag` out when there is none".into());
    }
    for (i, c) in flags.chars().enumerate() {
        if flag_meaning(c).is_none() {
            let known: String = FLAGS.iter().map(|(c, _)| *c).collect();
            return Err(format!("unknown flag `{c}` in `{flags}`; Eurostat flags are the letters {known}"));
        }
        if flags.chars().take(i).any(|x| x == c) {
            return Err(format!("flag `{c}` is repeated in `{flags}`"));
        }
    }
    Ok(())
}

/// The text of a number for the downloads: as written in the YAML when that
/// is a plain JSON number, otherwise Rust's shortest round-trip form.
pub(crate) fn number_text(written: Option<&str>, value: f64) -> String {
    match written.map(str::trim) {
        Some(w) if is_json_number(w) && w.parse::<f64>().ok() == Some(value) => w.to_string(),
        _ => {
            if value.fract() == 0.0 && value.abs() < 1e15 {
                format!("{}", value as i64)
            } else {
                format!("{value}")
            }
        }
    }
}

fn is_json_number(s: &str) -> bool {
    serde_json::from_str::<serde_json::Number>(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags() {
        assert!(check_flags("bp").is_ok());
        assert!(check_flags("x").unwrap_err().starts_with("unknown flag `x`"));
        assert!(check_flags("pp").unwrap_err().contains("repeated"));
    }

    #[test]
    fn numbers_keep_their_written_form() {
        assert_eq!(number_text(Some("56.10"), 56.1), "56.10");
        assert_eq!(number_text(Some("1e3"), 1000.0), "1e3");
        assert_eq!(number_text(Some(".5"), 0.5), "0.5");
        assert_eq!(number_text(Some("+5"), 5.0), "5");
        assert_eq!(number_text(None, 63.0), "63");
    }
}
