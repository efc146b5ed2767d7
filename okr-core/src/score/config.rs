use serde::{Deserialize, Serialize};

/// Bands and thresholds of scoring; the defaults (Google's colour bands, the seed guide's
/// outcome bands, ±0.2/0.4 pace gaps) are tabled in docs/scoring.md.
///
/// ```
/// let mut config = okr_core::score::ScoreConfig::default();
/// assert_eq!(config.colors.green_from, 0.7);
/// config.colors.green_from = 0.8; // a stricter organisation
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoreConfig {
    /// Colour bands.
    pub colors: ColorBands,
    /// Outcome bands.
    pub outcomes: OutcomeBands,
    /// Pace bands.
    pub pace: PaceBands,
}

/// red < `yellow_from` <= yellow < `green_from` <= green.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ColorBands {
    /// Lowest yellow score (default 0.4).
    pub yellow_from: f64,
    /// Lowest green score (default 0.7).
    pub green_from: f64,
}

impl Default for ColorBands {
    fn default() -> Self {
        ColorBands {
            yellow_from: 0.4,
            green_from: 0.7,
        }
    }
}

/// missed < `met_from` <= met <= `exceeded_above` < exceeded (aspirational objectives;
/// committed ones are met only at 1.0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OutcomeBands {
    /// Lowest score that counts as met (default 0.6).
    pub met_from: f64,
    /// Scores above this exceed expectations (default 0.8).
    pub exceeded_above: f64,
}

impl Default for OutcomeBands {
    fn default() -> Self {
        OutcomeBands {
            met_from: 0.6,
            exceeded_above: 0.8,
        }
    }
}

/// Pace compares the score with the share of the cycle elapsed: `gap = score - expected`;
/// on track when `gap >= on_track_gap`, at risk when `gap >= at_risk_gap`, else off track.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PaceBands {
    /// Smallest gap still on track (default -0.2).
    pub on_track_gap: f64,
    /// Smallest gap still at risk (default -0.4).
    pub at_risk_gap: f64,
}

impl Default for PaceBands {
    fn default() -> Self {
        PaceBands {
            on_track_gap: -0.2,
            at_risk_gap: -0.4,
        }
    }
}
