//! A legend in rows: a sample (marker, line, dashes) and a label per entry,
//! wrapped to the chart's width.

use super::scene::{Anchor, Marker, Scene};
use super::{FONT, TEXT, WIDTH, series, text_width, truncate};

/// What an entry's sample looks like.
#[derive(Clone, Copy, Debug)]
pub(super) enum Sample {
    /// The `n`-th series' marker, on a short line when `line`.
    Series { n: usize, marker: Marker, line: bool },
    /// A hollow marker: "flagged value".
    Hollow,
    /// The reference series: a dashed dark line.
    Reference,
}

#[derive(Clone, Debug)]
pub(super) struct Entry {
    pub(super) sample: Sample,
    pub(super) label: String,
}

const SAMPLE: f64 = 26.0;
/// Legend labels are cut beyond this (longer than data labels: a legend
/// has a row to itself when it needs one).
const LABEL_CHARS: usize = 40;
const ROW: f64 = 22.0;

/// Draws the entries in rows from `top`; returns the y below the legend.
pub(super) fn legend(scene: &mut Scene, entries: &[Entry], top: f64) -> f64 {
    let mut x = 8.0;
    let mut y = top + ROW / 2.0;
    for entry in entries {
        let label = truncate(&entry.label, LABEL_CHARS);
        let width = SAMPLE + 6.0 + text_width(&label, FONT);
        if x > 8.0 && x + width > WIDTH - 8.0 {
            x = 8.0;
            y += ROW;
        }
        sample(scene, entry.sample, (x, y));
        scene.text((x + SAMPLE + 6.0, y), &label, Anchor::Start, FONT, TEXT).class("chart__label");
        x += width + 18.0;
    }
    y + ROW / 2.0
}

fn sample(scene: &mut Scene, sample: Sample, (x, y): (f64, f64)) {
    let middle = (x + SAMPLE / 2.0, y);
    match sample {
        Sample::Series { n, marker, line } => {
            let (class, colour) = series(n);
            if line {
                scene.line(vec![(x, y), (x + SAMPLE, y)], colour, 2).class(&class).attr("fill-opacity", "0");
            }
            scene.marker(marker, middle, 5.0, colour, false).class(&class);
        }
        Sample::Hollow => {
            scene.marker(Marker::Circle, middle, 5.0, TEXT, true).class("chart__axis");
        }
        Sample::Reference => {
            scene
                .line(vec![(x, y), (x + SAMPLE, y)], TEXT, 2)
                .class("chart__axis")
                .class("chart__reference")
                .attr("stroke-dasharray", "5 4");
        }
    }
}
