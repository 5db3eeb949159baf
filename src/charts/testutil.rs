//! Helpers for the chart tests: parse the SVG as XML and query it.

use roxmltree::{Document, Node};

use super::ChartMeta;

pub(crate) fn meta(id: &str) -> ChartMeta {
    ChartMeta {
        id: id.to_string(),
        title: format!("Title of {id}"),
        description: format!("Description of {id}"),
        unit_label: "%".to_string(),
        decimals: 1,
    }
}

/// Parses strictly as XML: a chart must be a well-formed document.
pub(crate) fn parse(svg: &str) -> Document<'_> {
    match Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => panic!("invalid XML: {e}\n{svg}"),
    }
}

pub(crate) fn find_all<'a, 'i>(doc: &'a Document<'i>, tag: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants().filter(|n| n.has_tag_name(tag)).collect()
}

/// Elements whose class list contains `class`.
pub(crate) fn with_class<'a, 'i>(doc: &'a Document<'i>, class: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.split_whitespace().any(|x| x == class)))
        .collect()
}

/// The text of every `<text>` element, in document order.
pub(crate) fn texts(doc: &Document<'_>) -> Vec<String> {
    find_all(doc, "text").iter().map(|n| n.text().unwrap_or("").to_string()).collect()
}

pub(crate) fn child_text(node: Node<'_, '_>, tag: &str) -> Option<String> {
    node.children().find(|c| c.has_tag_name(tag)).and_then(|c| c.text()).map(str::to_string)
}

/// What every chart must have: viewBox without a fixed size, role, the
/// accessible name and description, the kind's class, no NaN.
pub(crate) fn check_common(svg: &str, meta: &ChartMeta, kind: &str) {
    let doc = parse(svg);
    let root = doc.root_element();
    assert!(root.has_tag_name("svg"));
    assert!(root.attribute("viewBox").is_some_and(|v| v.starts_with("0 0 400 ")), "{:?}", root.attribute("viewBox"));
    assert_eq!(root.attribute("width"), None);
    assert_eq!(root.attribute("height"), None);
    assert_eq!(root.attribute("role"), Some("img"));
    let id = &meta.id;
    assert_eq!(root.attribute("aria-labelledby"), Some(format!("{id}-title {id}-desc").as_str()));
    assert_eq!(root.attribute("class"), Some(format!("chart__svg chart--{kind}").as_str()));
    let first = root.first_element_child().expect("a first child");
    assert!(first.has_tag_name("title"));
    assert_eq!(first.attribute("id"), Some(format!("{id}-title").as_str()));
    assert_eq!(first.text(), Some(meta.title.as_str()));
    let desc = first.next_sibling_element().expect("desc");
    assert!(desc.has_tag_name("desc"));
    assert_eq!(desc.attribute("id"), Some(format!("{id}-desc").as_str()));
    assert_eq!(desc.text(), Some(meta.description.as_str()));
    assert!(!svg.contains("NaN"), "NaN in {svg}");
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        let size: f64 = node.attribute("font-size").and_then(|s| s.parse().ok()).unwrap_or(0.0);
        assert!(size >= 15.0, "font-size {size} on {:?}", node.text());
    }
}

/// Writes `svg` to `target/chart-previews/NAME.svg` for a look in a viewer
/// (only the `#[ignore]`d preview tests call this).
pub(crate) fn preview(name: &str, svg: &str) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/chart-previews");
    std::fs::create_dir_all(&dir).expect("preview folder");
    std::fs::write(dir.join(format!("{name}.svg")), svg).expect("preview file");
}
