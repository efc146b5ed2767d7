//! Calendar dates written as `YYYY-MM-DD`, with an error that says what is wrong.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serializer, de::Error as _};

const FORMAT: &str = "%Y-%m-%d";

pub(crate) fn parse(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), FORMAT).map_err(|_| {
        if looks_like_iso_date(text.trim()) {
            format!(
                "`{text}` is not a calendar date (no such day); write a real date as YYYY-MM-DD"
            )
        } else {
            format!("`{text}` is not a date; write dates as YYYY-MM-DD, e.g. 2026-07-01")
        }
    })
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
    serializer.collect_str(&date.format(FORMAT))
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

    #[test]
    fn accepts_real_dates_and_explains_impossible_ones() {
        assert_eq!(
            parse("2026-02-28"),
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap())
        );
        assert!(parse("2026-02-30").unwrap_err().contains("no such day"));
        assert!(parse("next friday").unwrap_err().contains("YYYY-MM-DD"));
    }
}
