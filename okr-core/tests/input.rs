//! Reading from streams and plain data: the one front door every binding uses.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use okr_core::format::{
    LoadOptions, ReadError, from_plain_json, load_reader, load_value, read_text,
};
use okr_core::{Error, Format, ProblemKind};
use std::io::Read;

const YAML: &str = "objectives:\n  - id: O1\n    title: Delight new users\n";

#[test]
fn the_name_decides_the_format_before_the_content() {
    assert_eq!(
        Format::detect(Some("a.JSON"), YAML.as_bytes()),
        Format::Json
    );
    assert_eq!(Format::detect(Some("dir.v2/a.yml"), b"{}"), Format::Yaml);
    // No known extension: the first non-blank character decides, after a byte-order mark.
    assert_eq!(
        Format::detect(Some("a.okr"), b"\xEF\xBB\xBF \n\t{}"),
        Format::Json
    );
    assert_eq!(Format::detect(None, YAML.as_bytes()), Format::Yaml);
    // Deep whitespace does not hide the brace (no fixed window).
    let padded = format!("{}{{}}", " ".repeat(10_000));
    assert_eq!(Format::detect(None, padded.as_bytes()), Format::Json);
}

#[test]
fn a_stream_over_the_limit_is_refused_after_limit_plus_one_bytes() {
    /// A stream that counts what is taken from it.
    struct Counting<'a>(&'a [u8], usize);
    impl Read for Counting<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.read(buf)?;
            self.1 += n;
            Ok(n)
        }
    }
    let options = LoadOptions::default().with_max_bytes(10);
    let data = [b'x'; 1000];
    let mut stream = Counting(&data, 0);
    let error = read_text(&mut stream, None, &options).unwrap_err();
    assert!(matches!(
        error,
        ReadError::Document(Error::TooLarge {
            size: 11,
            limit: 10
        })
    ));
    assert_eq!(stream.1, 11);
    // A known length is the size reported.
    let error = read_text(&data[..], Some(1000), &options).unwrap_err();
    assert!(matches!(
        error,
        ReadError::Document(Error::TooLarge {
            size: 1000,
            limit: 10
        })
    ));
    assert_eq!(error.problems()[0].kind, ProblemKind::InputTooLarge);
    // Exactly at the limit is accepted.
    assert_eq!(
        read_text(&data[..10], Some(10), &options).unwrap().len(),
        10
    );
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    // The bad byte is the 4th of line 2: offset = 6 ("a: 1\n" is 5 bytes, then "b" ).
    let bytes = b"a: 1\nb\xFF: 2\n";
    let error = read_text(&bytes[..], None, &LoadOptions::default()).unwrap_err();
    assert!(
        matches!(
            error,
            ReadError::Document(Error::NotUtf8 { offset: 6, line: 2 })
        ),
        "{error:?}"
    );
}

#[test]
fn a_failing_stream_is_an_io_error_with_a_read_error_problem() {
    struct Broken;
    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("pipe closed"))
        }
    }
    let error = load_reader(Broken, None, None, None, &LoadOptions::default()).unwrap_err();
    assert!(matches!(error, ReadError::Io(_)));
    let problems = error.problems();
    assert_eq!(problems[0].kind, ProblemKind::ReadError);
    assert!(problems[0].message.contains("pipe closed"));
}

#[test]
fn load_reader_keeps_the_text_and_the_format_it_chose() {
    let json = okr_core::to_json(&okr_core::from_yaml_str(YAML).unwrap()).unwrap();
    let loaded = load_reader(
        json.as_bytes(),
        None,
        Some("okrs.txt"),
        None,
        &Default::default(),
    )
    .unwrap();
    assert_eq!(
        (loaded.format, loaded.text.as_str()),
        (Format::Json, json.as_str())
    );
    // A given format wins over the name.
    let loaded = load_reader(
        json.as_bytes(),
        None,
        Some("okrs.json"),
        Some(Format::Yaml),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(loaded.format, Format::Yaml);
    assert_eq!(loaded.document.objectives[0].id, "O1");
}

#[test]
fn plain_data_gives_the_problems_of_json_text_without_lines() {
    let text = "{\n\"objectives\": [\n{\"id\": \"O1\", \"title\": \"Grow\", \"owner\": \"ghost\"},\n{\"id\": \"O1\", \"title\": \"Again\"}\n]\n}";
    let by_path = |mut problems: Vec<okr_core::Problem>| {
        problems.sort_by_key(|p| p.path.to_string());
        problems
    };
    let from_text = by_path(okr_core::from_json_str(text).unwrap_err().problems());
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let from_value = by_path(
        load_value(&value, &LoadOptions::default())
            .unwrap_err()
            .problems(),
    );
    assert_eq!((from_text.len(), from_value.len()), (2, 2));
    assert!(from_text.iter().all(|p| p.line.is_some()));
    for (t, v) in from_text.iter().zip(&from_value) {
        assert_eq!((t.kind, &t.path, &t.message), (v.kind, &v.path, &v.message));
        assert_eq!(v.line, None);
    }
}

#[test]
fn settings_from_plain_data_name_their_path_and_kind() {
    use okr_core::score::ScoreConfig;
    let problem =
        from_plain_json::<ScoreConfig>(r#"{"pace": {"at_risk_gap": "-.inf"}}"#).unwrap_err();
    assert_eq!(
        (problem.kind, problem.path.to_string().as_str()),
        (ProblemKind::NotFinite, "pace.at_risk_gap")
    );
    assert_eq!(problem.line, None);
    let problem =
        from_plain_json::<ScoreConfig>(r#"{"pace": {"at_risk_gap": "wide"}}"#).unwrap_err();
    assert_eq!(problem.kind, ProblemKind::WrongType);
    assert!(from_plain_json::<ScoreConfig>("{}").is_ok());
}
