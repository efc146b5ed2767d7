//! The word lists okr reads English with, in one place so each lives once and is easy to
//! review and extend: those of the sentence parser (verbs, units, comparators, deadlines)
//! and those the lint rules share (stopwords, rate and qualifier words). A list that only
//! one rule reads stays in that rule's file, next to the reasoning for it.

use crate::hash::HashMap;
use crate::sentence::Direction;

/// Leading verbs and the direction they give, as the verb's base form (and its "-s" form
/// where that is common; "-ed" and "-ing" forms are found by their stem), in order of
/// precedence (a verb in two lists takes the first). `NumbersOr`: the numbers decide
/// (from 3 s to 1.5 s is a decrease even when the verb is "improve").
const DIRECTION_VERBS: &[(VerbClass, &[&str])] = &[
    (Fixed(Increase), RAISE),
    (Fixed(Decrease), LOWER),
    (Fixed(Maintain), KEEP),
    (NumbersOr(Achieve), REACH),
    (NumbersOr(Increase), BETTER),
];

/// Verbs that always mean "up".
#[rustfmt::skip]
const RAISE: &[&str] = &[
    "increase", "increases", "raise", "raises", "grow", "grows",
    "lift", "boost", "expand", "gain", "accelerate", "scale", "maximize", "maximise", "add",
    "double", "triple", "quadruple", "climb", "up", "multiply", "extend", "strengthen",
];

/// Verbs that always mean "down".
#[rustfmt::skip]
const LOWER: &[&str] = &[
    "decrease", "decreases", "reduce", "reduces", "cut", "cuts",
    "lower", "drop", "shrink", "halve", "minimize", "minimise", "eliminate", "shorten",
    "slash", "trim", "decline", "limit", "remove",
];

/// Verbs that mean "hold where it is".
#[rustfmt::skip]
const KEEP: &[&str] = &[
    "maintain", "maintains", "keep", "keeps", "sustain", "stay", "remain", "hold", "preserve",
    "continue", "retain", "protect", "ensure",
];

/// Verbs that aim at a number: the numbers decide, else "reach".
#[rustfmt::skip]
const REACH: &[&str] = &[
    "reach", "reaches", "achieve", "achieves", "hit", "attain", "get", "sign", "close", "win",
    "acquire", "onboard", "land", "secure", "generate", "book", "earn", "convert", "exceed",
    "surpass", "obtain", "collect", "recruit", "enroll", "enrol", "attract", "score",
];

/// Verbs that mean "better": the numbers decide, else "up".
#[rustfmt::skip]
const BETTER: &[&str] = &[
    "improve", "improves", "optimize", "optimise", "enhance", "move", "shift", "bring",
    "change", "go", "take", "push", "drive", "better",
];

/// Verbs that name a deliverable rather than an outcome: the list of rule OKR102
/// (output-key-result, docs/writing-rules.md). They aim at a number when they have one.
#[rustfmt::skip]
const OUTPUT_VERBS: &[&str] = &[
    "launch", "launches", "ship", "ships", "release", "build", "builds", "create", "develop",
    "implement", "deliver", "complete", "finish", "migrate", "deploy", "redesign", "refactor",
    "publish", "write", "hire", "run", "conduct", "train", "define", "prepare", "plan", "test",
    "integrate", "upgrade", "move", "establish", "consult", "help", "analyze", "analyse",
    "participate", "roll", "introduce", "set", "design", "hold", "organize", "organise",
    "host", "document", "rewrite", "replace", "install", "setup", "start", "begin", "finalize",
    "finalise", "draft", "produce", "send", "attend", "research", "interview", "audit",
    "review", "evaluate", "automate", "rebuild", "add", "post", "fix", "schedule", "redo",
    "place", "renegotiate", "assess", "switch", "update",
];

use Direction::{Achieve, Decrease, Increase, Maintain};
use VerbClass::{Fixed, NumbersOr};

/// Every listed verb, and the Snowball stem of each, to its class and whether it names a
/// deliverable. Built once; the lists stay readable as base forms.
static VERBS: std::sync::LazyLock<Verbs> = std::sync::LazyLock::new(Verbs::new);

struct Verbs {
    /// A listed word (as written in the lists) → its class and whether it is a deliverable.
    words: HashMap<&'static str, (VerbClass, bool)>,
    /// The stem of a listed word → that word (the first list to claim a stem keeps it).
    stems: HashMap<String, &'static str>,
}

impl Verbs {
    fn new() -> Verbs {
        let stemmer = english();
        let mut words: HashMap<&'static str, (VerbClass, bool)> = HashMap::default();
        for (class, list) in DIRECTION_VERBS {
            for word in *list {
                words.entry(word).or_insert((*class, false));
            }
        }
        for word in OUTPUT_VERBS {
            words
                .entry(word)
                .and_modify(|(_, output)| *output = true)
                .or_insert((NumbersOr(Achieve), true));
        }
        let mut stems: HashMap<String, &'static str> = HashMap::default();
        let order = DIRECTION_VERBS
            .iter()
            .flat_map(|(_, list)| list.iter())
            .chain(OUTPUT_VERBS);
        for word in order {
            stems.entry(stemmer.stem(word).into_owned()).or_insert(word);
        }
        Verbs { words, stems }
    }

    /// The entry of `word`, or of the listed verb it inflects.
    fn get(&self, word: &str) -> Option<(VerbClass, bool)> {
        self.words
            .get(word)
            .or_else(|| self.words.get(verb_lemma_in(self, word)?))
            .copied()
    }
}

fn english() -> rust_stemmers::Stemmer {
    rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
}

/// The listed verb that `word` is a past tense or "-ing" form of ("launched", "hiring",
/// "reduced" → "launch", "hire", "reduce"), by the Snowball English stemmer.
fn verb_lemma_in(verbs: &Verbs, word: &str) -> Option<&'static str> {
    if !is_inflected(word) {
        return None;
    }
    verbs.stems.get(english().stem(word).as_ref()).copied()
}

/// Only "-ed" and "-ing" forms are read as inflections: at the start of a sentence "-s"
/// is more often a plural noun ("Reviews average 4.5 stars") than a verb.
fn is_inflected(word: &str) -> bool {
    word.is_ascii()
        && ((word.len() > 4 && word.ends_with("ed")) || (word.len() > 5 && word.ends_with("ing")))
}

/// The entry of `list` that `word` is, or is a past tense or "-ing" form of ("focusing"
/// for "focus", "migrated" for "migrate"), for the rules' own verb lists.
pub(crate) fn find_verb<'l, I>(word: &str, list: I) -> Option<&'l str>
where
    I: IntoIterator<Item = &'l str>,
    I::IntoIter: Clone,
{
    let list = list.into_iter();
    if let Some(exact) = list.clone().find(|entry| *entry == word) {
        return Some(exact);
    }
    if !is_inflected(word) {
        return None;
    }
    let stemmer = english();
    let stem = stemmer.stem(word);
    list.into_iter().find(|entry| stemmer.stem(entry) == stem)
}

/// The direction a leading verb gives, in any of its listed forms or their inflections.
pub(crate) fn verb_direction(verb: &str) -> Option<VerbClass> {
    VERBS.get(verb).map(|(class, _)| class)
}

/// How a leading verb sets the direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbClass {
    /// The verb alone decides.
    Fixed(Direction),
    /// Baseline and target decide when both are given; else this direction.
    NumbersOr(Direction),
}

/// True for verbs that name a deliverable rather than an outcome (OKR102's list), and
/// their inflections ("launched", "publishing").
pub(crate) fn is_output_verb(verb: &str) -> bool {
    VERBS.get(verb).is_some_and(|(_, output)| output)
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

/// The word after "or" in a bound written after its number ("six days or fewer").
pub(crate) fn trailing_comparator(word: &str) -> Option<crate::sentence::Bound> {
    use crate::sentence::Bound::*;
    match word {
        "fewer" | "less" | "under" | "below" | "lower" | "shorter" | "faster" | "sooner" => {
            Some(AtMost)
        }
        "more" | "above" | "over" | "higher" | "greater" | "longer" => Some(AtLeast),
        _ => None,
    }
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
