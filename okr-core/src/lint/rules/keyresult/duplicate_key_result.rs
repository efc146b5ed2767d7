use crate::hash::HashMap;
use crate::lint::Severity;
use crate::lint::context::{Context, Sink, kr_path, quote};
use crate::lint::registry::declare_rule;
use crate::lint::words::similar;
use std::collections::hash_map::Entry;

declare_rule! {
    /// Finds key results that say the same thing twice.
    ///
    /// ## Why is this bad?
    /// Key results should be distinct and together cover the objective. Two near-identical
    /// key results count one result twice, inflate the score, and usually mean something
    /// else went unmeasured.
    ///
    /// ## Example
    /// ```yaml
    /// - Raise repeat purchase rate from 18% to 26%
    /// - Increase the repeat purchase rate to 26%
    /// ```
    ///
    /// ## Use instead
    /// Keep one, and replace the other with a key result that measures a different side of
    /// the objective. Within one objective (word overlap ≥ `thresholds.duplicate_similarity`,
    /// 0.8): warning; the same wording in two objectives of one team: info.
    ///
    /// ## Sources
    /// Sources: IN ("mutually exclusive"), K ("each KR distinct"),
    /// okr-framework.com; 0.8 is our own threshold.
    RULE {
        name: "duplicate-key-result",
        scope: Document,
        check: check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let threshold = cx.config.thresholds.duplicate_similarity();
    // Across a team's objectives: the same content words (hash lookup, linear time). The
    // words are keyed by their hash, not kept (an organisation has ~100 000 of these); a
    // hit is confirmed against the words of the key result it names.
    let mut seen: HashMap<(&str, &str, u64), (usize, usize)> = HashMap::default();
    for (i, objective) in cx.doc.objectives.iter().enumerate() {
        let krs = &objective.key_results;
        let words = |k: usize| cx.kr_words(i, k);
        for later in 1..krs.len() {
            if let Some(earlier) = (0..later).find(|&e| similar(words(e), words(later), threshold))
            {
                sink.report(
                    kr_path(i, later),
                    krs[later].id.as_deref().or(Some(&objective.id)),
                    format!(
                        "key result {} repeats {}",
                        quote(&krs[later].title),
                        quote(&krs[earlier].title)
                    ),
                    "keep one, and measure a different side of the objective with the other",
                );
            }
        }
        let Some(team) = objective.owner.as_deref().and_then(|o| cx.team_of(o)) else {
            continue;
        };
        let cycle = cx.cycle_of(objective).map_or("", |c| c.id.as_str());
        for (k, words) in (0..krs.len()).map(|k| (k, words(k))) {
            if words.content().len() < 2 {
                continue;
            }
            let key = (team, cycle, words.fingerprint());
            match seen.entry(key) {
                Entry::Occupied(first)
                    if first.get().0 != i
                        && cx
                            .kr_words(first.get().0, first.get().1)
                            .same_content(words) =>
                {
                    let (first_i, first_k) = *first.get();
                    let first = &cx.doc.objectives[first_i];
                    let kr = &krs[k];
                    sink.report_at(
                        Severity::Info,
                        kr_path(i, k),
                        kr.id.as_deref().or(Some(&objective.id)),
                        format!(
                            "key result {} also appears under objective `{}`",
                            quote(&kr.title),
                            first.id
                        ),
                        format!(
                            "one result should be owned by one objective; align instead of copying ({})",
                            quote(&first.key_results[first_k].title)
                        ),
                    );
                }
                Entry::Occupied(_) => {}
                Entry::Vacant(slot) => {
                    slot.insert((i, k));
                }
            }
        }
    }
}
