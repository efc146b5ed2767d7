//! Reads a key-result sentence: direction, metric, baseline, target, unit, change, deadline.
//!
//! ```
//! use okr_core::sentence::{parse_key_result, Direction};
//!
//! let kr = parse_key_result("Decrease refund rate from 0.5% to 0.2% by end of Q3");
//! assert_eq!(kr.direction, Some(Direction::Decrease));
//! assert_eq!(kr.metric.as_deref(), Some("refund rate"));
//! assert_eq!((kr.baseline, kr.target), (Some(0.5), Some(0.2)));
//! assert_eq!(kr.unit.as_deref(), Some("%"));
//! assert_eq!(kr.deadline.as_deref(), Some("by end of q3"));
//!
//! let kr = parse_key_result("Increase weekly signups by 15%");
//! assert_eq!(kr.change.map(|c| (c.amount, c.percent)), Some((15.0, true)));
//! ```
//!
//! The parser is a deterministic, linear scan over words and numbers (English). It never
//! fails: what it cannot read stays `None`.

mod tokens;

use crate::vocabulary as words;
use serde::Serialize;
use std::borrow::Cow;
use tokens::{Number, Token, tokenize};
use words::VerbClass;

/// Which way a key result moves its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Up: raise, grow, increase…
    Increase,
    /// Down: reduce, cut, decrease…
    Decrease,
    /// Hold a level: keep, maintain, stay…
    Maintain,
    /// Reach a level or deliver something: reach, sign, launch…
    Achieve,
}

impl Direction {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Maintain => "maintain",
            Direction::Achieve => "achieve",
        }
    }
}

/// A relative or absolute change ("by 15%", "by $2M", "double").
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// The size of the change (always positive; the direction says which way).
    pub amount: f64,
    /// True when the amount is a percentage of the current value.
    pub percent: bool,
}

/// A bound the number must respect ("under 800 ms", "at least 40%").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// Stay at or below the target.
    AtMost,
    /// Stay at or above the target.
    AtLeast,
}

/// What [`parse_key_result`] read from a sentence.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ParsedKeyResult {
    /// Which way the number moves.
    pub direction: Option<Direction>,
    /// The leading verb, lowercased ("increase", "launch"…).
    pub verb: Option<String>,
    /// The metric phrase ("refund rate", "weekly active users").
    pub metric: Option<String>,
    /// The starting value ("from 30").
    pub baseline: Option<f64>,
    /// The target value ("to 40", "under 800 ms", "Sign 12 partners").
    pub target: Option<f64>,
    /// Unit of the numbers (`%`, `$`, `ms`, `days`…).
    pub unit: Option<String>,
    /// A change relative to now ("by 15%").
    pub change: Option<Change>,
    /// A bound to respect ("under", "at least").
    pub bound: Option<Bound>,
    /// The deadline words ("by end of q3", "this quarter").
    pub deadline: Option<String>,
    /// True when the sentence has a number outside its deadline (or an X/Y placeholder).
    pub has_number: bool,
}

impl ParsedKeyResult {
    /// Baseline and target, when the sentence gives both and they differ: enough to score.
    pub fn baseline_and_target(&self) -> Option<(f64, f64)> {
        match (self.baseline, self.target) {
            (Some(b), Some(t)) if b != t && b.is_finite() && t.is_finite() => Some((b, t)),
            _ => None,
        }
    }
}

/// Reads a key-result sentence. Never fails; unknown parts stay `None`.
pub fn parse_key_result(text: &str) -> ParsedKeyResult {
    let mut tokens = tokenize(text);
    strip_label(&mut tokens);
    front_verb_after_colon(&mut tokens);
    let mut out = ParsedKeyResult::default();
    let deadline = find_deadline(&tokens);
    if let Some((start, end)) = deadline {
        out.deadline = Some(join_tokens(&tokens[start..end]));
        tokens.drain(start..end);
    }

    out.has_number = tokens.iter().any(|t| match t {
        Token::Number(n) => !n.year_like,
        // Placeholders for a number still to be set: a template, not a vague sentence.
        Token::Word(w) => matches!(
            w.as_ref(),
            "x" | "y" | "n" | "xx" | "xxx" | "tbd" | "tbc" | "tba"
        ),
        Token::Symbol(_) => false,
    });

    let first_word = tokens.first().and_then(Token::word);
    let verb_class = first_word.and_then(words::verb_direction);
    if verb_class.is_some() || first_word.is_some_and(words::is_output_verb) {
        out.verb = first_word.map(str::to_owned);
    }
    let body_start = usize::from(out.verb.is_some());

    let mut marker = None; // index where the metric phrase ends
    read_from_to(&tokens, &mut out, &mut marker);
    read_bound(&tokens, &mut out, &mut marker);
    read_to_and_by(&tokens, &mut out, &mut marker);
    if read_multiplier_verb(&mut out) {
        out.has_number = true;
    }
    let lone_number = if out.target.is_none() && out.change.is_none() {
        read_lone_number(&tokens, body_start, &mut out)
    } else {
        None
    };

    out.metric = metric_phrase(&tokens, body_start, marker, lone_number);
    out.direction = direction(verb_class, &out);
    out
}

/// The tokens written back as words separated by single spaces.
fn join_tokens(tokens: &[Token<'_>]) -> String {
    let mut joined = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        joined.push_str(&token_text(token));
    }
    joined
}

fn token_text<'t>(token: &'t Token<'_>) -> Cow<'t, str> {
    match token {
        Token::Word(w) => Cow::Borrowed(w),
        Token::Number(n) => Cow::Owned(format_number(n)),
        Token::Symbol(c) => Cow::Owned(c.to_string()),
    }
}

fn format_number(n: &Number) -> String {
    let value = if n.value.fract() == 0.0 && n.value.abs() < 1e15 {
        format!("{}", n.value as i64)
    } else {
        format!("{}", n.value)
    };
    match n.unit {
        Some(unit @ ("$" | "€" | "£" | "¥")) => format!("{unit}{value}"),
        Some(unit) => format!("{value}{unit}"),
        None => value,
    }
}

/// "30-day retention: Increase from 52% to 65%" reads as "Increase 30-day retention from …".
fn front_verb_after_colon(tokens: &mut Vec<Token>) {
    let Some(colon) = tokens
        .iter()
        .take(8)
        .position(|t| matches!(t, Token::Symbol(':')))
    else {
        return;
    };
    let verb_follows = tokens
        .get(colon + 1)
        .and_then(Token::word)
        .is_some_and(|w| words::verb_direction(w).is_some());
    if colon > 0 && verb_follows {
        let verb = tokens.remove(colon + 1);
        tokens.remove(colon);
        tokens.insert(0, verb);
    }
}

/// Drops "KR1:", "KR 2 -", "1." and bullets in front of the sentence.
fn strip_label(tokens: &mut Vec<Token>) {
    let mut cut = 0;
    loop {
        match tokens.get(cut) {
            Some(Token::Symbol('-' | '•' | '*' | '–' | '—' | '·')) => cut += 1,
            Some(Token::Word(w)) if is_label_word(w) => {
                let mut next = cut + 1;
                if matches!(tokens.get(next), Some(Token::Number(_))) {
                    next += 1;
                }
                if matches!(
                    tokens.get(next),
                    Some(Token::Symbol(':' | '.' | ')' | '-' | '–'))
                ) {
                    cut = next + 1;
                } else {
                    break;
                }
            }
            Some(Token::Number(_))
                if matches!(tokens.get(cut + 1), Some(Token::Symbol('.' | ')' | ':'))) =>
            {
                cut += 2
            }
            _ => break,
        }
    }
    tokens.drain(..cut);
}

fn is_label_word(word: &str) -> bool {
    let digits = word.trim_start_matches(|c: char| c.is_alphabetic());
    let letters = &word[..word.len() - digits.len()];
    matches!(letters, "kr" | "o" | "obj" | "objective" | "key")
        && digits.chars().all(|c| c.is_ascii_digit())
}

/// The span of the deadline phrase, if any: "by (the) end of Q3", "this quarter", "in H2 2026",
/// "by March 7", "within the quarter", "in the next 6 months".
fn find_deadline(tokens: &[Token]) -> Option<(usize, usize)> {
    for start in 0..tokens.len() {
        let Some(word) = tokens[start].word() else {
            continue;
        };
        let next = tokens.get(start + 1);
        let next_word = next.and_then(Token::word).unwrap_or("");
        let opens = match word {
            "by" | "before" | "until" | "till" | "through" | "in" | "during" | "for" => {
                words::deadline_word(next_word) && next_word != "first" && next_word != "second"
                    || next.and_then(Token::number).is_some_and(|n| n.year_like)
            }
            "within" => {
                matches!(next_word, "the" | "this" | "q1" | "q2" | "q3" | "q4")
                    || (next.and_then(Token::number).is_some()
                        && matches!(
                            tokens.get(start + 2).and_then(Token::word),
                            Some("months" | "month" | "years" | "quarters")
                        ))
            }
            "this" | "next" => matches!(
                next_word,
                "quarter" | "year" | "month" | "half" | "cycle" | "sprint"
            ),
            "end" => next_word == "of",
            "eoy" | "eoq" => true,
            _ => words::is_period_name(word),
        };
        if !opens {
            continue;
        }
        let mut end = start + 1;
        while let Some(token) = tokens.get(end) {
            let extends = match token {
                Token::Word(w) => words::deadline_word(w) || (w == "of" || w == "next"),
                // Years, day numbers after a month name, and "next 6 months" counts.
                Token::Number(n) => {
                    n.year_like
                        || (n.unit.is_none()
                            && n.value.fract() == 0.0
                            && (1.0..=31.0).contains(&n.value)
                            && (end > 0
                                && tokens[end - 1]
                                    .word()
                                    .is_some_and(|w| words::MONTHS.contains(&w) || w == "next")))
                }
                Token::Symbol(',') => tokens
                    .get(end + 1)
                    .and_then(Token::number)
                    .is_some_and(|n| n.year_like),
                Token::Symbol(_) => false,
            };
            if !extends {
                break;
            }
            end += 1;
        }
        // "next 6 months", "within 6 months": take the unit word too.
        if end > start
            && tokens.get(end).and_then(Token::word).is_some_and(|w| {
                matches!(
                    w,
                    "months" | "month" | "years" | "weeks" | "quarters" | "days"
                )
            })
            && tokens[end - 1].number().is_some()
        {
            end += 1;
        }
        // A trailing "the"/"of"/"first" belongs to what follows, not to the deadline.
        while end > start + 1
            && tokens[end - 1]
                .word()
                .is_some_and(|w| matches!(w, "the" | "of" | "first" | "start"))
        {
            end -= 1;
        }
        let strong = tokens[start..end].iter().any(|t| match t {
            Token::Word(w) => words::strong_deadline_word(w),
            Token::Number(n) => n.year_like,
            Token::Symbol(_) => false,
        });
        if strong {
            return Some((start, end));
        }
    }
    None
}

/// "from 30 to 40", "from 5% → 3%", "30 -> 40".
fn read_from_to(tokens: &[Token], out: &mut ParsedKeyResult, marker: &mut Option<usize>) {
    for (i, token) in tokens.iter().enumerate() {
        let baseline = match token {
            Token::Word(w) if w == "from" => tokens.get(i + 1).and_then(Token::number),
            _ => None,
        };
        let Some(baseline) = baseline else { continue };
        // A few words may sit between the numbers ("from 3.2 s to 1.5 s",
        // "from 18% of new signups up to 35%").
        for j in i + 2..(i + 8).min(tokens.len()) {
            let is_to = matches!(&tokens[j], Token::Word(w) if w == "to")
                || matches!(tokens[j], Token::Symbol('→'));
            let arrow = matches!(tokens[j], Token::Symbol('-'))
                && matches!(tokens.get(j + 1), Some(Token::Symbol('>')));
            let mut offset = if arrow { 2 } else { 1 };
            // "from 3.2 hrs to under 1 hr": the target is also a bound.
            if is_to && let Some((len, bound)) = words::comparator(leading_words(&tokens[j + 1..]))
            {
                out.bound = Some(bound);
                offset += len;
            }
            if (is_to || arrow)
                && let Some(target) = tokens.get(j + offset).and_then(Token::number)
            {
                out.baseline = Some(baseline.value);
                out.target = Some(target.value);
                set_unit(out, tokens, j + offset, target);
                let baseline_unit = unit_of(tokens, i + 1, baseline);
                match (
                    baseline_unit.and_then(words::seconds_per),
                    out.unit.as_deref().and_then(words::seconds_per),
                ) {
                    // "from 4 hours to 15 minutes": compare in the target's unit.
                    (Some(from), Some(to)) if from != to => {
                        out.baseline = Some(baseline.value * from / to)
                    }
                    _ => {}
                }
                if out.unit.is_none() {
                    out.unit = baseline_unit.map(str::to_owned);
                }
                *marker = Some(marker.map_or(i, |m: usize| m.min(i)));
                return;
            }
            if matches!(tokens[j].word(), Some("from" | "by" | "and"))
                || tokens[j].number().is_some()
            {
                break;
            }
        }
    }
}

/// "under 800 ms", "at least 40%", "< 2%".
fn read_bound(tokens: &[Token], out: &mut ParsedKeyResult, marker: &mut Option<usize>) {
    for i in 0..tokens.len() {
        let symbol_bound = match (&tokens[i], tokens.get(i + 1)) {
            (Token::Symbol('<' | '≤'), Some(Token::Symbol('='))) => Some((2, Bound::AtMost)),
            (Token::Symbol('>' | '≥'), Some(Token::Symbol('='))) => Some((2, Bound::AtLeast)),
            (Token::Symbol('<' | '≤'), _) => Some((1, Bound::AtMost)),
            (Token::Symbol('>' | '≥'), _) => Some((1, Bound::AtLeast)),
            _ => None,
        };
        let found = symbol_bound.or_else(|| words::comparator(leading_words(&tokens[i..])));
        let Some((len, bound)) = found else { continue };
        // "less than" must be followed by a number; an optional currency word may not.
        let Some(number) = tokens.get(i + len).and_then(Token::number) else {
            continue;
        };
        take_bound(out, tokens, (i + len, number), bound);
        *marker = Some(marker.map_or(i, |m: usize| m.min(i)));
        return;
    }
    read_trailing_bound(tokens, out, marker);
}

/// Notes a bound, and its number as the target when none was read yet.
fn take_bound(
    out: &mut ParsedKeyResult,
    tokens: &[Token],
    (at, number): (usize, &Number),
    bound: Bound,
) {
    out.bound = Some(bound);
    if out.target.is_none() {
        out.target = Some(number.value);
        set_unit(out, tokens, at, number);
    }
}

/// The position after the number at `at` and the unit word written after it, if any
/// ("800 ms", but not "800ms" whose unit is part of the number).
fn past_number(tokens: &[Token], at: usize) -> usize {
    let unit_word = tokens
        .get(at + 1)
        .and_then(Token::word)
        .and_then(words::unit_word)
        .is_some()
        && tokens
            .get(at)
            .and_then(Token::number)
            .is_some_and(|n| n.unit.is_none());
    at + 1 + usize::from(unit_word)
}

/// "six days or fewer", "30 or more sessions": the bound written after the number (and
/// its unit, if any).
fn read_trailing_bound(tokens: &[Token], out: &mut ParsedKeyResult, marker: &mut Option<usize>) {
    for i in 0..tokens.len() {
        let Some(number) = tokens[i].number() else {
            continue;
        };
        let after_unit = past_number(tokens, i);
        let bound = match leading_words(tokens.get(after_unit..).unwrap_or_default()) {
            ["or", word, _] => words::trailing_comparator(word),
            _ => None,
        };
        let Some(bound) = bound else { continue };
        take_bound(out, tokens, (i, number), bound);
        *marker = Some(marker.map_or(i, |m: usize| m.min(i)));
        return;
    }
}

/// The first three words of `tokens`, `""` from the first number or symbol on: what a
/// comparator ("at least", "no more than") is looked for in, at every token, without
/// allocating.
fn leading_words<'t>(tokens: &'t [Token<'_>]) -> [&'t str; 3] {
    let mut words = [""; 3];
    for (slot, word) in words.iter_mut().zip(tokens.iter().map_while(Token::word)) {
        *slot = word;
    }
    words
}

/// "to 99.9%" (a target without a baseline) and "by 15%" (a change).
fn read_to_and_by(tokens: &[Token], out: &mut ParsedKeyResult, marker: &mut Option<usize>) {
    for i in 0..tokens.len() {
        let Some(word) = tokens[i].word() else {
            continue;
        };
        let Some(number) = tokens.get(i + 1).and_then(Token::number) else {
            continue;
        };
        match word {
            "to" if out.target.is_none() => {
                out.target = Some(number.value);
                set_unit(out, tokens, i + 1, number);
            }
            "by" if out.change.is_none() => {
                out.change = Some(Change {
                    amount: number.value.abs(),
                    percent: number.unit == Some("%"),
                });
                if out.unit.is_none() && number.unit != Some("%") {
                    set_unit(out, tokens, i + 1, number);
                }
            }
            _ => continue,
        }
        *marker = Some(marker.map_or(i, |m: usize| m.min(i)));
    }
}

/// "Double signups", "Halve churn". Returns true when the verb set the change.
fn read_multiplier_verb(out: &mut ParsedKeyResult) -> bool {
    if out.change.is_some() {
        return false;
    }
    let amount = match out.verb.as_deref() {
        Some("double") => 100.0,
        Some("triple") => 200.0,
        Some("quadruple") => 300.0,
        Some("halve") => 50.0,
        _ => return false,
    };
    out.change = Some(Change {
        amount,
        percent: true,
    });
    true
}

/// "Sign 12 new partners", "Reach 1 million page views": the first free-standing number.
/// Returns its index.
fn read_lone_number(
    tokens: &[Token],
    body_start: usize,
    out: &mut ParsedKeyResult,
) -> Option<usize> {
    let i = tokens
        .iter()
        .enumerate()
        .skip(body_start)
        .find_map(|(i, t)| {
            let n = t.number()?;
            // A number right after "per" is part of the metric ("tickets per 1,000 orders").
            let after_per = i > 0 && tokens[i - 1].word() == Some("per");
            (!n.year_like && !after_per).then_some(i)
        })?;
    let number = tokens[i].number()?;
    if number.unit == Some("x") {
        out.change = Some(Change {
            amount: (number.value - 1.0) * 100.0,
            percent: true,
        });
    } else {
        out.target = Some(number.value);
        set_unit(out, tokens, i, number);
    }
    Some(i)
}

fn set_unit(out: &mut ParsedKeyResult, tokens: &[Token], at: usize, number: &Number) {
    if out.unit.is_none() {
        out.unit = unit_of(tokens, at, number).map(str::to_owned);
    }
}

/// The unit glued to the number, or the unit word right after it.
fn unit_of(tokens: &[Token], at: usize, number: &Number) -> Option<&'static str> {
    number.unit.or_else(|| {
        tokens
            .get(at + 1)
            .and_then(Token::word)
            .and_then(words::unit_word)
    })
}

/// The words naming what is measured.
fn metric_phrase(
    tokens: &[Token],
    body_start: usize,
    marker: Option<usize>,
    lone_number: Option<usize>,
) -> Option<String> {
    // Numbers inside the phrase stay ("tickets per 1000 orders").
    let texts: Vec<Cow<'_, str>> = marker
        .map(|end| {
            tokens[body_start.min(end)..end]
                .iter()
                .filter(|t| !matches!(t, Token::Symbol(_)))
                .map(token_text)
                .collect()
        })
        .unwrap_or_default();
    let before_marker: Vec<&str> = texts.iter().map(|t| t.as_ref()).collect();
    // "Ship to 10,000 beta users": nothing before the marker, so read after its number.
    let number_after_marker =
        marker.and_then(|m| (m..tokens.len()).find(|&i| tokens[i].number().is_some()));
    let (marker, lone_number) = if marker.is_some() && trim_filler(&before_marker).is_empty() {
        (None, number_after_marker.or(lone_number))
    } else {
        (marker, lone_number)
    };
    let words: Vec<&str> = match (marker, lone_number) {
        (Some(_), _) => before_marker,
        (None, Some(number)) => {
            let after = past_number(tokens, number);
            let mut before: Vec<&str> = tokens[body_start.min(number)..number]
                .iter()
                .filter_map(Token::word)
                .collect();
            // "Weekly active users reach 50K": the metric ends where a verb starts.
            if let Some(verb) = before.iter().position(|w| is_inner_verb(w)) {
                before.truncate(verb);
            }
            let after: Vec<&str> = tokens[after.min(tokens.len())..]
                .iter()
                .skip_while(|t| matches!(t, Token::Symbol('+' | '/')) || t.number().is_some())
                .map_while(|t| match t {
                    Token::Word(w)
                        if !matches!(
                            w.as_ref(),
                            "by" | "within" | "through" | "via" | "using" | "so" | "while" | "and"
                        ) =>
                    {
                        Some(w.as_ref())
                    }
                    Token::Number(_) => None,
                    _ => None,
                })
                .collect();
            // "Reach 1 million page views" names the metric after the number; "NPS of 40" before it.
            if after.is_empty() { before } else { after }
        }
        (None, None) => tokens[body_start.min(tokens.len())..]
            .iter()
            .map_while(Token::word)
            .collect(),
    };
    let words = trim_filler(&words);
    (!words.is_empty()).then(|| words.join(" "))
}

/// Verbs written after the subject ("users reach 50K", "score hits 4.5").
fn is_inner_verb(word: &str) -> bool {
    matches!(
        word,
        "reach"
            | "reaches"
            | "hit"
            | "hits"
            | "is"
            | "are"
            | "at"
            | "of"
            | "exceeds"
            | "exceed"
            | "above"
            | "grows"
            | "drops"
            | "falls"
            | "stays"
            | "remains"
            | "goes"
            | "increases"
            | "decreases"
            | "improves"
    )
}

fn trim_filler<'w, 'a>(words: &'w [&'a str]) -> &'w [&'a str] {
    let filler = |w: &&str| {
        matches!(
            *w,
            "the"
                | "our"
                | "a"
                | "an"
                | "of"
                | "for"
                | "in"
                | "at"
                | "to"
                | "is"
                | "are"
                | "be"
                | "its"
                | "their"
                | "first"
                | "last"
                | "on"
                | "with"
        )
    };
    let start = words.iter().position(|w| !filler(w)).unwrap_or(words.len());
    let end = words
        .iter()
        .rposition(|w| !filler(w))
        .map_or(start, |e| e + 1);
    &words[start..end.max(start)]
}

fn direction(verb: Option<VerbClass>, out: &ParsedKeyResult) -> Option<Direction> {
    let by_numbers = out.baseline.zip(out.target).and_then(|(b, t)| {
        if t > b {
            Some(Direction::Increase)
        } else if t < b {
            Some(Direction::Decrease)
        } else {
            None
        }
    });
    match verb {
        Some(VerbClass::Fixed(direction)) => Some(direction),
        Some(VerbClass::NumbersOr(direction)) => by_numbers.or(Some(direction)),
        None => by_numbers.or(match out.bound {
            Some(_) => Some(Direction::Maintain),
            None => out.target.map(|_| Direction::Achieve),
        }),
    }
}
