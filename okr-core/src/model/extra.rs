//! Fields okr does not know, kept in order for lossless round trips.

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

/// Fields an object carries that okr does not know, in their original order.
///
/// They are written back unchanged on save, so teams can keep their own data (links,
/// labels, Jira keys…) next to their OKRs. Empty (the usual case) costs one pointer, which
/// matters when an organisation has hundreds of thousands of check-ins.
///
/// ```
/// use okr_core::model::Extra;
/// use serde_json::json;
///
/// let mut extra = Extra::new();
/// assert!(extra.is_empty());
/// extra.insert("jira".into(), json!("ACME-12"));
/// assert_eq!(extra.get("jira"), Some(&json!("ACME-12")));
/// assert_eq!(extra.iter().count(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extra(Option<Box<Map<String, Value>>>);

impl Extra {
    /// No extra fields.
    pub fn new() -> Self {
        Extra(None)
    }

    /// True when there are no extra fields.
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|map| map.is_empty())
    }

    /// How many extra fields there are.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |map| map.len())
    }

    /// The value of one field.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.as_ref()?.get(key)
    }

    /// Sets a field (kept after the existing ones); returns the previous value.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        self.0
            .get_or_insert_with(Default::default)
            .insert(key, value)
    }

    /// Removes a field, keeping the order of the others.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.0.as_mut()?.shift_remove(key)
    }

    /// The fields in their original order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().flat_map(|map| map.iter())
    }

    /// The fields as a JSON object (a copy).
    pub fn to_map(&self) -> Map<String, Value> {
        self.0.as_deref().cloned().unwrap_or_default()
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Self {
        Extra((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Extra::from(iter.into_iter().collect::<Map<String, Value>>())
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Deepest nesting an unknown field's value may have. JSON itself allows 128 levels, but a
/// document saved as YAML must load back under the YAML limit (64 levels from the root,
/// [`crate::format::LoadOptions::max_depth`]), and the deepest place an unknown field can sit
/// (a check-in) is seven levels down already: 7 + 56 leaves a level to spare.
pub const MAX_EXTRA_DEPTH: usize = 56;

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = Map::deserialize(deserializer)?;
        if let Some((key, _)) = map.iter().find(|(_, v)| nesting(v) > MAX_EXTRA_DEPTH) {
            return Err(serde::de::Error::custom(format_args!(
                "unknown field `{key}` nests more than {MAX_EXTRA_DEPTH} levels deep; okr keeps unknown fields to write them back, and deeper data could not be saved as YAML: flatten it"
            )));
        }
        Ok(Extra::from(map))
    }
}

/// Levels of lists and mappings in a value (a scalar has none), without recursion.
fn nesting(value: &Value) -> usize {
    let mut deepest = 0;
    // Most unknown fields are scalars: no stack to allocate.
    if !(value.is_array() || value.is_object()) {
        return 0;
    }
    let mut pending = vec![(value, 0usize)];
    while let Some((value, depth)) = pending.pop() {
        match value {
            Value::Array(items) => pending.extend(items.iter().map(|item| (item, depth + 1))),
            Value::Object(map) => pending.extend(map.values().map(|item| (item, depth + 1))),
            _ => continue,
        }
        deepest = deepest.max(depth + 1);
    }
    deepest
}
