//! Chart drawing throughput: `cargo bench --bench charts`.
//!
//! A plain timing loop (no harness): each kind is drawn on synthetic,
//! deterministic data (a tiny LCG) until a second has passed, then charts
//! per second are printed. The chart module is compiled in directly, so
//! its `pub(crate)` API needs no public wrapper.

#![allow(dead_code, unused_imports)]

#[path = "../src/charts/mod.rs"]
mod charts;
#[path = "../src/format.rs"]
mod format;

use std::hint::black_box;
use std::time::{Duration, Instant};

use charts::{ChartMeta, CorridorGroup, Datum, GapRow, MapValue, QuadrantPoint, Reference, Series};

/// A linear congruential generator: the same numbers on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

const COUNTRIES: usize = 200;
const YEARS: i32 = 30;
const FIRST_YEAR: i32 = 1995;

/// 200 countries x 30 years of values between 20 and 90, about 3 % missing
/// and the last year provisional.
struct Dataset {
    names: Vec<(String, String)>,
    values: Vec<Vec<Option<f64>>>,
}

fn dataset() -> Dataset {
    let mut rng = Lcg(42);
    let names = (0..COUNTRIES).map(|i| (format!("C{i:03}"), format!("Country number {i}"))).collect();
    let values = (0..COUNTRIES)
        .map(|_| {
            let mut level = 20.0 + rng.next() * 70.0;
            (0..YEARS)
                .map(|_| {
                    level = (level + (rng.next() - 0.5) * 4.0).clamp(0.0, 100.0);
                    (rng.next() > 0.03).then_some(level)
                })
                .collect()
        })
        .collect();
    Dataset { names, values }
}

fn meta(id: &str, unit: &str) -> ChartMeta {
    ChartMeta {
        id: id.into(),
        title: format!("Benchmark {id}"),
        description: "A synthetic chart.".into(),
        unit_label: unit.into(),
        decimals: 1,
    }
}

/// Draws with `draw` until a second has passed; prints and returns charts/s.
fn time(kind: &str, mut draw: impl FnMut() -> String) -> f64 {
    let size = draw().len();
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < Duration::from_secs(1) || n < 20 {
        black_box(draw());
        n += 1;
    }
    let per_second = f64::from(n) / start.elapsed().as_secs_f64();
    println!("{kind:<10} {per_second:>10.0} charts/s {:>10.1} µs/chart {size:>8} bytes", 1e6 / per_second);
    per_second
}

fn main() {
    let data = dataset();
    let last = (YEARS - 1) as usize;
    let bar_data: Vec<Datum> = data
        .names
        .iter()
        .zip(&data.values)
        .filter_map(|((code, label), v)| {
            v[last].map(|value| Datum {
                code: code.clone(),
                label: label.clone(),
                value,
                flags: "p".into(),
                ..Datum::default()
            })
        })
        .collect();
    let series_of = |i: usize| Series {
        code: data.names[i].0.clone(),
        label: data.names[i].1.clone(),
        points: data.values[i]
            .iter()
            .enumerate()
            .map(|(y, v)| (FIRST_YEAR + y as i32, *v, if y == last { "p".into() } else { String::new() }))
            .collect(),
        ..Series::default()
    };
    let lines: Vec<Series> = (0..5).map(series_of).collect();
    let reference = series_of(5);
    let gap_rows: Vec<GapRow> = (0..COUNTRIES)
        .map(|i| GapRow {
            code: data.names[i].0.clone(),
            label: data.names[i].1.clone(),
            a: data.values[i][last].unwrap_or(50.0),
            b: data.values[i][0].unwrap_or(50.0),
            a_flags: String::new(),
            b_flags: if i % 10 == 0 { "e".into() } else { String::new() },
        })
        .collect();
    let groups: Vec<CorridorGroup> = (0..20)
        .map(|o| CorridorGroup {
            origin_code: data.names[o].0.clone(),
            origin_label: data.names[o].1.clone(),
            bars: (0..10)
                .map(|d| Datum {
                    code: data.names[20 + d].0.clone(),
                    label: data.names[20 + d].1.clone(),
                    value: data.values[o][d].unwrap_or(0.0) * 1000.0,
                    flags: String::new(),
                    ..Datum::default()
                })
                .collect(),
            ..CorridorGroup::default()
        })
        .collect();
    let geo: serde_json::Value = serde_json::from_str(include_str!("../data/geo/europe.json")).expect("geometry");
    let codes: Vec<String> = geo["countries"].as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default();
    let map_values: Vec<MapValue> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| MapValue {
            code: code.clone(),
            label: code.clone(),
            value: data.values[i][last],
            flags: String::new(),
            ..MapValue::default()
        })
        .collect();
    let mut rng = Lcg(7);
    let points: Vec<QuadrantPoint> = (0..50)
        .map(|i| QuadrantPoint {
            code: data.names[i].0.clone(),
            label: data.names[i].1.clone(),
            x: ((rng.next() * 2.0 - 1.0) * 10.0).round() / 10.0,
            y: ((rng.next() * 2.0 - 1.0) * 10.0).round() / 10.0,
            tie: i % 12 == 0,
            fragile: i % 7 == 0,
            class: None,
            expert: (i % 17 == 5).then(|| "Active discordance".to_string()),
        })
        .collect();
    let totals =
        [("Active concordance", 12), ("Active discordance", 5), ("Passive concordance", 8), ("Passive discordance", 5)]
            .map(|(l, n)| (l.to_string(), n));

    println!("polibrief chart benchmark: {COUNTRIES} countries x {YEARS} years (map: {} regions)", codes.len());
    let bar_meta = meta("bar", "%");
    let eu = Reference { label: "EU-27".into(), value: 61.0, ..Reference::default() };
    time("bar", || charts::bar(&bar_meta, &bar_data, Some(&eu), Some("C007")));
    let line_meta = meta("line", "%");
    time("line", || charts::line(&line_meta, &lines, Some(&reference)));
    let gap_meta = meta("gap", "%");
    time("gap", || charts::gap(&gap_meta, &gap_rows, "Latest year", "First year"));
    let corridor_meta = meta("corridor", "people");
    time("corridor", || charts::corridor(&corridor_meta, &groups));
    let map_meta = meta("map", "%");
    let first = Instant::now();
    black_box(charts::map(&map_meta, &map_values, 5));
    println!("map, first call (parses and projects the geometry): {:.1} ms", first.elapsed().as_secs_f64() * 1e3);
    time("map", || charts::map(&map_meta, &map_values, 5));
    let quadrant_meta = meta("quadrant", "");
    time("quadrant", || charts::quadrant(&quadrant_meta, &points));
    let cells_meta = meta("cells", "measures");
    time("cells", || charts::cells(&cells_meta, &totals));
}
