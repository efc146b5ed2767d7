//! [`EditableDocument`]: a document and its text, changed together by splices.

use super::spans::Step;
use super::{
    EditError, check_check_in, find_key_result, nearest_key_result, render, splice, wrong_measure,
};
use crate::error::Error;
use crate::format::{Format, LoadOptions};
use crate::model::{CheckIn, Document};

/// An OKR document together with the text it was read from; edits change both.
#[derive(Debug, Clone)]
pub struct EditableDocument {
    // Visible to the other edits (`next_cycle`), which change the same text.
    pub(super) text: String,
    /// Every line of the text ends in CRLF: edits are spliced into an LF copy and the new
    /// lines get CRLF too, so the file keeps one line ending.
    pub(super) crlf: bool,
    pub(super) format: Format,
    pub(super) options: LoadOptions,
    pub(super) document: Document,
}

impl EditableDocument {
    /// Reads `text` (it must load and validate, as [`crate::format::load_str`] requires).
    pub fn parse(
        text: impl Into<String>,
        format: Format,
        options: &LoadOptions,
    ) -> Result<Self, Error> {
        let text = text.into();
        let document = crate::format::load_str(&text, format, options)?;
        let crlf =
            text.contains("\r\n") && text.matches('\n').count() == text.matches("\r\n").count();
        Ok(EditableDocument {
            text,
            crlf,
            format,
            options: options.clone(),
            document,
        })
    }

    /// The typed document, as the current text reads.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The current text: the original bytes with the edits spliced in.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text, to save.
    pub fn into_text(self) -> String {
        self.text
    }

    /// The format of the text.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Adds a check-in to the key result `key_result_id`, in date order (after any check-in
    /// of the same day), written in the style of the key result's other check-ins.
    pub fn add_check_in(
        &mut self,
        key_result_id: &str,
        check_in: CheckIn,
    ) -> Result<(), EditError> {
        self.add_check_ins([(key_result_id, check_in)])
            .map_err(|mut errors| errors.swap_remove(0).1)
    }

    /// Adds several check-ins, all or nothing. On failure, every refused item is returned
    /// with its position in `items`, and the document is unchanged.
    pub fn add_check_ins<'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a str, CheckIn)>,
    ) -> Result<(), Vec<(usize, EditError)>> {
        let mut text = self.working_text();
        let mut document = self.document.clone();
        let mut errors = Vec::new();
        for (index, (id, check_in)) in items.into_iter().enumerate() {
            if let Err(error) = add_one(&mut text, &mut document, self.format, id, check_in) {
                errors.push((index, error));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.commit(text, document)
            .map_err(|error| vec![(0, error)])
    }

    /// Marks a binary key result done or not done, or, with `milestone`, the milestone of
    /// that title.
    pub fn set_done(
        &mut self,
        key_result_id: &str,
        milestone: Option<&str>,
        done: bool,
    ) -> Result<(), EditError> {
        let (objective, key_result) = self.find(key_result_id)?;
        let mut document = self.document.clone();
        let kr = &mut document.objectives[objective].key_results[key_result];
        let mut path = kr_path(objective, key_result);
        match (milestone, kr.binary.as_mut(), kr.milestones.as_mut()) {
            (None, Some(binary), _) => {
                binary.done = done;
                path.push(Step::Key("binary"));
            }
            (Some(title), _, Some(milestones)) => {
                let Some(index) = milestones.iter().position(|m| m.title == title) else {
                    let titles: Vec<&str> = milestones.iter().map(|m| m.title.as_str()).collect();
                    return Err(wrong_measure(
                        key_result_id,
                        &format!(
                            "it has no milestone titled `{title}`; its milestones are: {}",
                            titles.join("; ")
                        ),
                    ));
                };
                milestones[index].done = done;
                path.extend([Step::Key("milestones"), Step::Index(index)]);
            }
            (None, None, Some(_)) => {
                return Err(wrong_measure(
                    key_result_id,
                    "it is measured by milestones; name the milestone that is done",
                ));
            }
            (Some(_), _, None) => return Err(wrong_measure(key_result_id, "it has no milestones")),
            (None, None, None) => {
                return Err(wrong_measure(
                    key_result_id,
                    "only binary key results and milestones are done or not done; check in a value instead",
                ));
            }
        }
        let mut text = self.working_text();
        splice::set_field(
            &mut text,
            self.format,
            &path,
            "done",
            if done { "true" } else { "false" },
        )?;
        self.commit(text, document)
    }

    /// Moves a metric key result's target (the spelling of every other number is kept).
    pub fn set_target(&mut self, key_result_id: &str, target: f64) -> Result<(), EditError> {
        if !target.is_finite() {
            return Err(EditError::BadNumber {
                field: "target",
                message: format!("{target} is not a finite number"),
            });
        }
        let (objective, key_result) = self.find(key_result_id)?;
        let mut document = self.document.clone();
        let Some(metric) = document.objectives[objective].key_results[key_result]
            .metric
            .as_mut()
        else {
            return Err(wrong_measure(
                key_result_id,
                "it has no `metric:` with a target",
            ));
        };
        metric.target = target;
        let mut path = kr_path(objective, key_result);
        path.push(Step::Key("metric"));
        let mut text = self.working_text();
        splice::set_field(
            &mut text,
            self.format,
            &path,
            "target",
            &render::number(target),
        )?;
        self.commit(text, document)
    }

    pub(super) fn find(&self, id: &str) -> Result<(usize, usize), EditError> {
        find_key_result(&self.document, id).ok_or_else(|| EditError::UnknownKeyResult {
            id: id.to_owned(),
            suggestion: nearest_key_result(&self.document, id),
        })
    }

    /// The text edits are spliced into: the text itself, or its LF copy for a CRLF file.
    pub(super) fn working_text(&self) -> String {
        if self.crlf {
            self.text.replace("\r\n", "\n")
        } else {
            self.text.clone()
        }
    }

    /// Accepts the edited text only when it reads back as exactly the edited document.
    pub(super) fn commit(&mut self, text: String, expected: Document) -> Result<(), EditError> {
        let text = if self.crlf {
            text.replace('\n', "\r\n")
        } else {
            text
        };
        let reread = crate::format::load_str(&text, self.format, &self.options)
            .map_err(EditError::Invalid)?;
        if reread != expected {
            return Err(EditError::Layout {
                message: "okr could not write this change without altering other data; nothing was changed (please report the file's layout)".to_owned(),
            });
        }
        self.text = text;
        self.document = reread;
        Ok(())
    }
}

/// Adds one check-in to the model and splices it into the text.
fn add_one(
    text: &mut String,
    document: &mut Document,
    format: Format,
    id: &str,
    check_in: CheckIn,
) -> Result<(), EditError> {
    check_check_in(document, id, &check_in)?;
    let Some((objective, key_result)) = find_key_result(document, id) else {
        return Err(EditError::Layout {
            message: format!("the key result `{id}` was not found"),
        });
    };
    let kr = &mut document.objectives[objective].key_results[key_result];
    let position = kr
        .check_ins
        .iter()
        .rposition(|c| c.date <= check_in.date)
        .map_or(0, |i| i + 1);
    let path = kr_path(objective, key_result);
    let item = render::to_value(&check_in);
    splice::insert_item(text, format, &path, "check_ins", Some(position), &item)?;
    kr.check_ins.insert(position, check_in);
    Ok(())
}

fn kr_path(objective: usize, key_result: usize) -> Vec<Step<'static>> {
    vec![
        Step::Key("objectives"),
        Step::Index(objective),
        Step::Key("key_results"),
        Step::Index(key_result),
    ]
}
