//! One key result on its own: current value, score, attainment, forecast, confidence.

use crate::model::{CheckIn, Cycle, KeyResult, Measure, Milestone, Threshold};
use chrono::NaiveDate;

/// The measure a key result is scored by: written, or read from its sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Effective<'a> {
    Written(Measure<'a>),
    /// Baseline and target read from the title ("from 10% to 25%").
    Inferred {
        start: f64,
        target: f64,
    },
    None,
}

pub(crate) fn effective_measure(kr: &KeyResult) -> Effective<'_> {
    with_inferred(kr, || inferred_measure(kr))
}

/// Baseline and target read from the key result's sentence (for one without a measure).
pub(crate) fn inferred_measure(kr: &KeyResult) -> Option<(f64, f64)> {
    crate::sentence::parse_key_result(&kr.title).baseline_and_target()
}

/// The written measure, else what `inferred` gives (called only when nothing is written).
pub(crate) fn with_inferred(
    kr: &KeyResult,
    inferred: impl FnOnce() -> Option<(f64, f64)>,
) -> Effective<'_> {
    match kr.measure() {
        Some(measure) => Effective::Written(measure),
        None => match inferred() {
            Some((start, target)) => Effective::Inferred { start, target },
            None => Effective::None,
        },
    }
}

/// The latest check-in on or before `as_of` that has what `has` asks for; of several on the
/// same day, the one written last.
fn latest(
    check_ins: &[CheckIn],
    as_of: NaiveDate,
    has: impl Fn(&CheckIn) -> bool,
) -> Option<&CheckIn> {
    check_ins.iter().filter(|c| c.date <= as_of && has(c)).fold(
        None,
        |best: Option<&CheckIn>, c| match best {
            Some(b) if b.date > c.date => Some(b),
            _ => Some(c),
        },
    )
}

/// What a key result scores on its own (from_children is filled in by the rollup).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Own {
    pub(crate) score: Option<f64>,
    pub(crate) attainment: Option<f64>,
    pub(crate) current: Option<f64>,
    pub(crate) forecast: Option<f64>,
    pub(crate) confidence: Option<f64>,
}

pub(crate) fn score_key_result(
    kr: &KeyResult,
    measure: Effective<'_>,
    cycle: Option<&Cycle>,
    as_of: NaiveDate,
) -> Own {
    let latest_value = latest(&kr.check_ins, as_of, |c| {
        c.value.is_some_and(f64::is_finite)
    })
    .and_then(|c| c.value);
    let confidence =
        latest(&kr.check_ins, as_of, |c| c.confidence.is_some()).and_then(|c| c.confidence);
    let mut own = match measure {
        Effective::Written(Measure::Metric(metric)) => {
            let current = metric.current.or(latest_value).unwrap_or(metric.start);
            linear(metric.start, metric.target, current, kr, cycle, as_of)
        }
        Effective::Inferred { start, target } => linear(
            start,
            target,
            latest_value.unwrap_or(start),
            kr,
            cycle,
            as_of,
        ),
        Effective::Written(Measure::Threshold(threshold)) => {
            let current = threshold.current.or(latest_value);
            let score = current.map_or(0.0, |v| f64::from(u8::from(within(threshold, v))));
            Own {
                score: Some(score),
                attainment: Some(score),
                current,
                ..Own::default()
            }
        }
        Effective::Written(Measure::Binary(binary)) => {
            let score = f64::from(u8::from(binary.done));
            Own {
                score: Some(score),
                attainment: Some(score),
                confidence: binary.probability,
                ..Own::default()
            }
        }
        Effective::Written(Measure::Milestones(milestones)) => {
            let score = milestone_share(milestones);
            Own {
                score,
                attainment: score,
                ..Own::default()
            }
        }
        Effective::Written(Measure::FromChildren) | Effective::None => Own::default(),
    };
    if confidence.is_some() {
        own.confidence = confidence;
    }
    own
}

/// Threshold bounds are inclusive: hitting the bound exactly passes.
fn within(threshold: &Threshold, value: f64) -> bool {
    threshold.min.is_none_or(|min| value >= min) && threshold.max.is_none_or(|max| value <= max)
}

fn milestone_share(milestones: &[Milestone]) -> Option<f64> {
    let weight = |m: &Milestone| m.weight.unwrap_or(1.0).max(0.0);
    let total: f64 = milestones.iter().map(weight).sum();
    let done: f64 = milestones.iter().filter(|m| m.done).map(weight).sum();
    (total > 0.0).then(|| done / total)
}

/// `p = (current - start) / (target - start)`, for either direction.
pub(crate) fn progress(start: f64, target: f64, value: f64) -> Option<f64> {
    // `+ 0.0` turns the -0 of "no progress on a decreasing target" (0 / -x) into 0, so no
    // report ever says -0 %.
    let p = (value - start) / (target - start) + 0.0;
    p.is_finite().then_some(p)
}

fn linear(
    start: f64,
    target: f64,
    current: f64,
    kr: &KeyResult,
    cycle: Option<&Cycle>,
    as_of: NaiveDate,
) -> Own {
    let attainment = progress(start, target, current);
    Own {
        score: attainment.map(|p| p.clamp(0.0, 1.0)),
        attainment,
        current: Some(current),
        forecast: cycle.and_then(|cycle| forecast(start, target, &kr.check_ins, cycle, as_of)),
        confidence: None,
    }
}

/// Least-squares line through the check-ins' progress over time (days since the cycle
/// start), evaluated at the cycle end and clamped to [0, 1]. Needs two check-ins on
/// different days on or before `as_of`.
pub(crate) fn forecast(
    start: f64,
    target: f64,
    check_ins: &[CheckIn],
    cycle: &Cycle,
    as_of: NaiveDate,
) -> Option<f64> {
    let (mut n, mut sx, mut sy, mut sxx, mut sxy) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for check_in in check_ins.iter().filter(|c| c.date <= as_of) {
        let Some(y) = check_in.value.and_then(|v| progress(start, target, v)) else {
            continue;
        };
        let x = (check_in.date - cycle.start).num_days() as f64;
        n += 1.0;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    let denominator = n * sxx - sx * sx;
    if n < 2.0 || denominator.abs() < f64::EPSILON {
        return None;
    }
    let slope = (n * sxy - sx * sy) / denominator;
    let intercept = (sy - slope * sx) / n;
    let end = (cycle.end - cycle.start).num_days() as f64;
    let value = intercept + slope * end;
    value.is_finite().then(|| value.clamp(0.0, 1.0) + 0.0)
}
