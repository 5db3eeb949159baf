//! The one table of URLs and output paths.
//!
//! Owns how a site path (`/countries/ma/`) becomes a file in the output
//! folder (`countries/ma/index.html`), the URLs of every generated page and
//! download, and slugs. Nothing else builds URLs by hand.

/// `[a-z0-9-]+`, not starting or ending with `-`.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// The one way text becomes a slug: a file or folder name in a URL, a
/// heading or footnote id. Every letter is transliterated to ASCII by
/// `deunicode` (`Łódź` -> `lodz`, `Straße` -> `strasse`, `Україна` ->
/// `ukrayina`, `Ελλάδα` -> `ellada`, `مصر` -> `msr`), then lower-cased;
/// digits stay; whitespace and `-_./` become single hyphens between words;
/// any other mark is dropped (`Côte d'Ivoire` -> `cote-divoire`).
///
/// Empty when the text has no letter or digit at all (`???`): each caller
/// decides what that means (an error for a URL, `section` for an id).
/// One pass over the text, no recursion, output at most a few times the
/// input (a transliteration is at most a short word per character).
pub(crate) fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        let ascii = match c {
            c if c.is_ascii() => None,
            c => Some(deunicode::deunicode_char(c).unwrap_or("")),
        };
        let mut one = [0u8; 4];
        let pieces = ascii.unwrap_or_else(|| c.encode_utf8(&mut one));
        for a in pieces.chars() {
            if a.is_ascii_alphanumeric() {
                if gap && !slug.is_empty() {
                    slug.push('-');
                }
                gap = false;
                slug.push(a.to_ascii_lowercase());
            } else if a.is_ascii_whitespace() || "-_./".contains(a) {
                gap = true;
            }
        }
    }
    slug
}

/// The file a site path is written to: `/` -> `index.html`,
/// `/a/b/` -> `a/b/index.html`, `/data/x.csv` -> `data/x.csv`.
pub(crate) fn output_path(site_path: &str) -> String {
    let trimmed = site_path.trim_start_matches('/');
    if trimmed.is_empty() {
        String::from("index.html")
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// True when an output path stays inside the output folder.
pub(crate) fn is_contained(output_path: &str) -> bool {
    !output_path.is_empty()
        && !output_path.starts_with('/')
        && !output_path.contains('\\')
        && output_path.split('/').all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

pub(crate) const NOT_FOUND: &str = "/404.html";
pub(crate) const SITEMAP: &str = "/sitemap.xml";

/// The `n`th sitemap (from 1) of a site too large for one.
pub(crate) fn sitemap_part(n: usize) -> String {
    format!("/sitemap-{n}.xml")
}
pub(crate) const FEED: &str = "/feed.xml";
pub(crate) const COUNTRIES: &str = "/countries/";
pub(crate) const INDICATORS: &str = "/indicators/";
pub(crate) const TYPOLOGY: &str = "/typology/";
pub(crate) const ALL_DATA: &str = "/data/all.json";
pub(crate) const TYPOLOGY_CSV: &str = "/data/typology.csv";

pub(crate) const TYPOLOGY_METHOD: &str = "/typology/method/";

pub(crate) fn country(code: &str) -> String {
    format!("/countries/{}/", code.to_ascii_lowercase())
}

/// A country's report, `/countries/ma/report/`.
pub(crate) fn country_report(code: &str) -> String {
    format!("{}report/", country(code))
}

/// A country's report as PDF, `/countries/ma/report.pdf`.
pub(crate) fn country_report_pdf(code: &str) -> String {
    format!("{}report.pdf", country(code))
}

/// A content folder or page from its segments (slugs already): `/a/b/`;
/// `/` for none.
pub(crate) fn content<'a>(segments: impl IntoIterator<Item = &'a str>) -> String {
    let mut url = String::from("/");
    for segment in segments {
        url.push_str(segment);
        url.push('/');
    }
    url
}

/// A file of the site's `static/` folder or of the theme, at its path.
pub(crate) fn static_file(path: &str) -> String {
    format!("/{path}")
}

/// The site path of a folder's page in the output (`brief/index.html` ->
/// `/brief/`); none for any other file.
pub(crate) fn page_of_output(output_path: &str) -> Option<String> {
    output_path.strip_suffix("index.html").map(|dir| format!("/{dir}"))
}

pub(crate) fn indicator(id: &str) -> String {
    format!("/indicators/{id}/")
}

pub(crate) fn corridor(origin: &str, destination: &str) -> String {
    format!("/corridors/{}-{}/", origin.to_ascii_lowercase(), destination.to_ascii_lowercase())
}

pub(crate) fn indicator_csv(id: &str) -> String {
    format!("/data/indicators/{id}.csv")
}

pub(crate) fn indicator_json(id: &str) -> String {
    format!("/data/indicators/{id}.json")
}

pub(crate) fn country_json(code: &str) -> String {
    format!("/data/countries/{}.json", code.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_slug_is() {
        assert!(is_slug("policy-context-2"));
        assert!(!is_slug("Policy"));
        assert!(!is_slug("a/b"));
        assert!(!is_slug("-a"));
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug("Policy Context"), "policy-context");
        assert_eq!(slug("Why do certain emigrants succeed?"), "why-do-certain-emigrants-succeed");
        assert_eq!(slug("Intégration_Politique"), "integration-politique");
        assert_eq!(slug("../../etc"), "etc");
        assert_eq!(slug("  a -- b  "), "a-b");
        assert_eq!(slug("Côte d’Ivoire"), "cote-divoire");
        assert_eq!(slug("???"), "");
    }

    #[test]
    fn slugs_keep_every_letter() {
        let cases = [
            ("Łódź", "lodz"),
            ("İstanbul", "istanbul"),
            ("Ærø", "aero"),
            ("Straße", "strasse"),
            ("Україна", "ukrayina"),
            ("Россия", "rossiia"),
            ("Ελλάδα", "ellada"),
            ("مصر", "msr"),
            ("Türkiye", "turkiye"),
            ("price×volume", "pricexvolume"),
            ("a×b", "axb"),
        ];
        for (text, expected) in cases {
            assert_eq!(slug(text), expected, "{text}");
        }
    }

    #[test]
    fn every_character_slugs_without_a_crash() {
        // `fold_accent` recursed forever on `×` (U+00D7): every scalar value
        // once, and the result is always a valid slug or empty.
        let all: String = (0..=0x10FFFF_u32).filter_map(char::from_u32).collect();
        for chunk in all.chars().collect::<Vec<_>>().chunks(64) {
            let text: String = chunk.iter().collect();
            let s = slug(&text);
            assert!(s.is_empty() || is_slug(&s), "{text:?} -> {s:?}");
        }
    }

    #[test]
    fn output_paths() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/brief/intro/"), "brief/intro/index.html");
        assert_eq!(output_path("/data/all.json"), "data/all.json");
        assert!(is_contained("brief/index.html"));
        assert!(!is_contained("../x"));
        assert!(!is_contained("a/../../x"));
        assert!(!is_contained("/etc/passwd"));
    }
}
