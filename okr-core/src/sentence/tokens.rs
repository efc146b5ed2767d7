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
                    // `v2.2`, `web3.0`: a version stays one word.
                    || (chars[i] == '.'
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
    // Digits, thousands commas and at most one point: parsed in place when there is no comma.
    let mut value: f64 = match ascii {
        Some(text) if !seen_comma => text[start..i].parse().ok()?,
        _ => chars[start..i]
            .iter()
            .filter(|c| **c != ',')
            .collect::<String>()
            .parse()
            .ok()?,
    };
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
}
