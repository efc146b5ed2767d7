//! Splicing new bytes into the text at the spans the parser reports: a new list item, a new
//! key, a replaced scalar. Each function changes only the bytes it inserts or replaces.

use super::EditError;
use super::render::{self, Layout};
use super::spans::{self, Located, Shape, Step};
use crate::format::Format;
use serde_json::Value;

/// Sets `key` of the mapping at `path` to the scalar `value` (written as given): replaces
/// the old value's bytes, or adds the entry after the mapping's last one.
pub(super) fn set_field(
    text: &mut String,
    format: Format,
    path: &[Step<'_>],
    key: &str,
    value: &str,
) -> Result<(), EditError> {
    let mapping = spans::locate(text, path)
        .ok_or_else(|| layout_error("the field's mapping was not found in the text"))?;
    if let Some(entry) = mapping
        .children
        .iter()
        .find(|c| c.key.as_deref() == Some(key))
    {
        if entry.node.shape != Shape::Scalar {
            return Err(layout_error(format!("`{key}` is not a single value")));
        }
        text.replace_range(entry.node.start..entry.node.end, value);
        return Ok(());
    }
    let last = mapping
        .children
        .last()
        .ok_or_else(|| layout_error("an empty mapping"))?;
    let key = match format {
        Format::Yaml => key.to_owned(),
        Format::Json => format!("\"{key}\""),
    };
    match mapping.node.shape {
        Shape::Mapping { flow: false } => {
            let at = line_end(text, last.node.end);
            text.insert_str(
                at,
                &format!("\n{}{key}: {value}", " ".repeat(last.key_column)),
            );
        }
        Shape::Mapping { flow: true }
            if text[mapping.node.start..last.key_start].contains('\n') =>
        {
            let indent = text[line_start(text, last.key_start)..last.key_start].to_owned();
            text.insert_str(last.node.end, &format!(",\n{indent}{key}: {value}"));
        }
        Shape::Mapping { flow: true } => {
            text.insert_str(last.node.end, &format!(", {key}: {value}"))
        }
        _ => return Err(layout_error("not a mapping")),
    }
    Ok(())
}

fn layout_error(message: impl Into<String>) -> EditError {
    EditError::Layout {
        message: message.into(),
    }
}

/// Inserts `value` as item `position` (the end when `None`) of the list under `key` in the
/// mapping at `path`, creating the key when the mapping has none.
pub(super) fn insert_item(
    text: &mut String,
    format: Format,
    path: &[Step<'_>],
    key: &str,
    position: Option<usize>,
    value: &Value,
) -> Result<(), EditError> {
    let mapping = spans::locate(text, path).ok_or_else(|| {
        layout_error(format!(
            "the mapping holding `{key}` was not found in the text"
        ))
    })?;
    let Some(list) = mapping
        .children
        .iter()
        .find(|c| c.key.as_deref() == Some(key))
    else {
        return add_list_key(text, format, &mapping, key, value);
    };
    let mut list_path = path.to_vec();
    list_path.push(Step::Key(key));
    let items = spans::locate(text, &list_path)
        .ok_or_else(|| layout_error(format!("`{key}` was not found in the text")))?;
    let position = position
        .unwrap_or(items.children.len())
        .min(items.children.len());
    match list.node.shape {
        Shape::Sequence { flow: false } => insert_block_item(text, format, &items, position, value),
        Shape::Sequence { flow: true } => insert_flow_item(text, format, &items, position, value),
        _ => Err(layout_error(format!(
            "`{key}:` is not followed by a list; write `{key}: []` and try again"
        ))),
    }
}

/// True for values people write as a block (a mapping holding a list of mappings, like an
/// objective and its key results); smaller ones go on one line.
fn wants_block(value: &Value) -> bool {
    value.as_object().is_some_and(|map| {
        map.values().any(|v| {
            v.as_array()
                .is_some_and(|items| items.iter().any(Value::is_object))
        })
    })
}

/// Start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// End of the line holding byte `at` (its newline, or the end of the text).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// A new item of a block list (`- …` lines), in the layout of its neighbour.
fn insert_block_item(
    text: &mut String,
    format: Format,
    items: &Located,
    position: usize,
    value: &Value,
) -> Result<(), EditError> {
    let neighbour = items
        .children
        .get(position.saturating_sub(1))
        .or(items.children.first())
        .ok_or_else(|| layout_error("an empty block list"))?;
    let start = neighbour.node.start;
    let marker = &text[line_start(text, start)..start];
    // The neighbour's own line prefix (`          - `), so the new line lines up with it.
    if !marker.trim_start().starts_with('-')
        || marker.trim_start().trim_start_matches('-').trim() != ""
    {
        return Err(layout_error("the list is not one item per line"));
    }
    let layout = match neighbour.node.shape {
        Shape::Mapping { flow: false } => Layout::Block {
            column: neighbour.node.column,
        },
        _ => Layout::Inline,
    };
    let item = format!("{marker}{}", render::item(value, format, layout));
    // Items set apart by blank lines get one too.
    let count = items.children.len();
    let spaced = count >= 2 && {
        let (previous, last) = (&items.children[count - 2], &items.children[count - 1]);
        text[previous.node.end..line_start(text, last.node.start)]
            .matches('\n')
            .count()
            > 1
    };
    let gap = if spaced { "\n" } else { "" };
    if position < count {
        let at = line_start(text, items.children[position].node.start);
        text.insert_str(at, &format!("{item}\n{gap}"));
    } else {
        let at = line_end(text, items.children[count - 1].node.end);
        text.insert_str(at, &format!("\n{gap}{item}"));
    }
    Ok(())
}

/// A new item of a flow list (`[…]`, YAML or JSON): on one line with the others, or on a
/// line of its own when they each have one.
fn insert_flow_item(
    text: &mut String,
    format: Format,
    items: &Located,
    position: usize,
    value: &Value,
) -> Result<(), EditError> {
    let list = &items.node;
    let Some(last) = items.children.last() else {
        let item = render::item(value, format, Layout::Inline);
        text.replace_range(list.start..list.end, &format!("[{item}]"));
        return Ok(());
    };
    let one_per_line = text[list.start..last.node.start].contains('\n');
    let neighbour = &items.children[position.min(items.children.len() - 1)];
    let multiline_items = text[neighbour.node.start..neighbour.node.end].contains('\n');
    let layout = match (format, multiline_items) {
        (Format::Json, true) => Layout::Lines {
            column: neighbour.node.column,
        },
        _ => Layout::Inline,
    };
    let item = render::item(value, format, layout);
    let separator = if one_per_line {
        format!(
            ",\n{}",
            &text[line_start(text, neighbour.node.start)..neighbour.node.start]
        )
    } else {
        ", ".to_owned()
    };
    if position < items.children.len() {
        text.insert_str(
            items.children[position].node.start,
            &format!("{item}{separator}"),
        );
    } else {
        text.insert_str(last.node.end, &format!("{separator}{item}"));
    }
    Ok(())
}

/// A mapping without `key` gets it, holding a one-item list, after its last entry.
fn add_list_key(
    text: &mut String,
    format: Format,
    mapping: &Located,
    key: &str,
    value: &Value,
) -> Result<(), EditError> {
    let Some(last) = mapping.children.last() else {
        return Err(layout_error("an empty mapping"));
    };
    let name = match format {
        Format::Yaml => key.to_owned(),
        Format::Json => format!("\"{key}\""),
    };
    match mapping.node.shape {
        Shape::Mapping { flow: false } => {
            let indent = " ".repeat(last.key_column);
            let layout = if wants_block(value) {
                Layout::Block {
                    column: last.key_column + 4,
                }
            } else {
                Layout::Inline
            };
            let item = render::item(value, format, layout);
            let at = line_end(text, last.node.end);
            text.insert_str(at, &format!("\n{indent}{name}:\n{indent}  - {item}"));
            Ok(())
        }
        Shape::Mapping { flow: true } => {
            let one_per_line = text[mapping.node.start..last.key_start].contains('\n');
            let item = render::item(value, format, Layout::Inline);
            let addition = if one_per_line {
                let indent = &text[line_start(text, last.key_start)..last.key_start];
                format!(",\n{indent}{name}: [{item}]")
            } else {
                format!(", {name}: [{item}]")
            };
            text.insert_str(last.node.end, &addition);
            Ok(())
        }
        _ => Err(layout_error("not a mapping")),
    }
}
