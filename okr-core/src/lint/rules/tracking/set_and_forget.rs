use crate::lint::Severity;
use crate::lint::context::{Context, Sink, quote};
use crate::lint::registry::declare_rule;
use crate::model::Measure;

declare_rule! {
    /// Finds key results nobody has checked in on lately.
    ///
    /// ## Why is this bad?
    /// OKRs set in January and read in March are "set and forget": problems surface when it
    /// is too late to act. Guides recommend weekly check-ins (bi-weekly at most); tools
    /// close OKRs after three missed weekly reminders.
    ///
    /// ## Example
    /// A key result whose last check-in is 25 days before `--as-of`, in a running cycle.
    ///
    /// ## Use instead
    /// Check in weekly: `{ date, value, confidence }`. Warning after
    /// `thresholds.stale_days` (14) without a check-in; error after `thresholds.missed_days`
    /// (21, three missed weeks) or when a third of the cycle has passed with none at all.
    /// Only checked while the cycle runs; done key results and weight-0 ones are skipped.
    ///
    /// ## Sources
    /// Sources: RF, FC, gotoally, okrfaq (weekly); TZ (14 days); S1 ("weekly
    /// or bi-weekly"); TB docs (three missed reminders).
    RULE {
        name: "set-and-forget",
        scope: Objective,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let stale = cx.config.thresholds.stale_days();
    let missed = cx.config.thresholds.missed_days();
    for kr in cx.key_results() {
        let Some(cycle) = cx.cycle_of(kr.objective) else {
            continue;
        };
        if cx.as_of < cycle.start || cx.as_of > cycle.end || kr.kr.weight == Some(0.0) {
            continue;
        }
        let finished = match kr.kr.measure() {
            Some(Measure::Binary(b)) => b.done,
            Some(Measure::Milestones(ms)) => ms.iter().all(|m| m.done),
            Some(Measure::FromChildren) => true,
            _ => false,
        };
        if finished {
            continue;
        }
        let id = kr.id().or(Some(&kr.objective.id));
        let last = kr
            .kr
            .check_ins
            .iter()
            .filter(|c| c.date <= cx.as_of)
            .map(|c| c.date)
            .max();
        let since_start = (cx.as_of - cycle.start).num_days();
        let length = (cycle.end - cycle.start).num_days().max(1);
        match last {
            Some(date) => {
                let age = (cx.as_of - date).num_days();
                if age > stale {
                    sink.report_at(
                        if age > missed {
                            Severity::Error
                        } else {
                            Severity::Warning
                        },
                        kr.path(),
                        id,
                        format!(
                            "no check-in on {} for {age} days (last {date})",
                            quote(&kr.kr.title)
                        ),
                        "check in weekly with the current value and your confidence",
                    );
                }
            }
            None if since_start * 3 >= length => sink.report_at(
                Severity::Error,
                kr.path(),
                id,
                format!(
                    "no check-in on {} yet, {since_start} days into the cycle",
                    quote(&kr.kr.title)
                ),
                "check in weekly with the current value and your confidence",
            ),
            None if since_start > stale => sink.report(
                kr.path(),
                id,
                format!(
                    "no check-in on {} yet, {since_start} days into the cycle",
                    quote(&kr.kr.title)
                ),
                "check in weekly with the current value and your confidence",
            ),
            None => {}
        }
    }
}
