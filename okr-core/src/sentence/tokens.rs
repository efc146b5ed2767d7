//! Splits a key-result sentence into words, numbers (with currency, magnitude and unit)
//! and symbols. Hand-written so the core stays small for wasm and linear in the input.
//!
//! Lint and score read every key-result title, so the common case allocates little: in
//! ASCII text, lowercase words and plain numbers are read in place.

use std::borrow::Cow;

/// One piece of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token<'a> {
    /// A word, lowercased; hyphens and apostrophes stay inside (`one-click`, `customer's`).
    Word(Cow<'a, str>),
    /// A number with what was glued to it.
    Number(Number),
    /// Any other visible character (`:`, `<`, `→`…).
    Symbol(char),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    pub(crate) value: f64,
    /// `%`, `$`, `€`, `£`, `¥` or `x`, when written next to the digits.
    pub(crate) unit: Option<&'static str>,
    /// True for four-digit whole numbers from 1900 to 2199 written plainly (likely a year).
    pub(crate) year_like: bool,
}

impl Token<'_> {
    pub(crate) fn word(&self) -> Option<&str> {
        match self {
            Token::Word(w) => Some(w),
            _ => None,
        }
    }

    pub(crate) fn number(&self) -> Option<&Number> {
        match self {
            Token::Number(n) => Some(n),
            _ => None,
        }
    }
}

const CURRENCIES: [(char, &str); 4] = [('$', "$"), ('€', "€"), ('£', "£"), ('¥', "¥")];

fn currency(c: char) -> Option<&'static str> {
    CURRENCIES
        .iter()
        .find(|(sym, _)| *sym == c)
        .map(|(_, unit)| *unit)
}

pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    // Sized up front: `collect` would grow it from a quarter of the length, copying as it goes.
    let mut chars = Vec::with_capacity(text.len());
    chars.extend(text.chars());
    // In ASCII text a char index is a byte index, so words and numbers can be sliced out.
    let ascii = (text.len() == chars.len()).then_some(text);
    tokenize_chars(&chars, ascii)
}

/// Tokens of `chars`; `ascii` is the same text as a `str` when it is all ASCII.
fn tokenize_chars<'a>(chars: &[char], ascii: Option<&'a str>) -> Vec<Token<'a>> {
    let mut tokens = Vec::with_capacity(chars.len() / 4 + 4);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if let Some((number, next)) = read_number(chars, ascii, i) {
            tokens.push(Token::Number(number));
            i = next;
        } else if c.is_alphanumeric() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (matches!(chars[i], '-' | '\'' | '’' | '/')
                        && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
                    // `v2.2`, `web3.0`: a version stays one word, and so does a number the
                    // reader declined (`1,20`, `1.2.3`).
                    || (matches!(chars[i], '.' | ',')
                        && chars[i - 1].is_ascii_digit()
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let word = match ascii {
                Some(text) => lowercase_ascii(&text[start..i]),
                None => Cow::Owned(lowercase_word(&chars[start..i])),
            };
            tokens.push(Token::Word(word));
        } else {
            tokens.push(Token::Symbol(c));
            i += 1;
        }
    }
    merge_magnitude_words(tokens)
}

/// An ASCII word lowercased: borrowed when it already is (most words but the first).
fn lowercase_ascii(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// A word lowercased, with typographic apostrophes made plain, in one allocation.
fn lowercase_word(chars: &[char]) -> String {
    let mut word = String::with_capacity(chars.len());
    if chars.iter().all(char::is_ascii) {
        word.extend(chars.iter().map(char::to_ascii_lowercase));
    } else {
        // `str::to_lowercase` knows context rules (a final Greek sigma) that chars do not.
        word.extend(chars);
        word = word.to_lowercase().replace('’', "'");
    }
    word
}

/// Reads `$1,200.50k%`-style numbers starting at `i`; returns the number and the next index.
/// `ascii` is the whole text when it is ASCII (then digits are parsed in place).
fn read_number(chars: &[char], ascii: Option<&str>, mut i: usize) -> Option<(Number, usize)> {
    let mut unit = currency(chars[i]);
    if unit.is_some() {
        i += 1;
    }
    let start = i;
    let (mut value, digit_count, seen_point, end) = match grouped(chars, start) {
        Some(grouped) => grouped,
        None => plain(chars, ascii, start)?,
    };
    i = end;
    // `30-day`, `4-star`: a compound word, not a quantity (`20/month` stays a number).
    if chars.get(i) == Some(&'-')
        && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
        && unit.is_none()
    {
        return None;
    }
    // Digits glued to letters that are not a magnitude or unit (`Q3`, `p95`, `v2`, `3rd`)
    // are part of a word, not a number.
    if start > 0 && chars[start - 1].is_alphabetic() {
        return None;
    }
    // `1,20` (a decimal comma, or a typo) and `1.2.3` cannot be read with confidence:
    // decline, and the tokenizer keeps them as one word.
    if matches!(chars.get(i), Some(',' | '.')) && chars.get(i + 1).is_some_and(char::is_ascii_digit)
    {
        return None;
    }
    // `1e3`, `2.5E-2`: scientific notation.
    if let Some((exponent, next)) = exponent(chars, i) {
        value *= 10f64.powi(exponent);
        if !value.is_finite() {
            return None;
        }
        i = next;
    }
    let plain_integer = !seen_point && unit.is_none();
    let mut year_like = plain_integer && digit_count == 4 && (1900.0..2200.0).contains(&value);

    // Glued magnitude: 2k, 1.2M, 3bn, 5MM.
    let rest = &chars[i..];
    let glued_letters = rest.iter().take_while(|c| c.is_alphabetic()).count();
    let magnitude = match (glued_letters, rest.first().copied()) {
        (1, Some('k' | 'K')) => Some((1e3, 1)),
        // Lowercase `5m` could be minutes; it is millions only next to a currency.
        (1, Some('M')) => Some((1e6, 1)),
        (1, Some('m')) if unit.is_some() => Some((1e6, 1)),
        (1, Some('B')) => Some((1e9, 1)),
        (1, Some('b')) if unit.is_some() => Some((1e9, 1)),
        (2, _) if rest.starts_with(&['b', 'n']) || rest.starts_with(&['B', 'n']) => Some((1e9, 2)),
        (2, _)
            if rest.starts_with(&['M', 'M']) || rest.starts_with(&['m', 'm']) && unit.is_some() =>
        {
            Some((1e6, 2))
        }
        _ => None,
    };
    if let Some((factor, len)) = magnitude {
        value *= factor;
        i += len;
        year_like = false;
    } else if glued_letters == 1 && matches!(rest.first(), Some('x' | 'X')) {
        unit = Some("x");
        i += 1;
        year_like = false;
    } else if glued_letters > 0 {
        // `3rd`, `24h`, `800ms`, `5pp`: split the unit into its own word token.
        let ordinal = match rest {
            [a, b, ..] if glued_letters == 2 => matches!(
                (a.to_ascii_lowercase(), b.to_ascii_lowercase()),
                ('s', 't') | ('n', 'd') | ('r', 'd') | ('t', 'h')
            ),
            _ => false,
        };
        if ordinal {
            return None;
        }
    }
    if chars.get(i) == Some(&'%') {
        unit = Some("%");
        i += 1;
        year_like = false;
    }
    Some((
        Number {
            value,
            unit,
            year_like,
        },
        i,
    ))
}

/// Digits with thousands commas and at most one decimal point (`1,200.50`), from `start`:
/// the value, the digit count, whether a point was seen, and the end.
fn plain(chars: &[char], ascii: Option<&str>, start: usize) -> Option<(f64, usize, bool, usize)> {
    let mut i = start;
    let mut digit_count = 0;
    let mut seen_point = false;
    let mut seen_comma = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            digit_count += 1;
        } else if c == ',' && !seen_point && thousands_group_follows(chars, i) && digit_count > 0 {
            // `1,200` is twelve hundred; `1, 2` is a list.
            seen_comma = true;
        } else if c == '.'
            && !seen_point
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            && digit_count > 0
        {
            seen_point = true;
        } else {
            break;
        }
        i += 1;
    }
    if digit_count == 0 {
        return None;
    }
    // Parsed in place when there is no comma to drop.
    let value: f64 = match ascii {
        Some(text) if !seen_comma => text[start..i].parse().ok()?,
        _ => chars[start..i]
            .iter()
            .filter(|c| **c != ',')
            .collect::<String>()
            .parse()
            .ok()?,
    };
    Some((value, digit_count, seen_point, i))
}

/// Thousands grouped by spaces (`1 200`, `12 500 000`; also no-break and thin spaces) or by
/// two or more dots (`1.200.000`), with an optional decimal part after a comma or point
/// (`1 200,50`, `1.200.000,5`). One dot group alone (`1.200`) is a decimal point, not this.
fn grouped(chars: &[char], start: usize) -> Option<(f64, usize, bool, usize)> {
    let lead = chars[start..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if !(1..=3).contains(&lead) {
        return None;
    }
    let separator = *chars.get(start + lead)?;
    if !matches!(separator, ' ' | '.' | '\u{a0}' | '\u{202f}' | '\u{2009}') {
        return None;
    }
    let mut digits: String = chars[start..start + lead].iter().collect();
    let mut i = start + lead;
    let mut groups = 0;
    while chars.get(i) == Some(&separator)
        && chars
            .get(i + 1..i + 4)
            .is_some_and(|g| g.iter().all(char::is_ascii_digit))
        && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
    {
        digits.extend(&chars[i + 1..i + 4]);
        groups += 1;
        i += 4;
    }
    let needed = if separator == '.' { 2 } else { 1 };
    if groups < needed {
        return None;
    }
    let mut seen_point = false;
    let decimal_mark = |c: &char| *c == ',' || (*c == '.' && separator != '.');
    if chars.get(i).is_some_and(decimal_mark) && chars.get(i + 1).is_some_and(char::is_ascii_digit)
    {
        digits.push('.');
        i += 1;
        while chars.get(i).is_some_and(char::is_ascii_digit) {
            digits.push(chars[i]);
            i += 1;
        }
        seen_point = true;
    }
    let count = digits.bytes().filter(u8::is_ascii_digit).count();
    Some((digits.parse().ok()?, count, seen_point, i))
}

/// `e3`, `E-2`, `e+6` right after the digits (and no letter after it): the power of ten
/// and the end.
fn exponent(chars: &[char], at: usize) -> Option<(i32, usize)> {
    if !matches!(chars.get(at), Some('e' | 'E')) {
        return None;
    }
    let mut i = at + 1;
    let negative = match chars.get(i) {
        Some('-') => {
            i += 1;
            true
        }
        Some('+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let digits_start = i;
    while chars.get(i).is_some_and(char::is_ascii_digit) {
        i += 1;
    }
    if i == digits_start
        || i - digits_start > 3
        || chars.get(i).is_some_and(|c| c.is_alphanumeric())
    {
        return None;
    }
    let power: i32 = chars[digits_start..i]
        .iter()
        .collect::<String>()
        .parse()
        .ok()?;
    Some((if negative { -power } else { power }, i))
}

fn thousands_group_follows(chars: &[char], comma: usize) -> bool {
    let group = chars.get(comma + 1..comma + 4);
    group.is_some_and(|g| g.iter().all(char::is_ascii_digit))
        && !chars.get(comma + 4).is_some_and(char::is_ascii_digit)
}

const NUMBER_WORDS: [(&str, f64); 22] = [
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("dozen", 12.0),
    ("half", 0.5),
];

/// `1 million`, `2.5 billion`, `ten thousand`; number words become numbers;
/// `percent` / `per cent` after a number becomes its `%` unit.
fn merge_magnitude_words(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::with_capacity(tokens.len());
    let mut iter = tokens.into_iter().peekable();
    while let Some(token) = iter.next() {
        let token = match token {
            Token::Word(w) => match NUMBER_WORDS.iter().find(|(name, _)| *name == w) {
                // "half" alone is not a quantity we can score ("halve" is a verb, handled elsewhere).
                Some((name, value)) if *name != "half" && *name != "dozen" => {
                    Token::Number(Number {
                        value: *value,
                        unit: None,
                        year_like: false,
                    })
                }
                _ => Token::Word(w),
            },
            other => other,
        };
        if let Token::Number(mut number) = token {
            loop {
                let factor = match iter.peek().and_then(Token::word) {
                    Some("thousand") => 1e3,
                    Some("million" | "mn" | "mio") => 1e6,
                    Some("billion" | "bn") => 1e9,
                    Some("hundred") => 100.0,
                    _ => break,
                };
                number.value *= factor;
                number.year_like = false;
                iter.next();
            }
            if number.unit.is_none() {
                match iter.peek().and_then(Token::word) {
                    Some("percent" | "pct" | "percentage") => {
                        number.unit = Some("%");
                        iter.next();
                        if iter.peek().and_then(Token::word) == Some("points") {
                            iter.next();
                        }
                    }
                    Some("per") => {
                        let mut look = iter.clone();
                        look.next();
                        if look.peek().and_then(Token::word) == Some("cent") {
                            iter.next();
                            iter.next();
                            number.unit = Some("%");
                        }
                    }
                    _ => {}
                }
            }
            if number.unit.is_some() {
                number.year_like = false;
            }
            out.push(Token::Number(number));
        } else {
            out.push(token);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<(f64, Option<&'static str>)> {
        tokenize(text)
            .iter()
            .filter_map(Token::number)
            .map(|n| (n.value, n.unit))
            .collect()
    }

    proptest::proptest! {
        /// Reading ASCII text in place gives the tokens that reading it char by char gives.
        #[test]
        fn in_place_reading_matches_char_reading(
            text in r"([A-Za-z]{1,8}|[$]?[0-9]{1,5}([.,][0-9]{1,4})?[kKmM%x]?|[ ,.:%<>()-])*"
        ) {
            let chars: Vec<char> = text.chars().collect();
            proptest::prop_assert_eq!(tokenize(&text), tokenize_chars(&chars, None));
        }
    }

    #[test]
    fn reads_numbers_in_their_many_shapes() {
        assert_eq!(numbers("$1.2M"), [(1_200_000.0, Some("$"))]);
        assert_eq!(numbers("1,200 and 2k"), [(1200.0, None), (2000.0, None)]);
        assert_eq!(numbers("99.9% uptime"), [(99.9, Some("%"))]);
        assert_eq!(numbers("1 million views"), [(1e6, None)]);
        assert_eq!(numbers("3x faster"), [(3.0, Some("x"))]);
        assert_eq!(numbers("15 percent"), [(15.0, Some("%"))]);
        assert_eq!(numbers("€3.5bn"), [(3.5e9, Some("€"))]);
        assert_eq!(numbers("twelve partners"), [(12.0, None)]);
        assert_eq!(numbers("Q3 p95 v2 3rd"), []);
        assert_eq!(numbers("one-click"), []);
    }

    #[test]
    fn reads_scientific_and_grouped_numbers_or_declines_them() {
        assert_eq!(numbers("from 1e3 to 2.5E6"), [(1e3, None), (2.5e6, None)]);
        assert_eq!(numbers("1e-2 and 1E+2"), [(0.01, None), (100.0, None)]);
        assert_eq!(
            numbers("from 1 200 to 12 500 000"),
            [(1200.0, None), (12_500_000.0, None)]
        );
        assert_eq!(numbers("€1.200.000"), [(1_200_000.0, Some("€"))]);
        assert_eq!(numbers("1.200.000,50 €"), [(1_200_000.5, None)]);
        assert_eq!(numbers("1\u{202f}500 users"), [(1500.0, None)]);
        assert_eq!(
            numbers("$1.2M and 2.5k"),
            [(1_200_000.0, Some("$")), (2500.0, None)]
        );
        assert_eq!(
            numbers("1,200 and 1,200,000"),
            [(1200.0, None), (1_200_000.0, None)]
        );
        // Ambiguous: a decimal comma, a version, an exponent that overflows.
        assert_eq!(numbers("Reach 1,20 users"), []);
        assert_eq!(numbers("1.2.3"), []);
        assert_eq!(numbers("1e999"), []);
        // Still ordinary: one dot is a decimal point; a space before a short group is a list.
        assert_eq!(numbers("1.200"), [(1.2, None)]);
        assert_eq!(numbers("3 45"), [(3.0, None), (45.0, None)]);
        assert_eq!(
            numbers("top 3 1000m runners"),
            [(3.0, None), (1000.0, None)]
        );
    }
}
