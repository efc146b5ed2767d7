//! Inline SVG: score bars and small burn-up charts. Numbers only; user text never enters
//! an SVG except through the escaped `<title>`.

use crate::score::Color;
use crate::text::escape_html as escape;
use chrono::NaiveDate;
use std::fmt::Write as _;

pub(crate) fn color_hex(color: Option<Color>) -> &'static str {
    match color {
        Some(Color::Red) => "#c62828",
        Some(Color::Yellow) => "#b8860b",
        Some(Color::Green) => "#2e7d32",
        None => "#9e9e9e",
    }
}

/// A horizontal bar filled to `score`, with the colour named in its title.
pub(crate) fn score_bar(score: Option<f64>, color: Option<Color>, label: &str) -> String {
    let width = 120.0;
    let filled = score.unwrap_or(0.0).clamp(0.0, 1.0) * width;
    format!(
        r##"<svg class="bar" width="{width}" height="12" viewBox="0 0 {width} 12" role="img" aria-label="{label}"><title>{label}</title><rect width="{width}" height="12" rx="3" fill="#eceff1"/><rect width="{filled:.1}" height="12" rx="3" fill="{}"/></svg>"##,
        color_hex(color),
        label = escape(label)
    )
}

/// What a burn-up chart shows.
pub(crate) struct Chart<'a> {
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
    pub(crate) as_of: NaiveDate,
    /// Check-in progress (unclamped) by day.
    pub(crate) points: &'a [(NaiveDate, f64)],
    /// Current score, drawn as a point at `as_of` when there are no check-ins to plot.
    pub(crate) score: Option<f64>,
    pub(crate) forecast: Option<f64>,
    pub(crate) color: Option<Color>,
    pub(crate) title: &'a str,
}

const W: f64 = 220.0;
const H: f64 = 70.0;
const PAD: f64 = 6.0;
const TOP: f64 = 1.2; // progress shown up to 120 %

/// A burn-up chart: progress over the cycle against the expected-pace line and the forecast.
pub(crate) fn burn_up(chart: &Chart<'_>) -> String {
    let span = (chart.end - chart.start).num_days().max(1) as f64;
    let x = |date: NaiveDate| {
        PAD + ((date - chart.start).num_days() as f64 / span).clamp(0.0, 1.0) * (W - 2.0 * PAD)
    };
    let y = |p: f64| H - PAD - (p.clamp(0.0, TOP) / TOP) * (H - 2.0 * PAD);
    let stroke = color_hex(chart.color);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<svg class="chart" width="{W}" height="{H}" viewBox="0 0 {W} {H}" role="img" aria-label="{t}"><title>{t}</title>"##,
        t = escape(chart.title)
    );
    let _ = write!(
        svg,
        r##"<rect x="0" y="0" width="{W}" height="{H}" fill="#fafafa" stroke="#e0e0e0"/>"##
    );
    // 100 % line, expected pace, and today.
    let _ = write!(
        svg,
        r##"<line class="target" x1="{PAD}" x2="{:.1}" y1="{y1:.1}" y2="{y1:.1}" stroke="#bdbdbd" stroke-width="0.5"/>"##,
        W - PAD,
        y1 = y(1.0)
    );
    let _ = write!(
        svg,
        r##"<line class="expected" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#757575" stroke-dasharray="4 3"/>"##,
        x(chart.start),
        y(0.0),
        x(chart.end),
        y(1.0)
    );
    let today = x(chart.as_of);
    let _ = write!(
        svg,
        r##"<line class="today" x1="{today:.1}" x2="{today:.1}" y1="{PAD}" y2="{:.1}" stroke="#90a4ae" stroke-width="0.5"/>"##,
        H - PAD
    );
    // Check-ins.
    let mut points: Vec<(f64, f64)> = chart.points.iter().map(|&(d, p)| (x(d), y(p))).collect();
    if points.is_empty()
        && let Some(score) = chart.score
    {
        points.push((today, y(score)));
    }
    if points.len() > 1 {
        let path: Vec<String> = points
            .iter()
            .map(|(px, py)| format!("{px:.1},{py:.1}"))
            .collect();
        let _ = write!(
            svg,
            r##"<polyline class="progress" points="{}" fill="none" stroke="{stroke}" stroke-width="2"/>"##,
            path.join(" ")
        );
    }
    for (px, py) in &points {
        let _ = write!(
            svg,
            r##"<circle class="check-in" cx="{px:.1}" cy="{py:.1}" r="2.5" fill="{stroke}"/>"##
        );
    }
    if let (Some(forecast), Some(&(lx, ly))) = (chart.forecast, points.last()) {
        let _ = write!(
            svg,
            r##"<line class="forecast" x1="{lx:.1}" y1="{ly:.1}" x2="{:.1}" y2="{:.1}" stroke="{stroke}" stroke-dasharray="1 3" stroke-width="2"/>"##,
            x(chart.end),
            y(forecast)
        );
    }
    svg.push_str("</svg>");
    svg
}
