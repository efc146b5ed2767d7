//! The words of titles, split once and shared by every text rule (in one arena for a
//! whole organisation), and the similarity of two titles. The word lists are in
//! `crate::vocabulary`.

use crate::vocabulary::STOPWORDS;
use std::hash::{BuildHasher as _, Hash as _, Hasher as _};

/// The lowercase words of a title, split once and shared by every text rule: a view into
/// an [`OwnedWords`] or a [`WordsArena`].
///
/// Words are letters and digits, with hyphens and apostrophes inside them and `#`, `%`, `$`
/// kept. They live in one string (word `i` is `text[spans[i - 1]..spans[i]]`), so a title
/// costs no allocation per word. The content words (what similarity compares) are found
/// once too: after the word ends, `spans` holds one entry per content word, its word index
/// and whether it lost a plural `s`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words<'a> {
    text: &'a str,
    spans: &'a [u32],
    /// How many words (the first `count` spans are their ends).
    count: usize,
}

impl<'a> Words<'a> {
    fn ends(self) -> &'a [u32] {
        self.spans.get(..self.count).unwrap_or_default()
    }

    pub(crate) fn len(self) -> usize {
        self.count
    }

    pub(crate) fn is_empty(self) -> bool {
        self.count == 0
    }

    pub(crate) fn get(self, index: usize) -> Option<&'a str> {
        // Past the word ends, `spans` holds content entries, not ends.
        word(self.text, self.ends(), index)
    }

    pub(crate) fn first(self) -> Option<&'a str> {
        self.get(0)
    }

    pub(crate) fn iter(self) -> impl Iterator<Item = &'a str> + Clone {
        (0..self.len()).filter_map(move |i| self.get(i))
    }

    /// True when any word is in `list`.
    pub(crate) fn has_any(self, list: &[&str]) -> bool {
        self.iter().any(|w| list.contains(&w))
    }

    /// True when the words contain `phrase` as consecutive words.
    pub(crate) fn has_phrase(self, phrase: &[&str]) -> bool {
        !phrase.is_empty()
            && (0..self.len()).any(|start| {
                phrase
                    .iter()
                    .enumerate()
                    .all(|(offset, want)| self.get(start + offset) == Some(want))
            })
    }

    /// Content words with a light stem (plural `s` dropped), sorted and without repeats:
    /// what similarity compares.
    pub(crate) fn content(self) -> impl ExactSizeIterator<Item = &'a str> + Clone {
        let (text, ends) = (self.text, self.ends());
        self.spans[self.count..]
            .iter()
            .map(move |&entry| content_word(text, ends, entry))
    }

    /// A hash of the content words, to key a map by without keeping them: equal content
    /// gives equal fingerprints (a hit is then confirmed with [`Words::same_content`]).
    pub(crate) fn fingerprint(self) -> u64 {
        let mut hasher = foldhash::fast::FixedState::default().build_hasher();
        self.content().for_each(|word| word.hash(&mut hasher));
        hasher.finish()
    }

    /// True when both have the same content words.
    pub(crate) fn same_content(self, other: Words<'_>) -> bool {
        self.content().eq(other.content())
    }
}

/// The words of one title, in their own allocations (for titles read one at a time).
#[derive(Debug, Default)]
pub(crate) struct OwnedWords {
    text: String,
    spans: Vec<u32>,
    count: usize,
}

impl OwnedWords {
    pub(crate) fn of(title: &str) -> OwnedWords {
        let mut text = String::new();
        let mut spans = Vec::new();
        let count = append_words(title, &mut text, &mut spans);
        // Exactly sized: a memo keeps one of these per title between runs.
        spans.shrink_to_fit();
        OwnedWords { text, spans, count }
    }

    pub(crate) fn words(&self) -> Words<'_> {
        Words {
            text: &self.text,
            spans: &self.spans,
            count: self.count,
        }
    }
}

/// The words of many titles in three buffers: an organisation's 100 000 titles cost a few
/// growing allocations instead of two each, and are freed at once.
#[derive(Debug, Default)]
pub(crate) struct WordsArena {
    text: String,
    spans: Vec<u32>,
    /// Where each title's words start in `text` and `spans`, and how many words it has;
    /// they end where the next title's start (or at the buffers' ends).
    entries: Vec<ArenaEntry>,
}

#[derive(Debug, Clone, Copy)]
struct ArenaEntry {
    text: usize,
    spans: usize,
    count: usize,
}

impl WordsArena {
    pub(crate) fn with_capacity(titles: usize) -> WordsArena {
        WordsArena {
            entries: Vec::with_capacity(titles),
            ..WordsArena::default()
        }
    }

    /// Splits `title` into words and keeps them as the next entry.
    pub(crate) fn push(&mut self, title: &str) -> usize {
        let (text, spans) = (self.text.len(), self.spans.len());
        let count = append_words(title, &mut self.text, &mut self.spans);
        self.entries.push(ArenaEntry { text, spans, count });
        self.entries.len() - 1
    }

    /// Keeps a copy of words split before (from a memo) as the next entry.
    pub(crate) fn push_words(&mut self, words: Words<'_>) -> usize {
        let (text, spans) = (self.text.len(), self.spans.len());
        self.text.push_str(words.text);
        self.spans.extend_from_slice(words.spans);
        self.entries.push(ArenaEntry {
            text,
            spans,
            count: words.count,
        });
        self.entries.len() - 1
    }

    /// The words of entry `index` (none past the last entry).
    pub(crate) fn get(&self, index: usize) -> Words<'_> {
        let Some(entry) = self.entries.get(index) else {
            return Words {
                text: "",
                spans: &[],
                count: 0,
            };
        };
        let next = self.entries.get(index + 1);
        let text_end = next.map_or(self.text.len(), |n| n.text);
        let spans_end = next.map_or(self.spans.len(), |n| n.spans);
        Words {
            text: self.text.get(entry.text..text_end).unwrap_or_default(),
            spans: self.spans.get(entry.spans..spans_end).unwrap_or_default(),
            count: entry.count,
        }
    }
}

/// Appends the words of `title` to `text` and their word ends (counted from where the
/// title starts in `text`) and content entries to `spans`; returns the number of words.
fn append_words(title: &str, text: &mut String, spans: &mut Vec<u32>) -> usize {
    let (text_start, spans_start) = (text.len(), spans.len());
    // Room for every word end and content entry (a word and its separator take at least two
    // bytes, so there are at most `(len + 1) / 2` of each): pushes never reallocate.
    text.reserve(title.len());
    spans.reserve(title.len() + 1);
    let pieces = title
        .split(|c: char| !is_word_char(c))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty());
    for word in pieces {
        if word.is_ascii() {
            let start = text.len();
            text.push_str(word);
            text[start..].make_ascii_lowercase();
        } else {
            text.push_str(&word.to_lowercase());
        }
        // Titles over 4 GiB cannot occur: inputs are capped at 64 MiB.
        spans.push(u32::try_from(text.len() - text_start).unwrap_or(u32::MAX));
    }
    let count = spans.len() - spans_start;
    push_content_entries(&text[text_start..], spans, spans_start, count);
    count
}

/// Word `index` of `text`, given the word ends.
fn word<'t>(text: &'t str, ends: &[u32], index: usize) -> Option<&'t str> {
    let end = *ends.get(index)? as usize;
    let start = index
        .checked_sub(1)
        .map_or(0, |before| ends[before] as usize);
    text.get(start..end)
}

/// The word a content entry (`index << 1 | stemmed`) names, without its plural `s` if stemmed.
fn content_word<'t>(text: &'t str, ends: &[u32], entry: u32) -> &'t str {
    let word = word(text, ends, (entry >> 1) as usize).unwrap_or_default();
    if entry & 1 == 1 {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// Appends the content entries of one title's `count` words, whose ends fill
/// `spans[start..]`: words that are not stopwords, with a light stem (plural `s` dropped),
/// sorted, without repeats.
fn push_content_entries(text: &str, spans: &mut Vec<u32>, start: usize, count: usize) {
    for index in 0..count {
        let Some(word) = word(text, &spans[start..start + count], index) else {
            continue;
        };
        if STOPWORDS.contains(&word) {
            continue;
        }
        let stemmed = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
        // Word counts fit in u32 for the same reason their ends do.
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        spans.push(index << 1 | u32::from(stemmed));
    }
    let (ends, entries) = spans[start..].split_at_mut(count);
    let ends = &*ends;
    entries.sort_unstable_by(|&a, &b| content_word(text, ends, a).cmp(content_word(text, ends, b)));
    // Keep the first entry of each run of equal words.
    let mut kept = 0;
    for next in 0..entries.len() {
        if kept == 0
            || content_word(text, ends, entries[kept - 1])
                != content_word(text, ends, entries[next])
        {
            entries[kept] = entries[next];
            kept += 1;
        }
    }
    spans.truncate(start + count + kept);
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '#' | '%' | '$')
}

/// Jaccard similarity of the content words ([`Words::content`]) of two titles, in 0..=1.
/// True when `similarity(a, b) >= threshold`. The share of shared words is at most
/// shorter / longer, so most pairs are ruled out by their word counts without comparing a
/// word (the same division as the full measure, so the answer is exactly the same).
pub(crate) fn similar(a: Words<'_>, b: Words<'_>, threshold: f64) -> bool {
    let (a_len, b_len) = (a.content().len(), b.content().len());
    let (shorter, longer) = (a_len.min(b_len), a_len.max(b_len));
    if longer > 0 && (shorter as f64 / longer as f64) < threshold {
        return false;
    }
    similarity(a, b) >= threshold
}

pub(crate) fn similarity(a: Words<'_>, b: Words<'_>) -> f64 {
    let (a_len, b_len) = (a.content().len(), b.content().len());
    if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    // Both are sorted: count the shared words in one merge.
    let (mut a_words, mut b_words) = (a.content().peekable(), b.content().peekable());
    let mut shared = 0usize;
    while let (Some(x), Some(y)) = (a_words.peek(), b_words.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => {
                a_words.next();
            }
            std::cmp::Ordering::Greater => {
                b_words.next();
            }
            std::cmp::Ordering::Equal => {
                shared += 1;
                a_words.next();
                b_words.next();
            }
        }
    }
    shared as f64 / (a_len + b_len - shared) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn similarity_of(a: &str, b: &str) -> f64 {
        similarity(OwnedWords::of(a).words(), OwnedWords::of(b).words())
    }

    #[test]
    fn similar_answers_as_the_full_measure_does_at_every_threshold() {
        let titles = [
            "Raise NPS",
            "Raise the NPS in Europe",
            "Raise NPS in Europe and Asia",
            "raise nps europe asia africa",
            "Cut churn",
            "",
            "Raise repeat purchase rate from 18% to 26%",
            "Increase the repeat purchase rate to 26%",
        ];
        // Shares that sit exactly on a threshold (4 of 5 words is 0.8) included.
        let thresholds = [0.0, 0.5, 2.0 / 3.0, 0.75, 0.8, 0.9, 1.0];
        for a in titles {
            for b in titles {
                let (a, b) = (OwnedWords::of(a), OwnedWords::of(b));
                let (a, b) = (a.words(), b.words());
                for t in thresholds {
                    assert_eq!(similar(a, b, t), similarity(a, b) >= t, "{a:?} {b:?} {t}");
                }
            }
        }
        let (four, five) = (
            OwnedWords::of("alpha beta gamma delta"),
            OwnedWords::of("alpha beta gamma delta omega"),
        );
        let (four, five) = (four.words(), five.words());
        assert!(similar(four, five, 0.8) && !similar(four, five, 0.81));
    }

    #[test]
    fn similarity_is_jaccard_of_content_words() {
        // {raise, nps} vs {raise, nps, europe}: 2 shared of 3.
        assert!((similarity_of("Raise NPS", "Raise the NPS in Europe") - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(similarity_of("", "x"), 0.0);
        assert_eq!(similarity_of("Grow revenues", "grow revenue"), 1.0);
    }

    #[test]
    fn words_are_lowercase_and_keep_inner_marks() {
        let owned = OwnedWords::of("Cut p95 latency — by 20% ('twas) for Über-users’ 2 #1 $5 -x-");
        let words = owned.words();
        let expected = [
            "cut",
            "p95",
            "latency",
            "by",
            "20%",
            "twas",
            "for",
            "über-users",
            "2",
            "#1",
            "$5",
            "x",
        ];
        assert_eq!(words.iter().collect::<Vec<_>>(), expected);
        assert_eq!(words.len(), expected.len());
        assert_eq!(words.first(), Some("cut"));
        assert_eq!(words.get(expected.len()), None);
        assert!(words.has_phrase(&["by", "20%"]));
        assert!(!words.has_phrase(&["20%", "by"]));
        assert!(!words.has_phrase(&["x", "y"]));
        assert!(words.has_any(&["nothing", "latency"]));
        assert_eq!(OwnedWords::of("").words().first(), None);
    }

    #[test]
    fn content_words_drop_stopwords_and_plural_s_and_repeats() {
        let words = OwnedWords::of("Grow the users and users of cats in business");
        let content: Vec<&str> = words.words().content().collect();
        assert_eq!(content, ["business", "cat", "grow", "user"]);
    }

    #[test]
    fn an_arena_keeps_each_title_apart() {
        let titles = [
            "Grow users of cats",
            "",
            "Über-users’ p95",
            "a the of",
            "Cut churn",
        ];
        let mut arena = WordsArena::with_capacity(titles.len());
        for (n, title) in titles.iter().enumerate() {
            // Every other title is copied in from words split before, as from a memo.
            let entry = if n % 2 == 0 {
                arena.push(title)
            } else {
                arena.push_words(OwnedWords::of(title).words())
            };
            assert_eq!(entry, n);
        }
        let expected: [(&[&str], &[&str]); 5] = [
            (&["grow", "users", "of", "cats"], &["cat", "grow", "user"]),
            (&[], &[]),
            (&["über-users", "p95"], &["p95", "über-user"]),
            (&["a", "the", "of"], &[]),
            (&["cut", "churn"], &["churn", "cut"]),
        ];
        for (n, (words, content)) in expected.iter().enumerate() {
            let got = arena.get(n);
            assert_eq!(got.iter().collect::<Vec<_>>(), *words, "title {n}");
            assert_eq!(got.content().collect::<Vec<_>>(), *content, "title {n}");
        }
        assert_eq!(arena.get(titles.len()).len(), 0);
    }
}
