//! The drawing surface of every chart kind.
//!
//! A kind adds items (shapes and text, in user units, with the class and
//! attributes each should carry) to a [`Scene`]; [`Scene::render`] draws them
//! in order with plotters' `SVGBackend::with_string` and then rewrites its
//! output as text. Each item becomes exactly the elements plotters emits for
//! it (one, or one per ring for a [`Shape::Region`], merged into a single
//! `<path>`), so the rewrite pairs items and elements by position.
//!
//! Plotters works in integer pixels, so every coordinate in the SVG is an
//! integer: output is byte-stable and never holds `NaN`.

use std::fmt::Write as _;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{ChartMeta, WIDTH, clean_text, escape_xml};

/// A point in user units.
pub(super) type Pt = (f64, f64);

/// Horizontal alignment of text at its point (vertically it is centred).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Debug)]
pub(super) enum Shape {
    /// Filled rectangle between two corners.
    Rect(Pt, Pt),
    /// Open polyline.
    Line(Vec<Pt>),
    Circle {
        at: Pt,
        r: f64,
        filled: bool,
    },
    /// Filled polygon.
    Polygon(Vec<Pt>),
    /// Text, turned to read bottom-up when `vertical`.
    Text {
        at: Pt,
        text: String,
        anchor: Anchor,
        size: u32,
        vertical: bool,
    },
    /// Several filled rings drawn as one `<path>` (a country).
    Region(Vec<Vec<Pt>>),
}

/// One thing drawn, with what the rewrite adds to its element.
#[derive(Debug)]
pub(super) struct Item {
    shape: Shape,
    colour: RGBColor,
    stroke_width: u32,
    class: String,
    attrs: Vec<(&'static str, String)>,
    title: Option<String>,
}

impl Item {
    /// Adds a CSS class.
    pub(super) fn class(&mut self, class: &str) -> &mut Self {
        if !self.class.is_empty() {
            self.class.push(' ');
        }
        self.class.push_str(class);
        self
    }

    /// Sets an attribute (replacing the one plotters wrote, if any). The
    /// value is escaped.
    pub(super) fn attr(&mut self, name: &'static str, value: impl Into<String>) -> &mut Self {
        let value = value.into();
        match self.attrs.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.attrs.push((name, value)),
        }
        self
    }

    /// Adds a `<title>` child (a tooltip).
    pub(super) fn title(&mut self, title: impl Into<String>) -> &mut Self {
        self.title = Some(title.into());
        self
    }

    /// How many elements plotters writes for this item.
    fn emitted(&self) -> usize {
        match &self.shape {
            Shape::Region(rings) => rings.len(),
            _ => 1,
        }
    }
}

/// Marker shapes, so that series differ by more than colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
    Hexagon,
}

impl Marker {
    /// The shape of the `n`-th series.
    pub(super) fn nth(n: usize) -> Self {
        const ALL: [Marker; 6] =
            [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond, Marker::TriangleDown, Marker::Hexagon];
        ALL[n % ALL.len()]
    }

    /// The outline around `(x, y)` for a marker about `r` units in radius.
    fn outline(self, (x, y): Pt, r: f64) -> Vec<Pt> {
        let corners: &[(f64, f64)] = match self {
            Marker::Circle | Marker::Hexagon => {
                &[(1.0, 0.0), (0.5, 0.866), (-0.5, 0.866), (-1.0, 0.0), (-0.5, -0.866), (0.5, -0.866)]
            }
            Marker::Square => &[(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)],
            Marker::Triangle => &[(0.0, -1.2), (1.1, 0.75), (-1.1, 0.75)],
            Marker::TriangleDown => &[(0.0, 1.2), (1.1, -0.75), (-1.1, -0.75)],
            Marker::Diamond => &[(0.0, -1.25), (1.1, 0.0), (0.0, 1.25), (-1.1, 0.0)],
        };
        corners.iter().map(|(dx, dy)| (x + dx * r, y + dy * r)).collect()
    }
}

/// A chart being drawn: fixed width [`WIDTH`], a height, items in paint order.
#[derive(Debug)]
pub(super) struct Scene {
    height: f64,
    items: Vec<Item>,
    defs: String,
}

fn rgb(hex: &str) -> RGBColor {
    let channel = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
    RGBColor(channel(1), channel(3), channel(5))
}

fn px((x, y): Pt) -> (i32, i32) {
    // `as` saturates and maps NaN to 0, so no NaN reaches the SVG.
    (x.round() as i32, y.round() as i32)
}

impl Scene {
    pub(super) fn new(height: f64) -> Self {
        Scene { height, items: Vec::new(), defs: String::new() }
    }

    pub(super) fn set_height(&mut self, height: f64) {
        self.height = height;
    }

    /// Raw markup for `<defs>` (patterns); ids in it must carry the chart id.
    pub(super) fn add_defs(&mut self, defs: &str) {
        self.defs.push_str(defs);
    }

    fn push(&mut self, shape: Shape, colour: &str) -> &mut Item {
        let item =
            Item { shape, colour: rgb(colour), stroke_width: 1, class: String::new(), attrs: Vec::new(), title: None };
        self.items.push(item);
        self.items.last_mut().expect("just pushed")
    }

    pub(super) fn rect(&mut self, a: Pt, b: Pt, fill: &str) -> &mut Item {
        self.push(Shape::Rect(a, b), fill)
    }

    pub(super) fn line(&mut self, points: Vec<Pt>, stroke: &str, width: u32) -> &mut Item {
        let item = self.push(Shape::Line(points), stroke);
        item.stroke_width = width.max(1);
        item
    }

    pub(super) fn circle(&mut self, at: Pt, r: f64, colour: &str, filled: bool) -> &mut Item {
        let item = self.push(Shape::Circle { at, r, filled }, colour);
        item.stroke_width = 2;
        item
    }

    pub(super) fn polygon(&mut self, points: Vec<Pt>, fill: &str) -> &mut Item {
        self.push(Shape::Polygon(points), fill)
    }

    pub(super) fn region(&mut self, rings: Vec<Vec<Pt>>, fill: &str) -> &mut Item {
        self.push(Shape::Region(rings), fill)
    }

    pub(super) fn text(&mut self, at: Pt, text: &str, anchor: Anchor, size: u32, colour: &str) -> &mut Item {
        let text = clean_text(text);
        let item = self.push(Shape::Text { at, text, anchor, size, vertical: false }, colour);
        item.attr("font-size", size.to_string());
        item
    }

    /// Text reading bottom-up, centred on `at` (a y-axis title).
    pub(super) fn vertical_text(&mut self, at: Pt, text: &str, size: u32, colour: &str) -> &mut Item {
        let text = clean_text(text);
        let item = self.push(Shape::Text { at, text, anchor: Anchor::Middle, size, vertical: true }, colour);
        item.attr("font-size", size.to_string());
        item
    }

    /// A marker of `shape`; hollow ones show only their outline (the class
    /// colours fills, so hollowness is `fill-opacity="0"`).
    pub(super) fn marker(&mut self, shape: Marker, at: Pt, r: f64, colour: &str, hollow: bool) -> &mut Item {
        let item = match (shape, hollow) {
            (Marker::Circle, _) => self.circle(at, r, colour, !hollow),
            (_, false) => self.polygon(shape.outline(at, r), colour),
            (_, true) => {
                let mut ring = shape.outline(at, r);
                ring.push(ring[0]);
                self.line(ring, colour, 2)
            }
        };
        if hollow {
            item.attr("fill-opacity", "0");
        }
        item
    }

    /// The finished SVG element.
    pub(super) fn render(&self, meta: &ChartMeta, kind: &str) -> String {
        let raw = self.draw();
        self.rewrite(&raw, meta, kind)
    }

    /// Draws every item with plotters; returns its SVG text.
    fn draw(&self) -> String {
        let mut raw = String::with_capacity(256 + self.items.len() * 160);
        {
            let size = (WIDTH as u32, self.height.max(1.0).round() as u32);
            let root = SVGBackend::with_string(&mut raw, size).into_drawing_area();
            for item in &self.items {
                draw_item(&root, item);
            }
            // Writing into a String cannot fail.
            let _ = root.present();
        }
        raw
    }

    fn rewrite(&self, raw: &str, meta: &ChartMeta, kind: &str) -> String {
        let doc = roxmltree::Document::parse(raw);
        let elements = doc.as_ref().map(parse_elements).unwrap_or_default();
        let id = escape_xml(&meta.id);
        let mut out = String::with_capacity(raw.len() + raw.len() / 2 + 512);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" class=\"chart__svg chart--{kind}\" \
             role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT_FAMILY}\">\n\
             <title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
            w = WIDTH as u32,
            h = self.height.max(1.0).round() as u32,
            kind = escape_xml(kind),
            title = escape_xml(&meta.title),
            desc = escape_xml(&meta.description),
        );
        if !self.defs.is_empty() {
            let _ = writeln!(out, "<defs>{}</defs>", self.defs);
        }
        let mut rest = elements.as_slice();
        for item in &self.items {
            let n = item.emitted();
            if rest.len() < n {
                break;
            }
            let (mine, later) = rest.split_at(n);
            rest = later;
            write_item(&mut out, item, mine);
        }
        out.push_str("</svg>\n");
        out
    }
}

/// The font stack of the theme's `--font-sans`, for a chart opened on its own.
const FONT_FAMILY: &str =
    "system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto, &apos;Helvetica Neue&apos;, Arial, sans-serif";

fn draw_item<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, item: &Item) {
    let colour = item.colour;
    // Drawing into a String cannot fail; an error would only drop the
    // element, and the rewrite then stops pairing (tests would see it).
    let _ = match &item.shape {
        Shape::Rect(a, b) => root.draw(&Rectangle::new([px(*a), px(*b)], colour.filled())),
        Shape::Line(points) => {
            let points: Vec<(i32, i32)> = points.iter().copied().map(px).collect();
            root.draw(&PathElement::new(points, colour.stroke_width(item.stroke_width)))
        }
        Shape::Circle { at, r, filled } => {
            let style = if *filled { colour.filled() } else { colour.stroke_width(item.stroke_width) };
            root.draw(&Circle::new(px(*at), r.round().max(1.0) as i32, style))
        }
        Shape::Polygon(points) => {
            let points: Vec<(i32, i32)> = points.iter().copied().map(px).collect();
            root.draw(&Polygon::new(points, colour.filled()))
        }
        Shape::Text { at, text, anchor, size, vertical } => {
            let h = match anchor {
                Anchor::Start => HPos::Left,
                Anchor::Middle => HPos::Center,
                Anchor::End => HPos::Right,
            };
            let style = TextStyle::from(("sans-serif", f64::from(*size)).into_font())
                .color(&colour)
                .pos(Pos::new(h, VPos::Center));
            let style = if *vertical { style.transform(FontTransform::Rotate270) } else { style };
            root.draw(&Text::new(text.as_str(), px(*at), style))
        }
        Shape::Region(rings) => {
            for ring in rings {
                let points: Vec<(i32, i32)> = ring.iter().copied().map(px).collect();
                let _ = root.draw(&Polygon::new(points, colour.filled()));
            }
            Ok(())
        }
    };
}

/// One element as plotters wrote it, read by an XML parser (values decoded).
#[derive(Debug)]
struct Element<'a> {
    tag: &'a str,
    attrs: Vec<(&'a str, &'a str)>,
    content: Option<&'a str>,
}

/// Reads plotters' output with `roxmltree`: the root `<svg>`'s child
/// elements, in order, with their attributes and text. Output that does not
/// parse yields no elements (the rewrite then draws nothing, and tests see it).
fn parse_elements<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<Element<'a>> {
    doc.root_element()
        .children()
        .filter(roxmltree::Node::is_element)
        .map(|node| Element {
            tag: node.tag_name().name(),
            attrs: node.attributes().map(|a| (a.name(), a.value())).collect(),
            content: node.has_children().then(|| node.text().unwrap_or("").trim_matches('\n')),
        })
        .collect()
}

/// Attributes plotters writes that carry nothing: the theme sets the font.
fn dropped(tag: &str, name: &str, value: &str) -> bool {
    (name == "opacity" && value == "1") || (tag == "text" && name == "font-family")
}

fn write_item(out: &mut String, item: &Item, elements: &[Element<'_>]) {
    let Some(first) = elements.first() else { return };
    let tag = if matches!(item.shape, Shape::Region(_)) { "path" } else { first.tag };
    out.push('<');
    out.push_str(tag);
    if !item.class.is_empty() {
        let _ = write!(out, " class=\"{}\"", escape_xml(&item.class));
    }
    for (name, value) in &first.attrs {
        if dropped(first.tag, name, value) || (tag == "path" && *name == "points") {
            continue;
        }
        match item.attrs.iter().find(|(n, _)| n == name) {
            Some((_, mine)) => {
                let _ = write!(out, " {name}=\"{}\"", escape_xml(mine));
            }
            None => {
                let _ = write!(out, " {name}=\"{}\"", escape_xml(value.trim_end()));
            }
        }
    }
    for (name, value) in &item.attrs {
        if !first.attrs.iter().any(|(n, _)| n == name) {
            let _ = write!(out, " {name}=\"{}\"", escape_xml(value));
        }
    }
    if tag == "path" {
        out.push_str(" d=\"");
        for element in elements {
            let points = element.attrs.iter().find(|(n, _)| *n == "points").map_or("", |(_, v)| v);
            let _ = write!(out, "M{}Z", points.trim());
        }
        out.push('"');
    }
    match (first.content, &item.title) {
        (Some(text), _) => {
            let _ = writeln!(out, ">{}</{tag}>", escape_xml(text));
        }
        (None, Some(title)) => {
            let _ = writeln!(out, "><title>{}</title></{tag}>", escape_xml(title));
        }
        (None, None) => out.push_str("/>\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testutil;

    #[test]
    fn pairs_items_with_elements_and_merges_regions() {
        let mut scene = Scene::new(100.0);
        scene.rect((0.0, 0.0), (10.0, 10.0), "#0072b2").class("chart__series--1").attr("fill-opacity", "0.5");
        scene.text((5.0, 5.0), "A & B", Anchor::Start, 15, "#1b1c1d").class("chart__label");
        scene
            .region(
                vec![vec![(0.0, 0.0), (5.0, 0.0), (5.0, 5.0)], vec![(9.0, 9.0), (9.0, 12.0), (12.0, 12.0)]],
                "#deebf7",
            )
            .attr("data-code", "AT")
            .title("Austria: 1");
        scene.line(vec![(0.0, 0.0), (3.4, 3.6)], "#000000", 2).class("chart__grid");
        let meta = testutil::meta("t");
        let svg = scene.render(&meta, "test");
        let doc = testutil::parse(&svg);
        let root = doc.root_element();
        assert_eq!(root.attribute("viewBox"), Some("0 0 400 100"));
        assert_eq!(root.attribute("width"), None);
        let rect = testutil::find_all(&doc, "rect")[0];
        assert_eq!(rect.attribute("class"), Some("chart__series--1"));
        assert_eq!(rect.attribute("fill-opacity"), Some("0.5"));
        assert_eq!(rect.attribute("opacity"), None);
        let text = testutil::find_all(&doc, "text")[0];
        assert_eq!(text.text(), Some("A & B"));
        assert_eq!(text.attribute("font-size"), Some("15"));
        assert_eq!(text.attribute("font-family"), None);
        let path = testutil::find_all(&doc, "path")[0];
        assert_eq!(path.attribute("d"), Some("M0,0 5,0 5,5ZM9,9 9,12 12,12Z"));
        assert_eq!(path.attribute("data-code"), Some("AT"));
        assert_eq!(testutil::child_text(path, "title").as_deref(), Some("Austria: 1"));
        let line = testutil::find_all(&doc, "polyline")[0];
        assert_eq!(line.attribute("points"), Some("0,0 3,4"));
    }
}
