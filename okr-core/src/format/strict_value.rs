//! The generic value a YAML document is first read into, built strictly: two keys of one
//! mapping that read as the same text (`1:` and `"1":`) are an error, where
//! `serde_json::Value` would keep the last one and silently drop the other. Each node's
//! place in the input is noted on the way ([`NodeLines`]).

use super::value_lines::{NodeLines, address};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// A `serde_json::Value` read without losing data, with where its nodes were written.
pub(super) struct StrictValue(pub(super) Value, pub(super) NodeLines);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(Strict)
            .map(|(value, lines)| StrictValue(value, lines))
    }
}

/// A mapping key, lent by the input when the parser can (then its address is its place).
struct Key<'de> {
    text: std::borrow::Cow<'de, str>,
    at: usize,
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key {
                    text: v.into(),
                    at: address(v),
                })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key {
                    text: v.to_owned().into(),
                    at: 0,
                })
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key {
                    text: v.into(),
                    at: 0,
                })
            }
        }
        deserializer.deserialize_string(KeyVisitor)
    }
}

struct Strict;

/// A leaf: no children, place unknown.
fn leaf(value: Value) -> (Value, NodeLines) {
    (value, NodeLines::default())
}

impl<'de> Visitor<'de> for Strict {
    type Value = (Value, NodeLines);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(leaf(Value::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(leaf(Value::Number(v.into())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(leaf(Value::Number(v.into())))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        i64::try_from(v)
            .map(|v| leaf(Value::Number(v.into())))
            .map_err(|_| beyond_64_bits(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        u64::try_from(v)
            .map(|v| leaf(Value::Number(v.into())))
            .map_err(|_| beyond_64_bits(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(leaf(Number::from_f64(v).map_or(Value::Null, Value::Number)))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        let lines = NodeLines {
            at: address(v),
            kids: Vec::new(),
        };
        Ok((Value::String(v.to_owned()), lines))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(leaf(Value::String(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(leaf(Value::String(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(leaf(Value::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(leaf(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(Strict)
    }

    /// An item's place is its own (a scalar's text, a mapping's first key).
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let capacity = seq.size_hint().unwrap_or(0).min(1024);
        let mut items = Vec::with_capacity(capacity);
        let mut kids = Vec::with_capacity(capacity);
        while let Some(StrictValue(item, lines)) = seq.next_element()? {
            items.push(item);
            kids.push(lines);
        }
        let at = kids.first().map_or(0, |first| first.at);
        Ok((Value::Array(items), NodeLines { at, kids }))
    }

    /// An entry's place is its key's, as a reader looking for `owner:` expects.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = Map::new();
        let mut kids = Vec::new();
        while let Some(Key { text: key, at }) = map.next_key()? {
            if object.contains_key(key.as_ref()) {
                return Err(de::Error::custom(format_args!(
                    "duplicate mapping key: {key}, read twice as the same text (once as a number or boolean and once quoted?)"
                )));
            }
            let StrictValue(value, mut lines) = map.next_value()?;
            if at != 0 {
                lines.at = at;
            }
            object.insert(key.into_owned(), value);
            kids.push(lines);
        }
        let at = kids.first().map_or(0, |first| first.at);
        Ok((Value::Object(object), NodeLines { at, kids }))
    }
}

fn beyond_64_bits<E: de::Error>(v: impl fmt::Display) -> E {
    E::custom(format_args!(
        "{v} is a whole number too large to keep exactly; write it with fewer digits, or quote it to keep it as text"
    ))
}
