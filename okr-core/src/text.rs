//! Text from a file made safe for where it goes (a terminal, a log, a CI annotation, an
//! HTML page), and numbers as people read them. Always compiled: the lint output and the
//! diff use these without the `report` feature, which re-exports them.

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

/// Escapes text for HTML element content and quoted attribute values (`&`, `<`, `>`, `"`
/// and `'`): what the report does to every text taken from a document.
///
/// ```
/// use okr_core::report::escape_html;
///
/// assert_eq!(
///     escape_html(r#"<img src=x onerror="alert('1')"> & co"#),
///     "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co"
/// );
/// ```
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A fraction as a whole percentage (`0.425` → `42%`), never `-0%`: a value that rounds to
/// zero from below is zero.
///
/// ```
/// assert_eq!(okr_core::report::percent_text(-0.001), "0%");
/// assert_eq!(okr_core::report::percent_text(-0.25), "-25%");
/// assert_eq!(okr_core::report::percent_text(1.0), "100%");
/// ```
pub fn percent_text(fraction: f64) -> String {
    let text = format!("{:.0}", fraction * 100.0);
    match text.strip_prefix('-') {
        Some(digits) if digits.bytes().all(|b| b == b'0') => format!("{digits}%"),
        _ => text + "%",
    }
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
