//! Machine-readable files: sitemap and Atom feed (CSV/JSON downloads join
//! them with the data model).
//!
//! Owns serialising them with explicit escaping and a stable order. Built
//! from the model and the output map, never through Tera.

use std::fmt::Write as _;

use crate::content::DocRef;
use crate::output::{Output, OutputFile};
use crate::routes;
use crate::site::Site;

/// Escape text for XML content and attribute values.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Every HTML page of the output except the 404 page.
pub(crate) fn write_sitemap(site: &Site, output: &mut Output) {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in output.paths().filter(|p| p.ends_with("index.html")) {
        let site_path = format!("/{}", path.trim_end_matches("index.html"));
        let _ = writeln!(xml, "  <url><loc>{}</loc></url>", xml_escape(&site.config.permalink(&site_path)));
    }
    xml.push_str("</urlset>\n");
    let _ = output.insert(routes::output_path(routes::SITEMAP), OutputFile::Bytes(xml.into_bytes()), "polibrief");
}

/// The site path of the feed, when there is something to put in it.
pub(crate) fn feed_url(site: &Site) -> Option<String> {
    dated_documents(site).first().map(|_| routes::FEED.to_string())
}

fn dated_documents(site: &Site) -> Vec<DocRef> {
    let mut docs: Vec<DocRef> = site.content.documents().filter(|&r| site.content.doc(r).front.date.is_some()).collect();
    docs.sort_by(|&a, &b| {
        let (a, b) = (site.content.doc(a), site.content.doc(b));
        b.front.date.cmp(&a.front.date).then_with(|| a.url.cmp(&b.url))
    });
    docs
}

/// An Atom feed of the dated pages, newest first.
pub(crate) fn feed(site: &Site) -> Option<String> {
    let docs = dated_documents(site);
    let newest = site.content.doc(*docs.first()?).front.date.clone()?;
    let config = &site.config;
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    let _ = write!(xml, " xml:lang=\"{}\">\n", xml_escape(&config.language));
    let _ = writeln!(xml, "  <title>{}</title>", xml_escape(&config.title));
    if let Some(description) = &config.description {
        let _ = writeln!(xml, "  <subtitle>{}</subtitle>", xml_escape(description));
    }
    let _ = writeln!(xml, "  <id>{}</id>", xml_escape(&config.permalink("/")));
    let _ = writeln!(xml, "  <link href=\"{}\"/>", xml_escape(&config.permalink("/")));
    let _ = writeln!(xml, "  <link rel=\"self\" href=\"{}\"/>", xml_escape(&config.permalink(routes::FEED)));
    let _ = writeln!(xml, "  <updated>{newest}T00:00:00Z</updated>");
    let _ = writeln!(xml, "  <author><name>{}</name></author>", xml_escape(config.author.as_deref().unwrap_or(&config.title)));
    for r in docs {
        let doc = site.content.doc(r);
        let url = config.permalink(&doc.url);
        let date = doc.front.date.as_deref().unwrap_or(&newest);
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <title>{}</title>", xml_escape(&doc.front.title));
        let _ = writeln!(xml, "    <id>{}</id>", xml_escape(&url));
        let _ = writeln!(xml, "    <link href=\"{}\"/>", xml_escape(&url));
        let _ = writeln!(xml, "    <updated>{date}T00:00:00Z</updated>");
        if let Some(description) = &doc.front.description {
            let _ = writeln!(xml, "    <summary>{}</summary>", xml_escape(description));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Some(xml)
}
