//! The `options` argument (`{format, asOf, config}`), read strictly: an unknown key is an
//! error naming it, so a typo such as `asof` is not silently ignored.

use crate::errors::{JsResult, usage_error, usage_problem};
use crate::source::to_json;
use chrono::NaiveDate;
use js_sys::{Array, Object, Reflect};
use okr_core::Format;
use okr_core::lint::LintConfig;
use okr_core::score::ScoreConfig;
use wasm_bindgen::{JsCast, JsValue};

/// One option an export accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Setting {
    /// `format: "yaml" | "json"`, for text sources.
    Format,
    /// `asOf: "YYYY-MM-DD" | Date`.
    AsOf,
    /// `config`: score bands, same snake_case keys as the Rust `ScoreConfig`.
    ScoreConfig,
    /// `select`: rule codes, prefixes or names to run (a string or an array of them).
    Select,
    /// `ignore`: rule codes, prefixes or names to skip.
    Ignore,
    /// `config`: linter settings, the keys of `okr.toml`'s `[lint]` table.
    LintConfig,
    /// `date: "YYYY-MM-DD" | Date`: the day of a check-in.
    Date,
    /// `confidence`: a number in [0, 1].
    Confidence,
    /// `note`: text.
    Note,
    /// `format: "markdown" | "text" | "html"`: how `explain` writes a rule's documentation.
    DocFormat,
}

impl Setting {
    fn key(self) -> &'static str {
        match self {
            Setting::Format | Setting::DocFormat => "format",
            Setting::AsOf => "asOf",
            Setting::ScoreConfig | Setting::LintConfig => "config",
            Setting::Select => "select",
            Setting::Ignore => "ignore",
            Setting::Date => "date",
            Setting::Confidence => "confidence",
            Setting::Note => "note",
        }
    }
}

/// Options as read; what an export did not accept stays at its default.
#[derive(Debug, Default)]
pub(crate) struct Options {
    pub(crate) format: Option<Format>,
    pub(crate) as_of: Option<NaiveDate>,
    pub(crate) config: ScoreConfig,
    pub(crate) select: Option<Vec<String>>,
    pub(crate) ignore: Vec<String>,
    pub(crate) lint: LintConfig,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) confidence: Option<f64>,
    pub(crate) note: Option<String>,
    pub(crate) doc_format: okr_core::lint::DocFormat,
}

impl Options {
    /// Reads `value` (`undefined`/`null` = all defaults), accepting only `accepted` keys.
    pub(crate) fn read(value: &JsValue, accepted: &[Setting]) -> JsResult<Options> {
        let mut options = Options::default();
        if value.is_undefined() || value.is_null() {
            return Ok(options);
        }
        if !value.is_object() || Array::is_array(value) {
            return Err(usage_error(
                "options",
                "options must be an object, e.g. { asOf: \"2026-08-15\" }",
            ));
        }
        let keys = Object::keys(value.unchecked_ref::<Object>());
        for key in keys.iter() {
            let key = key.as_string().unwrap_or_default();
            if !accepted.iter().any(|setting| setting.key() == key) {
                let known: Vec<&str> = accepted.iter().map(|s| s.key()).collect();
                return Err(usage_error(
                    &format!("options.{key}"),
                    format!("unknown option `{key}`; expected {}", known.join(", ")),
                ));
            }
        }
        for &setting in accepted {
            let path = format!("options.{}", setting.key());
            let field = Reflect::get(value, &JsValue::from_str(setting.key()))
                .map_err(|_| usage_error(&path, "could not read the option"))?;
            if field.is_undefined() || field.is_null() {
                continue;
            }
            match setting {
                Setting::Format => options.format = Some(read_format(&field, &path)?),
                Setting::AsOf => options.as_of = Some(read_date(&field, &path)?),
                Setting::ScoreConfig => options.config = read_config(&field, &path)?,
                Setting::LintConfig => options.lint = read_config(&field, &path)?,
                Setting::Select => options.select = Some(read_codes(&field, &path)?),
                Setting::Ignore => options.ignore = read_codes(&field, &path)?,
                Setting::Date => options.date = Some(read_date(&field, &path)?),
                Setting::Confidence => {
                    options.confidence = Some(
                        field
                            .as_f64()
                            .ok_or_else(|| usage_error(&path, "expected a number from 0 to 1"))?,
                    );
                }
                Setting::DocFormat => {
                    let text = field.as_string().unwrap_or_default();
                    options.doc_format =
                        text.parse()
                            .map_err(|e: okr_core::lint::UnknownDocFormat| {
                                usage_error(&path, e.to_string())
                            })?;
                }
                Setting::Note => {
                    options.note = Some(
                        field
                            .as_string()
                            .ok_or_else(|| usage_error(&path, "expected text"))?,
                    );
                }
            }
        }
        Ok(options)
    }

    /// `asOf`, or today in the local time zone (the binding reads the clock; the core never does).
    pub(crate) fn as_of_or_today(&self) -> JsResult<NaiveDate> {
        or_today(self.as_of, "options.asOf")
    }

    /// `date`, or today in the local time zone.
    pub(crate) fn date_or_today(&self) -> JsResult<NaiveDate> {
        or_today(self.date, "options.date")
    }
}

fn or_today(day: Option<NaiveDate>, path: &str) -> JsResult<NaiveDate> {
    match day {
        Some(date) => Ok(date),
        None => local_date(&js_sys::Date::new_0())
            .ok_or_else(|| usage_error(path, "the clock gives no valid date; pass one")),
    }
}

fn read_format(value: &JsValue, path: &str) -> JsResult<Format> {
    let text = value
        .as_string()
        .ok_or_else(|| usage_error(path, "expected \"yaml\" or \"json\""))?;
    text.parse()
        .map_err(|e: okr_core::format::UnknownFormat| usage_error(path, e.to_string()))
}

fn read_date(value: &JsValue, path: &str) -> JsResult<NaiveDate> {
    if let Some(text) = value.as_string() {
        return okr_core::model::parse_day(&text).map_err(|e| usage_error(path, e.to_string()));
    }
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        return local_date(date).ok_or_else(|| {
            usage_error(
                path,
                "is an invalid Date; pass a valid Date or \"YYYY-MM-DD\"",
            )
        });
    }
    Err(usage_error(
        path,
        "expected a \"YYYY-MM-DD\" string or a Date",
    ))
}

/// A Date's calendar day in the local time zone, as the user's own calendar shows it
/// (`new Date()` is today where the user is). `None` for an invalid Date.
fn local_date(date: &js_sys::Date) -> Option<NaiveDate> {
    if date.get_time().is_nan() {
        return None;
    }
    let year = i32::try_from(date.get_full_year()).ok()?;
    NaiveDate::from_ymd_opt(year, date.get_month() + 1, date.get_date())
}

/// Rule codes: one string, or an array of strings.
fn read_codes(value: &JsValue, path: &str) -> JsResult<Vec<String>> {
    if let Some(code) = value.as_string() {
        return Ok(vec![code]);
    }
    let wrong = || {
        usage_error(
            path,
            "expected a rule code or an array of codes, e.g. [\"OKR101\", \"OKR2\"]",
        )
    };
    if !Array::is_array(value) {
        return Err(wrong());
    }
    Array::from(value)
        .iter()
        .map(|item| item.as_string().ok_or_else(wrong))
        .collect()
}

/// Settings in a Rust config shape (`ScoreConfig`, `LintConfig`), read as JSON like object
/// sources are.
fn read_config<T: serde::de::DeserializeOwned>(value: &JsValue, path: &str) -> JsResult<T> {
    let json = to_json(value, path).map_err(|e| usage_error(path, e.to_string()))?;
    okr_core::format::from_plain_json(&json).map_err(|problem| {
        let path = okr_core::DocPath::parse(path).join(&problem.path);
        usage_problem(okr_core::Problem { path, ..problem })
    })
}
