//! The one table of URLs and output paths.
//!
//! Owns how a site path (`/countries/ma/`) becomes a file in the output
//! folder (`countries/ma/index.html`), the URLs of every generated page and
//! download, and slugs. Nothing else builds URLs by hand.

/// Lower-case ASCII letters, digits and single hyphens: `Policy Context` -> `policy-context`.
pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() && (c.is_whitespace() || "-_./".contains(c)) {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() { String::from("page") } else { slug }
}

/// The common Latin letters with diacritics, folded to ASCII for URLs.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ă' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ș' | 'ş' => 's',
        'ť' | 'ț' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'À'..='Ý' => fold_accent(c.to_lowercase().next().unwrap_or(c)),
        _ => c,
    }
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
pub(crate) const FEED: &str = "/feed.xml";
pub(crate) const COUNTRIES: &str = "/countries/";
pub(crate) const INDICATORS: &str = "/indicators/";
pub(crate) const TYPOLOGY: &str = "/typology/";
pub(crate) const ALL_DATA: &str = "/data/all.json";
pub(crate) const TYPOLOGY_CSV: &str = "/data/typology.csv";

pub(crate) fn country(code: &str) -> String {
    format!("/countries/{}/", code.to_ascii_lowercase())
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
    fn slugs_are_url_safe() {
        assert_eq!(slugify("Policy Context"), "policy-context");
        assert_eq!(slugify("Why do certain emigrants succeed?"), "why-do-certain-emigrants-succeed");
        assert_eq!(slugify("Intégration_Politique"), "integration-politique");
        assert_eq!(slugify("../../etc"), "etc");
        assert_eq!(slugify("???"), "page");
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
