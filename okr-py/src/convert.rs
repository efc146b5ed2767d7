//! Python values ↔ JSON values.
//!
//! `from_dict` walks a Python mapping into a `serde_json::Value` (and from there through the
//! core's JSON reader, so a dict is checked exactly like a file); `to_dict` and the report
//! shapes go the other way.

use okr_core::DocPath;
use okr_core::{Problem, ProblemKind};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PySequence, PyString, PyTuple,
};
use serde_json::{Map, Number, Value};

use crate::dates;
use crate::errors;

/// Deepest nesting accepted from Python, as for JSON files (it also stops self-referencing
/// lists and dicts).
const MAX_DEPTH: usize = 128;

/// Converts a Python document (a mapping of str keys to JSON-like values, `datetime.date`
/// allowed) into a JSON value.
///
/// Values of other types raise `TypeError` naming their path. NaN and infinities (which
/// JSON cannot hold, and which `df.to_dict()` produces for missing values) raise
/// `ValidationError` listing every one of them.
pub(crate) fn py_to_json(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    let mut walker = Walker {
        path: DocPath::root(),
        problems: Vec::new(),
    };
    let json = walker.value(value, 0)?;
    if walker.problems.is_empty() {
        Ok(json)
    } else {
        Err(errors::validation_error(value.py(), &walker.problems))
    }
}

struct Walker {
    /// Where the walk is, in the core's notation (`objectives[0].key_results[1].title`).
    path: DocPath,
    /// Numbers JSON cannot hold, found so far.
    problems: Vec<Problem>,
}

impl Walker {
    fn value(&mut self, value: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
        let py = value.py();
        if depth > MAX_DEPTH {
            let message = format!(
                "nested deeper than {MAX_DEPTH} levels (or a list or dict that contains itself); write the data out plainly"
            );
            let problem = self.problem(ProblemKind::TooDeep, message);
            return Err(errors::validation_error(py, &[problem]));
        }
        if value.is_none() {
            return Ok(Value::Null);
        }
        if let Ok(flag) = value.cast::<PyBool>() {
            return Ok(Value::Bool(flag.is_true()));
        }
        if let Ok(text) = value.cast::<PyString>() {
            return Ok(Value::String(text.to_cow()?.into_owned()));
        }
        if let Ok(int) = value.cast::<PyInt>() {
            return self.integer(int.as_any());
        }
        if let Ok(float) = value.cast::<PyFloat>() {
            return Ok(self.float(float.value()));
        }
        if let Some(date) = dates::iso_date(value)? {
            return Ok(Value::String(date));
        }
        if let Ok(dict) = value.cast::<PyDict>() {
            return self.mapping(dict.items().iter(), depth);
        }
        if let Ok(list) = value.cast::<PyList>() {
            return self.sequence(list.iter(), depth);
        }
        if let Ok(tuple) = value.cast::<PyTuple>() {
            return self.sequence(tuple.iter(), depth);
        }
        if let Ok(mapping) = value.cast::<PyMapping>() {
            return self.mapping(mapping.items()?.iter(), depth);
        }
        // Numbers from other libraries (NumPy scalars, Decimal…) by their protocols.
        if value.hasattr("__index__")? {
            return self.integer(value);
        }
        if value.hasattr("__float__")? && !value.is_instance_of::<PySequence>() {
            return Ok(self.float(value.extract::<f64>()?));
        }
        Err(self.type_error(
            value,
            "str, int, float, bool, None, datetime.date, list or dict",
        ))
    }

    fn mapping<'py>(
        &mut self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
        depth: usize,
    ) -> PyResult<Value> {
        let mut map = Map::new();
        for item in items {
            let (key, value): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
            let Ok(key) = key.cast::<PyString>() else {
                return Err(self.type_error(&key, "str keys"));
            };
            let key = key.to_cow()?.into_owned();
            self.path.push_key(key.clone());
            let converted = self.value(&value, depth + 1)?;
            self.path.pop();
            map.insert(key, converted);
        }
        Ok(Value::Object(map))
    }

    fn sequence<'py>(
        &mut self,
        items: impl Iterator<Item = Bound<'py, PyAny>>,
        depth: usize,
    ) -> PyResult<Value> {
        let mut list = Vec::new();
        for (index, item) in items.enumerate() {
            self.path.push_index(index);
            list.push(self.value(&item, depth + 1)?);
            self.path.pop();
        }
        Ok(Value::Array(list))
    }

    /// A Python integer (or an object with `__index__`) as a JSON number; integers beyond
    /// 64 bits become floats, as JSON readers do, and beyond a float's range are refused.
    fn integer(&mut self, value: &Bound<'_, PyAny>) -> PyResult<Value> {
        if let Ok(int) = value.extract::<i64>() {
            return Ok(Value::Number(int.into()));
        }
        if let Ok(int) = value.extract::<u64>() {
            return Ok(Value::Number(int.into()));
        }
        match value.call_method0("__index__")?.extract::<f64>() {
            Ok(float) => Ok(self.float(float)),
            Err(_) => Ok(self.float(f64::INFINITY)),
        }
    }

    /// A float as a JSON number; NaN and infinities are recorded as problems (and stand
    /// as null until the walk ends).
    fn float(&mut self, float: f64) -> Value {
        match Number::from_f64(float) {
            Some(number) => Value::Number(number),
            None => {
                let problem = self.problem(
                    ProblemKind::NotFinite,
                    "not a finite number (NaN, infinity or an integer too large for a float); write a plain number such as 42 or 0.5, or None for a missing value".to_owned(),
                );
                self.problems.push(problem);
                Value::Null
            }
        }
    }

    fn problem(&self, kind: ProblemKind, message: String) -> Problem {
        Problem {
            kind,
            path: self.path.clone(),
            id: None,
            line: None,
            message,
        }
    }

    fn type_error(&self, value: &Bound<'_, PyAny>, expected: &str) -> PyErr {
        let type_name = value
            .get_type()
            .name()
            .map(|name| name.to_string())
            .unwrap_or_else(|_| "?".to_owned());
        let place = if self.path.is_empty() {
            "the document".to_owned()
        } else {
            format!("`{}`", self.path)
        };
        PyTypeError::new_err(format!(
            "{place}: cannot use a value of type {type_name}; expected {expected}"
        ))
    }
}

/// A JSON value as the plain Python value (dict, list, str, int, float, bool, None).
pub(crate) fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => {
            if let Some(int) = number.as_i64() {
                int.into_pyobject(py)?.into_any()
            } else if let Some(int) = number.as_u64() {
                int.into_pyobject(py)?.into_any()
            } else {
                number
                    .as_f64()
                    .unwrap_or(f64::NAN)
                    .into_pyobject(py)?
                    .into_any()
            }
        }
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => json_map_to_py(py, map)?.into_any(),
    })
}

/// A JSON object as a Python dict, in the object's order.
pub(crate) fn json_map_to_py<'py>(
    py: Python<'py>,
    map: &Map<String, Value>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (key, item) in map {
        dict.set_item(key, json_to_py(py, item)?)?;
    }
    Ok(dict)
}

/// Any serialisable core value (a report, a parsed sentence…) as plain Python values.
pub(crate) fn to_py<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value)
        .map_err(|e| errors::okr_error(py, &format!("could not convert the result: {e}")))?;
    json_to_py(py, &json)
}
