//! Calendar dates written as `YYYY-MM-DD`, with an error that says what is wrong.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

/// Reads a day given as an argument (`--as-of`, Python's `as_of`, JavaScript's `asOf`):
/// exactly `YYYY-MM-DD`, four-digit year, two-digit month and day, nothing around it. Every
/// front end reads days with this one function, so they accept and refuse the same text.
/// The error says what is wrong (not a date, or no such day) and what to write.
///
/// ```
/// use okr_core::model::parse_day;
/// assert_eq!(parse_day("2026-08-15").unwrap().to_string(), "2026-08-15");
/// assert!(parse_day("2026-02-30").unwrap_err().to_string().contains("no such day"));
/// assert!(parse_day(" 2026-08-15").is_err());
/// assert!(parse_day("2026-8-15").is_err());
/// ```
pub fn parse_day(text: &str) -> Result<NaiveDate, DayError> {
    parse_iso(text).ok_or_else(|| DayError {
        text: text.to_owned(),
        no_such_day: looks_like_iso_date(text),
    })
}

/// Text that is not a calendar day, and why; its message says what to write.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DayError {
    /// The text as given.
    pub text: String,
    /// Written as `YYYY-MM-DD`, but no such day exists (`2026-02-30`).
    pub no_such_day: bool,
}

impl std::fmt::Display for DayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.no_such_day {
            write!(
                f,
                "`{}` is not a calendar date (no such day); write a real day as YYYY-MM-DD",
                self.text
            )
        } else {
            write!(
                f,
                "`{}` is not a date; write it as YYYY-MM-DD, e.g. 2026-08-15",
                self.text
            )
        }
    }
}

impl std::error::Error for DayError {}

/// Reads a date of the file format: `YYYY-MM-DD`, also with spaces around it (see
/// docs/format.md).
pub(crate) fn parse(text: &str) -> Result<NaiveDate, String> {
    // The usual `YYYY-MM-DD` directly: a check-in list of an organisation holds hundreds of
    // thousands of dates, and chrono's format-string parser reads its pattern every time.
    if let Some(date) = parse_iso(text) {
        return Ok(date);
    }
    parse_tolerant(text.trim()).ok_or_else(|| {
        if looks_like_iso_date(text.trim()) {
            format!(
                "`{text}` is not a calendar date (no such day); write a real date as YYYY-MM-DD"
            )
        } else {
            format!("`{text}` is not a date; write dates as YYYY-MM-DD, e.g. 2026-07-01")
        }
    })
}

/// `YYYY-MM-DD` exactly; `None` for anything else (which the general parser then reads).
fn parse_iso(text: &str) -> Option<NaiveDate> {
    if !looks_like_iso_date(text) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        text.as_bytes()[range]
            .iter()
            .fold(0u32, |n, digit| n * 10 + u32::from(digit - b'0'))
    };
    let year = i32::try_from(number(0..4)).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7), number(8..10))
}

/// What chrono's `%Y-%m-%d` reads (the tolerance docs/format.md promises): a year of one
/// to four digits, or of any length after a `+` or `-`; a month and a day of one or two
/// digits; spaces before each number. Written out because chrono's format-string parser
/// brings all its other formats (RFC 2822 among them) into the wasm module, about 20 KiB;
/// a test holds it to chrono's answers.
fn parse_tolerant(text: &str) -> Option<NaiveDate> {
    let (year, rest) = signed_number(text.trim_start())?;
    let rest = rest.strip_prefix('-')?;
    let (month, rest) = number(rest.trim_start(), 2)?;
    let rest = rest.strip_prefix('-')?;
    let (day, rest) = number(rest.trim_start(), 2)?;
    if !rest.is_empty() {
        return None;
    }
    let year = i32::try_from(year).ok()?;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// A year as `%Y` reads it: four digits at most unless a sign comes first.
fn signed_number(text: &str) -> Option<(i64, &str)> {
    match text.as_bytes().first()? {
        b'+' => number(&text[1..], usize::MAX),
        b'-' => number(&text[1..], usize::MAX).map(|(n, rest)| (-n, rest)),
        _ => number(text, 4),
    }
}

/// One to `width` digits (stopping at the first non-digit), and the text after them.
fn number(text: &str, width: usize) -> Option<(i64, &str)> {
    let digits = text
        .bytes()
        .take(width)
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0 {
        return None;
    }
    let value = text[..digits].bytes().try_fold(0i64, |n, d| {
        n.checked_mul(10)?.checked_add(i64::from(d - b'0'))
    })?;
    Some((value, &text[digits..]))
}

fn looks_like_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    // Display writes `YYYY-MM-DD` (with a sign outside years 0–9999, as `%Y` would).
    serializer.collect_str(date)
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<NaiveDate, D::Error> {
    let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
    parse(&text).map_err(D::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The format chrono reads dates with, which the tolerant reader follows.
    const FORMAT: &str = "%Y-%m-%d";

    #[test]
    fn days_given_as_arguments_are_strict() {
        assert_eq!(
            parse_day("2026-08-15"),
            Ok(NaiveDate::from_ymd_opt(2026, 8, 15).unwrap())
        );
        assert!(parse_day("2026-02-30").unwrap_err().no_such_day);
        for wrong in [
            " 2026-08-15",
            "2026-08-15 ",
            "2026-8-15",
            "+2026-08-15",
            "15.08.2026",
            "2026-08-15T00:00",
            "",
            "２０２６-08-15",
        ] {
            assert!(
                parse_day(wrong)
                    .unwrap_err()
                    .to_string()
                    .contains("YYYY-MM-DD"),
                "{wrong:?}"
            );
        }
        // The file format is kinder to spaces around a date (YAML and JSON quoting habits).
        assert!(parse(" 2026-08-15 ").is_ok());
    }

    /// The tolerant reader answers as chrono's `%Y-%m-%d` on the text it is given (trimmed,
    /// as `parse` gives it): signs, short and long numbers, spaces, junk around the dashes.
    #[test]
    fn reads_what_chrono_reads() {
        let parts = [
            "",
            "0",
            "1",
            "8",
            "08",
            "008",
            "12",
            "13",
            "29",
            "30",
            "31",
            "32",
            "2026",
            "02026",
            "+2026",
            "-0044",
            "+12026",
            "-",
            "+",
            " 8",
            "  08",
            "\t8",
            "8 ",
            "x",
            "99999999999999",
        ];
        let mut compared = 0;
        for year in parts {
            for month in parts {
                for day in parts {
                    let text = format!("{year}-{month}-{day}");
                    let text = text.trim();
                    let chrono = NaiveDate::parse_from_str(text, FORMAT).ok();
                    assert_eq!(parse_tolerant(text), chrono, "{text:?}");
                    compared += usize::from(chrono.is_some());
                }
            }
        }
        assert!(compared > 100, "{compared}");
    }

    #[test]
    fn writes_what_it_reads() {
        for text in ["2026-02-28", "0001-01-01", "9999-12-31"] {
            let date = parse(text).unwrap();
            assert_eq!(date.to_string(), text);
            assert_eq!(date.format(FORMAT).to_string(), text);
        }
        // Outside 0–9999 both spell the sign the same way.
        let far = NaiveDate::from_ymd_opt(12026, 1, 1).unwrap();
        assert_eq!(far.to_string(), far.format(FORMAT).to_string());
    }

    #[test]
    fn accepts_real_dates_and_explains_impossible_ones() {
        assert_eq!(
            parse("2026-02-28"),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap())
        );
        assert!(parse("2026-02-30").unwrap_err().contains("no such day"));
        assert!(parse("next friday").unwrap_err().contains("YYYY-MM-DD"));
        assert_eq!(
            parse(" 2026-7-1 "),
            NaiveDate::from_ymd_opt(2026, 7, 1).ok_or_else(String::new)
        );
        assert!(parse("2026-13-01").unwrap_err().contains("no such day"));
        assert_eq!(
            parse("0001-01-01"),
            NaiveDate::from_ymd_opt(1, 1, 1).ok_or_else(String::new)
        );
    }
}
