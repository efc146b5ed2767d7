//! The word lists okr reads English with, in one place so each lives once and is easy to
//! review and extend: those of the sentence parser (verbs, units, comparators, deadlines)
//! and those the lint rules share (stopwords, rate and qualifier words). A list that only
//! one rule reads stays in that rule's file, next to the reasoning for it.

use crate::sentence::Direction;

/// Leading verbs and the direction they give. `None` = the numbers decide
/// (from 3 s to 1.5 s is a decrease even when the verb is "improve").
pub(crate) fn verb_direction(verb: &str) -> Option<VerbClass> {
    use Direction::*;
    use VerbClass::*;
    Some(match verb {
        "increase" | "increases" | "increasing" | "raise" | "raises" | "grow" | "grows"
        | "growing" | "lift" | "boost" | "expand" | "gain" | "accelerate" | "scale"
        | "maximize" | "maximise" | "add" | "double" | "triple" | "quadruple" | "climb" | "up"
        | "multiply" | "extend" | "strengthen" => Fixed(Increase),
        "decrease" | "decreases" | "decreasing" | "reduce" | "reduces" | "reducing" | "cut"
        | "cuts" | "lower" | "drop" | "shrink" | "halve" | "minimize" | "minimise"
        | "eliminate" | "shorten" | "slash" | "trim" | "decline" | "limit" | "remove" => {
            Fixed(Decrease)
        }
        "maintain" | "maintains" | "keep" | "keeps" | "sustain" | "stay" | "remain" | "hold"
        | "preserve" | "continue" | "retain" | "protect" | "ensure" => Fixed(Maintain),
        "reach" | "reaches" | "achieve" | "achieves" | "hit" | "attain" | "get" | "sign"
        | "close" | "win" | "acquire" | "onboard" | "land" | "secure" | "generate" | "book"
        | "earn" | "convert" | "exceed" | "surpass" | "obtain" | "collect" | "recruit"
        | "enroll" | "enrol" | "attract" | "score" => NumbersOr(Achieve),
        "improve" | "improves" | "optimize" | "optimise" | "enhance" | "move" | "shift"
        | "bring" | "change" | "go" | "take" | "push" | "drive" | "better" => NumbersOr(Increase),
        _ if is_output_verb(verb) => NumbersOr(Achieve),
        _ => return None,
    })
}

/// How a leading verb sets the direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbClass {
    /// The verb alone decides.
    Fixed(Direction),
    /// Baseline and target decide when both are given; else this direction.
    NumbersOr(Direction),
}

/// Verbs that name a deliverable rather than an outcome: the list of rule OKR102
/// (output-key-result, docs/writing-rules.md).
pub(crate) fn is_output_verb(verb: &str) -> bool {
    matches!(
        verb,
        "launch"
            | "launches"
            | "ship"
            | "ships"
            | "release"
            | "build"
            | "builds"
            | "create"
            | "develop"
            | "implement"
            | "deliver"
            | "complete"
            | "finish"
            | "migrate"
            | "deploy"
            | "redesign"
            | "refactor"
            | "publish"
            | "write"
            | "hire"
            | "run"
            | "conduct"
            | "train"
            | "define"
            | "prepare"
            | "plan"
            | "test"
            | "integrate"
            | "upgrade"
            | "move"
            | "establish"
            | "consult"
            | "help"
            | "analyze"
            | "analyse"
            | "participate"
            | "roll"
            | "introduce"
            | "set"
            | "design"
            | "hold"
            | "organize"
            | "organise"
            | "host"
            | "document"
            | "rewrite"
            | "replace"
            | "install"
            | "setup"
            | "start"
            | "begin"
            | "finalize"
            | "finalise"
            | "draft"
            | "produce"
            | "send"
            | "attend"
            | "research"
            | "interview"
            | "audit"
            | "review"
            | "evaluate"
            | "automate"
            | "rebuild"
            | "add"
            | "post"
            | "fix"
            | "schedule"
            | "redo"
            | "place"
            | "renegotiate"
            | "assess"
            | "switch"
            | "update"
    )
}

/// Words that end a number's unit when written after it ("800 ms", "10 days").
pub(crate) fn unit_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "ms" | "millisecond" | "milliseconds" => "ms",
        "s" | "sec" | "secs" | "second" | "seconds" => "s",
        "min" | "mins" | "minute" | "minutes" => "min",
        "h" | "hr" | "hrs" | "hour" | "hours" => "h",
        "day" | "days" => "days",
        "week" | "weeks" => "weeks",
        "month" | "months" => "months",
        "pp" | "pts" | "points" | "point" => "points",
        "bps" => "bps",
        "stars" | "star" => "stars",
        "usd" | "dollars" => "$",
        "eur" | "euros" => "€",
        "gbp" | "pounds" => "£",
        "x" => "x",
        _ => return None,
    })
}

/// Words that compare with a bound, read from the first three words (`""` where there are
/// fewer): how many words it takes, and the bound.
pub(crate) fn comparator(
    [first, second, third]: [&str; 3],
) -> Option<(usize, crate::sentence::Bound)> {
    use crate::sentence::Bound::*;
    Some(match (first, second, third) {
        ("less" | "fewer" | "lower" | "shorter", "than", _) => (2, AtMost),
        ("no", "more" | "higher" | "longer", "than") => (3, AtMost),
        ("at", "or", "below" | "under") => (3, AtMost),
        ("at", "or", "above" | "over") => (3, AtLeast),
        ("at", "most", _) | ("no", "more", _) => (2, AtMost),
        ("under" | "below" | "within" | "max" | "maximum" | "beneath" | "sub", _, _) => (1, AtMost),
        ("more" | "greater" | "higher" | "better" | "longer", "than", _) => (2, AtLeast),
        ("no", "less" | "fewer" | "lower", "than") => (3, AtLeast),
        ("at", "least", _) => (2, AtLeast),
        ("above" | "over" | "min" | "minimum" | "beyond", _, _) => (1, AtLeast),
        _ => return None,
    })
}

pub(crate) const MONTHS: [&str; 24] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words that can sit inside a deadline phrase ("by the end of Q3 2026").
pub(crate) fn deadline_word(word: &str) -> bool {
    is_period_name(word)
        || MONTHS.contains(&word)
        || matches!(
            word,
            "the"
                | "end"
                | "of"
                | "this"
                | "next"
                | "current"
                | "quarter"
                | "year"
                | "half"
                | "month"
                | "cycle"
                | "eoy"
                | "eoq"
                | "mid"
                | "year-end"
                | "quarter-end"
                | "fiscal"
                | "fy"
                | "calendar"
                | "early"
                | "late"
                | "beginning"
                | "start"
                | "first"
                | "second"
                | "last"
                | "week"
                | "sprint"
        )
}

/// Words that make a phrase a deadline rather than an ordinary "in the …" or "by the …".
pub(crate) fn strong_deadline_word(word: &str) -> bool {
    is_period_name(word)
        || MONTHS.contains(&word)
        || matches!(
            word,
            "quarter"
                | "year"
                | "half"
                | "month"
                | "cycle"
                | "eoy"
                | "eoq"
                | "year-end"
                | "quarter-end"
                | "sprint"
                | "week"
        )
}

/// Seconds per time unit, to compare "from 4 hours to 15 minutes".
pub(crate) fn seconds_per(unit: &str) -> Option<f64> {
    Some(match unit {
        "ms" => 0.001,
        "s" => 1.0,
        "min" => 60.0,
        "h" => 3600.0,
        "days" => 86_400.0,
        "weeks" => 604_800.0,
        _ => return None,
    })
}

/// `q1`–`q4`, `h1`/`h2`, `fy26`, `fy2026`.
pub(crate) fn is_period_name(word: &str) -> bool {
    let bytes = word.as_bytes();
    match bytes {
        [b'q', b'1'..=b'4'] | [b'h', b'1' | b'2'] => true,
        [b'f', b'y', rest @ ..] => !rest.is_empty() && rest.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

// Lists the lint rules share.

/// Words too common to tell two titles apart (left out when titles are compared).
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "and", "or", "our", "we", "with",
    "from", "per", "is", "are", "be", "this", "that", "their", "its", "all", "new",
];

/// Words that make a metric a rate, ratio or quality measure rather than a raw count.
pub(crate) const RATE_WORDS: &[&str] = &[
    "rate",
    "rates",
    "ratio",
    "percentage",
    "share",
    "%",
    "per",
    "average",
    "avg",
    "median",
    "mean",
    "p50",
    "p90",
    "p95",
    "p99",
    "score",
    "nps",
    "csat",
    "ces",
    "conversion",
    "retention",
    "churn",
    "margin",
    "satisfaction",
    "adoption",
    "activation",
    "engagement",
    "frequency",
    "time",
    "latency",
    "uptime",
    "availability",
    "accuracy",
    "quality",
    "cycle",
    "payback",
    "ltv",
    "cac",
    "arpu",
    "arr",
    "mrr",
    "revenue",
    "nrr",
    "grr",
    "roi",
    "sla",
    "slo",
];

/// Qualifiers that make a count meaningful (active, paying, qualified…).
pub(crate) const QUALIFIER_WORDS: &[&str] = &[
    "active",
    "qualified",
    "paying",
    "paid",
    "retained",
    "returning",
    "repeat",
    "engaged",
    "recurring",
    "weekly",
    "monthly",
    "daily",
    "net",
    "unique",
    "organic",
];

/// Words that make a count an outcome even after a task verb ("Ship to 10,000 users").
pub(crate) const PEOPLE_REACHED: &[&str] = &[
    "users",
    "customers",
    "clients",
    "buyers",
    "members",
    "subscribers",
    "accounts",
    "teams",
    "partners",
];

/// Strict outcome markers: the metric is a rate, ratio or score, not just a topic word.
pub(crate) const OUTCOME_MARKERS: &[&str] = &[
    "rate",
    "ratio",
    "per",
    "share",
    "percentage",
    "conversion",
    "retention",
    "churn",
    "nps",
    "csat",
    "adoption",
    "margin",
];
