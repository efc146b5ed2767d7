//! Dates between Python and the core: `as_of` arguments, dates inside `from_dict`
//! documents, and `datetime.date` results.

use chrono::{Datelike, NaiveDate};
use okr_core::model::parse_day;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyType};

static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE.import(py, "datetime", "date")
}

/// The day an `as_of` argument names: `None` is today (local time, as
/// `datetime.date.today()` says), a `datetime.date` is that day, a `datetime.datetime` (or
/// pandas `Timestamp`) is its calendar day, a `numpy.datetime64` is its day, and a string is
/// read as `YYYY-MM-DD`. `NaT` is refused.
pub(crate) fn as_of(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<NaiveDate> {
    let value = match value {
        Some(value) if !value.is_none() => value,
        _ => return to_naive(&date_type(py)?.call_method0("today")?),
    };
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?;
        return parse_day(&text)
            .map_err(|message| PyValueError::new_err(format!("as_of: {message}")));
    }
    // pandas.NaT (a datetime) and numpy's NaT are "no time at all": never equal to themselves.
    if value.ne(value)? {
        return Err(PyValueError::new_err(
            "as_of is NaT (a missing time); pass a real day, or None for today",
        ));
    }
    if value.is_instance(date_type(py)?)? {
        return to_naive(value);
    }
    // numpy.datetime64 (any unit): its text starts with the day, YYYY-MM-DD.
    let class = value.get_type();
    if class.name()?.to_cow()? == "datetime64" && class.module()?.to_cow()? == "numpy" {
        let text = value.str()?.to_cow()?.into_owned();
        return text
            .get(..10)
            .and_then(|day| parse_day(day).ok())
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "as_of: numpy.datetime64 `{text}` does not name a day between years 0 and 9999"
                ))
            });
    }
    let type_name = value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "?".to_owned());
    Err(PyTypeError::new_err(format!(
        "as_of must be a datetime.date, a datetime.datetime, a numpy.datetime64, a YYYY-MM-DD string or None, not {type_name}"
    )))
}

/// The calendar day of a `datetime.date` (or `datetime.datetime`).
fn to_naive(value: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    let year: i32 = value.getattr("year")?.extract()?;
    let month: u32 = value.getattr("month")?.extract()?;
    let day: u32 = value.getattr("day")?.extract()?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        PyValueError::new_err(format!("{year:04}-{month:02}-{day:02} is not a date"))
    })
}

/// A day as a `datetime.date`.
pub(crate) fn to_py(py: Python<'_>, day: NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    date_type(py)?.call1((day.year(), day.month(), day.day()))
}

/// For `from_dict`: a `datetime.date` as `YYYY-MM-DD`, a `datetime.datetime` as its day;
/// `None` when the value is not a date at all.
pub(crate) fn iso_date(value: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    let py = value.py();
    if !value.is_instance(date_type(py)?)? {
        return Ok(None);
    }
    let day = if value.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
        value.call_method0("date")?
    } else {
        value.clone()
    };
    Ok(Some(day.call_method0("isoformat")?.extract()?))
}
