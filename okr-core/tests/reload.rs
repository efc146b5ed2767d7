//! `format::Reloader` answers every version of a text exactly as a fresh load does, whatever
//! the edits between versions: the reuse it does is invisible but for the time.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use okr_core::format::{Format, LoadOptions, Reloader, load_str};
use proptest::prelude::*;

/// The bundled example as one-line JSON (as `JSON.stringify` writes it) or pretty JSON.
fn example_json(pretty: bool) -> String {
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/acme.yaml"
    ))
    .unwrap();
    let document = okr_core::from_yaml_str(&yaml).unwrap();
    if pretty {
        okr_core::to_json(&document).unwrap()
    } else {
        serde_json::to_string(&document).unwrap()
    }
}

/// Loads `text` both ways and insists on the same answer.
fn agree(reloader: &mut Reloader, text: &str, format: Format, options: &LoadOptions) {
    let fresh = load_str(text, format, options);
    let reused = reloader.load_str(text, format, options).cloned();
    assert_eq!(reused, fresh, "for the text:\n{text}");
}

/// One edit somewhere in a text: the position is a fraction of its length.
#[derive(Debug, Clone)]
enum Edit {
    Insert(f64, char),
    Delete(f64, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let chars = prop::sample::select(vec![
        'a', 'Z', ' ', '"', ',', ':', '{', '}', '[', ']', '1', '0', '.', '-', '\\', 'é', '\n',
    ]);
    prop_oneof![
        3 => (0.0f64..1.0, chars).prop_map(|(at, c)| Edit::Insert(at, c)),
        1 => (0.0f64..1.0, 1usize..4).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

/// The nearest character boundary at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn apply(text: &mut String, edit: &Edit) {
    let at = |fraction: f64| boundary(text, (fraction * text.len() as f64) as usize);
    match *edit {
        Edit::Insert(fraction, c) => {
            let at = at(fraction);
            text.insert(at, c);
        }
        Edit::Delete(fraction, n) => {
            let start = at(fraction);
            let end = boundary(text, start + n).max(start);
            text.replace_range(start..end, "");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Edits anywhere (most land inside objectives, many break the JSON, some break only
    /// a rule such as a duplicate id): every version agrees with a fresh load.
    #[test]
    fn every_version_loads_as_a_fresh_load_would(
        pretty in any::<bool>(),
        edits in prop::collection::vec(edit(), 1..40),
    ) {
        let options = LoadOptions::default();
        let mut text = example_json(pretty);
        let mut reloader = Reloader::new();
        agree(&mut reloader, &text, Format::Json, &options);
        for edit in &edits {
            apply(&mut text, edit);
            agree(&mut reloader, &text, Format::Json, &options);
        }
    }
}

#[test]
fn typing_in_titles_and_values_gives_the_edited_document() {
    let options = LoadOptions::default();
    let mut reloader = Reloader::new();
    let mut text = example_json(false);
    agree(&mut reloader, &text, Format::Json, &options);
    // Type a word into every title, one character per version.
    let mut from = 0;
    while let Some(found) = text[from..].find("\"title\":\"") {
        let at = from + found + "\"title\":\"".len();
        for (i, c) in "Xé ".chars().enumerate() {
            let at = at + "Xé ".chars().take(i).map(char::len_utf8).sum::<usize>();
            text.insert(at, c);
            agree(&mut reloader, &text, Format::Json, &options);
        }
        from = at;
    }
    assert!(
        reloader
            .document()
            .unwrap()
            .objectives
            .iter()
            .all(|o| o.title.starts_with("Xé "))
    );
}

#[test]
fn an_edit_that_breaks_a_rule_reports_it_and_the_next_good_version_loads() {
    let options = LoadOptions::default();
    let mut reloader = Reloader::new();
    let text = example_json(false);
    agree(&mut reloader, &text, Format::Json, &options);
    let document = okr_core::from_json_str(&text).unwrap();
    let (first, second) = (&document.objectives[0].id, &document.objectives[1].id);
    // The second objective takes the first one's id: a duplicate, found by validation.
    let duplicate = text.replacen(
        &format!("\"id\":\"{second}\""),
        &format!("\"id\":\"{first}\""),
        1,
    );
    assert_ne!(duplicate, text);
    let error = reloader
        .load_str(&duplicate, Format::Json, &options)
        .unwrap_err();
    assert!(
        error.to_string().contains("duplicate")
            || error
                .problems()
                .iter()
                .any(|p| p.message.contains("duplicate id"))
    );
    agree(&mut reloader, &duplicate, Format::Json, &options);
    agree(&mut reloader, &text, Format::Json, &options);
}

#[test]
fn yaml_options_and_byte_order_marks_take_the_same_path_as_a_fresh_load() {
    let mut reloader = Reloader::new();
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/acme.yaml"
    ))
    .unwrap();
    let strict = LoadOptions::default();
    let lax = LoadOptions::default().with_validation(false);
    let json = example_json(true);
    let with_mark = format!("\u{feff}{json}");
    let retitled = with_mark.replacen("\"title\": \"", "\"title\": \"New ", 1);
    for (text, format, options) in [
        (yaml.as_str(), Format::Yaml, &strict),
        (yaml.as_str(), Format::Yaml, &strict),
        (json.as_str(), Format::Json, &strict),
        (json.as_str(), Format::Json, &lax),
        (with_mark.as_str(), Format::Json, &lax),
        (retitled.as_str(), Format::Json, &lax),
        (
            retitled.as_str(),
            Format::Json,
            &strict.clone().with_max_bytes(100),
        ),
        (yaml.as_str(), Format::Json, &strict),
        (retitled.as_str(), Format::Json, &strict),
    ] {
        agree(&mut reloader, text, format, options);
    }
}
