//! Text from a file, made inert before it reaches a terminal, a log or a CI annotation.

use std::borrow::Cow;

/// Text from a file, made safe for one line of terminal or log output: control characters
/// (including newlines, ESC, BEL, NUL, DEL and C1 controls) and bidirectional overrides
/// are written as `\u{…}` escapes, so a title can neither forge a line nor drive the terminal.
pub fn inert_line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// Like [`inert_line`] for multi-line output (Markdown, trees): newlines and tabs are kept.
pub fn inert_block(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_layout: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        !(keep_layout && (c == '\n' || c == '\t'))
            && (c.is_control()
                || crate::validate::is_bidi_control(c)
                || c == '\u{2028}'
                || c == '\u{2029}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_plain_text_is_borrowed() {
        assert!(matches!(inert_line("Grow revenue"), Cow::Borrowed(_)));
        assert_eq!(inert_line("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(inert_line("x\ny"), "x\\u{a}y");
        assert_eq!(inert_block("x\ny\u{202e}"), "x\ny\\u{202e}");
        assert_eq!(inert_line("\u{7}\u{0}\u{9b}"), "\\u{7}\\u{0}\\u{9b}");
    }
}
