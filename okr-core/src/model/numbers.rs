//! Reading numbers exactly: a whole number beyond 2^53 cannot be held by an `f64`, and a
//! silent rounding (9007199254740993 read as …992) would change the user's data. Such
//! numbers are refused with their path instead.

use serde::Deserializer;
use serde::de::{self, Visitor};
use std::fmt;

/// The largest whole number an `f64` holds exactly (and every one below it).
const EXACT: u64 = 1 << 53;

fn too_large<E: de::Error>(shown: impl fmt::Display) -> E {
    E::custom(format_args!(
        "{shown} is a whole number too large to hold exactly (beyond 2^53 = {EXACT}); write it with fewer digits, e.g. in thousands or millions"
    ))
}

struct Exact;

impl<'de> Visitor<'de> for Exact {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        if v <= EXACT {
            Ok(v as f64)
        } else {
            Err(too_large(v))
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        if v.unsigned_abs() <= EXACT {
            Ok(v as f64)
        } else {
            Err(too_large(v))
        }
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<f64, E> {
        u64::try_from(v).map_or_else(|_| Err(too_large(v)), |v| self.visit_u64(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<f64, E> {
        i64::try_from(v).map_or_else(|_| Err(too_large(v)), |v| self.visit_i64(v))
    }
}

/// A number field: any float, or a whole number up to ±2^53.
///
/// Read with `deserialize_any`, so a YAML reader hands over the integer it saw (which
/// `deserialize_f64` would round first) and a `.nan` kept as text is refused.
pub(crate) fn exact<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    deserializer.deserialize_any(Exact)
}

struct OptionalExact;

impl<'de> Visitor<'de> for OptionalExact {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        exact(deserializer).map(Some)
    }
}

/// An optional number field (`null` is absent); see [`exact`].
pub(crate) fn exact_opt<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<f64>, D::Error> {
    deserializer.deserialize_option(OptionalExact)
}

#[cfg(test)]
mod tests {
    #[derive(Debug, serde::Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "super::exact")]
        n: f64,
        #[serde(default, deserialize_with = "super::exact_opt")]
        m: Option<f64>,
    }

    #[test]
    fn whole_numbers_beyond_two_to_the_53_are_refused() {
        let ok: Holder = serde_json::from_str(r#"{"n": 9007199254740992, "m": -9007199254740992}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ok.n, 9_007_199_254_740_992.0);
        assert_eq!(ok.m, Some(-9_007_199_254_740_992.0));
        let null: Holder =
            serde_json::from_str(r#"{"n": 1.5, "m": null}"#).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((null.n, null.m), (1.5, None));
        for text in [
            r#"{"n": 9007199254740993}"#,
            r#"{"n": 1, "m": 18446744073709551615}"#,
            r#"{"n": -9007199254740993}"#,
        ] {
            let err = serde_json::from_str::<Holder>(text)
                .map(|_| ())
                .unwrap_err();
            assert!(
                err.to_string().contains("too large to hold exactly"),
                "{err}"
            );
        }
    }
}
