use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One id or a list of ids, as the author wrote it (`aligns_to: O1` or `aligns_to: [O1, O2]`).
///
/// The written form is kept so that saving reproduces it.
///
/// ```
/// use okr_core::model::Ids;
///
/// let one = Ids::One("O1".into());
/// let many = Ids::Many(vec!["O1".into(), "O2-KR1".into()]);
/// assert_eq!(one.iter().collect::<Vec<_>>(), ["O1"]);
/// assert_eq!(many.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ids {
    /// A single id written as a plain string.
    One(String),
    /// Ids written as a list (possibly of one element).
    Many(Vec<String>),
}

impl From<&str> for Ids {
    fn from(id: &str) -> Self {
        Ids::One(id.to_owned())
    }
}

impl From<String> for Ids {
    fn from(id: String) -> Self {
        Ids::One(id)
    }
}

impl From<Vec<String>> for Ids {
    /// Several ids (one id stays a list: it is written back as one).
    fn from(ids: Vec<String>) -> Self {
        Ids::Many(ids)
    }
}

impl Ids {
    /// The ids in written order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let slice: &[String] = match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(ids) => ids,
        };
        slice.iter().map(String::as_str)
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        match self {
            Ids::One(_) => 1,
            Ids::Many(ids) => ids.len(),
        }
    }

    /// True when the list is written but empty (`aligns_to: []`).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Serialize for Ids {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Ids::One(id) => serializer.serialize_str(id),
            Ids::Many(ids) => ids.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Ids {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdsVisitor;

        impl<'de> Visitor<'de> for IdsVisitor {
            type Value = Ids;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id or a list of ids")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Ids, E> {
                Ok(Ids::One(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Ids, E> {
                Ok(Ids::One(v))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ids, A::Error> {
                let mut ids = Vec::with_capacity(seq.size_hint().unwrap_or(2).min(64));
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(id);
                }
                Ok(Ids::Many(ids))
            }
        }

        deserializer.deserialize_any(IdsVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Ids {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Ids".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One id, or a list of ids.",
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}}
            ]
        })
    }
}
