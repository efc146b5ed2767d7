//! Document paths as written in problems and findings: `objectives[3].key_results[1].title`.

/// One step of a path.
pub(crate) enum Segment<'p> {
    Key(&'p str),
    Index(usize),
}

/// Splits a path into its steps: `a.b[2].c` → `a`, `b`, 2, `c`.
pub(crate) fn segments(path: &str) -> impl Iterator<Item = Segment<'_>> {
    path.split('.')
        .filter(|part| !part.is_empty())
        .flat_map(|part| {
            let (key, indexes) = part
                .split_once('[')
                .map_or((part, ""), |(k, rest)| (k, rest));
            let key = (!key.is_empty()).then_some(Segment::Key(key));
            let indexes = indexes
                .split('[')
                .filter_map(|index| index.trim_end_matches(']').parse().ok())
                .map(Segment::Index);
            key.into_iter().chain(indexes)
        })
}
