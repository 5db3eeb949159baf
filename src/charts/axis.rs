//! Scales, "nice" ticks and the axes the kinds share.

use super::scene::{Anchor, Scene};
use super::{FONT, GRID, MUTED, text_width};
use crate::format;

/// A linear map from a data range to a range of user units.
#[derive(Clone, Copy, Debug)]
pub(super) struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    pub(super) fn new((d0, d1): (f64, f64), (r0, r1): (f64, f64)) -> Self {
        Linear { d0, d1, r0, r1 }
    }

    pub(super) fn map(&self, value: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span.abs() < f64::EPSILON || !value.is_finite() {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (value - self.d0) / span * (self.r1 - self.r0)
    }

    /// The output range (first, last).
    pub(super) fn range(&self) -> (f64, f64) {
        (self.r0, self.r1)
    }
}

/// A range that is never zero-wide: equal ends are spread around the value.
pub(super) fn padded(lo: f64, hi: f64) -> (f64, f64) {
    let scale = lo.abs().max(hi.abs()).max(1.0);
    if hi - lo > scale * 1e-9 {
        return (lo, hi);
    }
    let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
    (lo - pad, hi + pad)
}

/// Tick values and the decimals their labels need.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Ticks {
    pub(super) values: Vec<f64>,
    pub(super) decimals: usize,
}

impl Ticks {
    /// The first and last tick: the axis' domain.
    pub(super) fn domain(&self) -> (f64, f64) {
        let first = self.values.first().copied().unwrap_or(0.0);
        let last = self.values.last().copied().unwrap_or(1.0);
        (first, last)
    }

    pub(super) fn label(&self, value: f64) -> String {
        format::number(value, self.decimals)
    }

    fn widest(&self) -> f64 {
        self.values.iter().map(|v| text_width(&self.label(*v), FONT)).fold(0.0, f64::max)
    }
}

/// About `target` ticks at steps of 1, 2 or 5 × 10ⁿ covering `lo..hi`.
pub(super) fn nice_ticks(lo: f64, hi: f64, target: usize) -> Ticks {
    let (lo, hi) = padded(lo, hi);
    let raw = (hi - lo) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = match raw / magnitude {
        n if n <= 1.0 => 1.0,
        n if n <= 2.0 => 2.0,
        n if n <= 5.0 => 5.0,
        _ => 10.0,
    } * magnitude;
    if !step.is_finite() || step <= 0.0 {
        return Ticks { values: vec![lo, hi], decimals: 0 };
    }
    let first = snapped(lo / step, f64::floor);
    let last = snapped(hi / step, f64::ceil);
    let values = (first..=last).map(|i| i as f64 * step).collect();
    Ticks { values, decimals: format::decimals_of(step, 6) }
}

/// `round` of `x`, unless `x` is within rounding error of an integer.
fn snapped(x: f64, round: fn(f64) -> f64) -> i64 {
    let nearest = x.round();
    (if (x - nearest).abs() < 1e-9 { nearest } else { round(x) }) as i64
}

/// Ticks whose labels fit side by side in `width` user units.
pub(super) fn ticks_across(lo: f64, hi: f64, width: f64) -> Ticks {
    let mut ticks = nice_ticks(lo, hi, 2);
    for target in [6, 5, 4, 3] {
        let candidate = nice_ticks(lo, hi, target);
        if candidate.values.len() as f64 * (candidate.widest() + 14.0) <= width {
            ticks = candidate;
            break;
        }
    }
    ticks
}

/// Ticks for a vertical axis `height` units tall (about one per 50 units).
pub(super) fn ticks_up(lo: f64, hi: f64, height: f64) -> Ticks {
    nice_ticks(lo, hi, ((height / 50.0) as usize).clamp(2, 8))
}

/// Vertical gridlines at the ticks from `top` to `bottom`.
pub(super) fn x_grid(scene: &mut Scene, scale: &Linear, ticks: &Ticks, top: f64, bottom: f64) {
    for &value in &ticks.values {
        let x = scale.map(value);
        scene.line(vec![(x, top), (x, bottom)], GRID, 1).class("chart__grid");
    }
}

/// Vertical gridlines at the ticks from `top` to `bottom`, tick labels under
/// `bottom` and the axis title under them. Returns the y below it all.
pub(super) fn x_axis(scene: &mut Scene, scale: &Linear, ticks: &Ticks, top: f64, bottom: f64, title: &str) -> f64 {
    x_grid(scene, scale, ticks, top, bottom);
    for &value in &ticks.values {
        scene
            .text((scale.map(value), bottom + 14.0), &ticks.label(value), Anchor::Middle, FONT, MUTED)
            .class("chart__axis");
    }
    let (r0, r1) = scale.range();
    if title.trim().is_empty() {
        return bottom + 28.0;
    }
    scene.text(((r0 + r1) / 2.0, bottom + 36.0), title, Anchor::Middle, FONT, MUTED).class("chart__axis");
    bottom + 50.0
}

/// Horizontal gridlines at the ticks from `left` to `right`, tick labels
/// left of `left`.
pub(super) fn y_axis(scene: &mut Scene, scale: &Linear, ticks: &Ticks, left: f64, right: f64) {
    for &value in &ticks.values {
        let y = scale.map(value);
        scene.line(vec![(left, y), (right, y)], GRID, 1).class("chart__grid");
        scene.text((left - 6.0, y), &ticks.label(value), Anchor::End, FONT, MUTED).class("chart__axis");
    }
}

/// The width the labels of `ticks` need left of a y axis.
pub(super) fn y_label_width(ticks: &Ticks) -> f64 {
    ticks.widest()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_cover_the_range() {
        let t = nice_ticks(51.3, 82.3, 5);
        assert_eq!(t.values, vec![50.0, 60.0, 70.0, 80.0, 90.0]);
        assert_eq!(t.decimals, 0);
        let t = nice_ticks(-0.3, 0.7, 5);
        assert_eq!(t.domain(), (-0.4, 0.8));
        assert_eq!(t.decimals, 1);
        assert_eq!(nice_ticks(0.0, 82.3, 5).values, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    }

    #[test]
    fn degenerate_ranges_are_widened() {
        assert_eq!(padded(5.0, 5.0), (4.5, 5.5));
        assert_eq!(padded(0.0, 0.0), (-1.0, 1.0));
        let t = nice_ticks(0.0, 0.0, 5);
        assert!(t.values.len() >= 2);
        let (lo, hi) = t.domain();
        assert!(hi > lo);
    }

    #[test]
    fn linear_maps_and_survives_zero_width() {
        let s = Linear::new((0.0, 10.0), (100.0, 200.0));
        assert_eq!(s.map(5.0), 150.0);
        let flat = Linear::new((3.0, 3.0), (0.0, 10.0));
        assert_eq!(flat.map(3.0), 5.0);
    }
}
