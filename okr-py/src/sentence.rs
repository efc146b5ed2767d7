//! `okr.parse_key_result`: the core's key-result sentence reader.

use pyo3::prelude::*;

use crate::convert;

/// Reads a key-result sentence ("Cut p95 latency from 800 ms to 200 ms by end of Q3") into
/// a dict: direction, verb, metric, baseline, target, unit, change, bound, deadline and
/// has_number. Never fails on text; what it cannot read is None.
#[pyfunction]
pub(crate) fn parse_key_result<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let owned = text.to_owned();
    let parsed = py.detach(move || okr_core::parse_key_result(&owned));
    convert::to_py(py, &parsed)
}
