//! Making stored text safe for the place it is written to. Every writer that
//! puts people's text somewhere its own library does not fully escape goes
//! through one of these: the HTML elements Leptos writes raw (`<title>`,
//! `<textarea>`), XML feeds, iCalendar, CSV, markdown and log lines.
//! Text can hold anything an older version or an import stored, so none of
//! these assume the input checks ran.

use std::borrow::Cow;

/// Whether `c` is a control character no text field means: the C0 and C1
/// controls other than tab, line feed and carriage return, and the two
/// non-characters XML forbids.
pub fn is_unwanted_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// `text` without unwanted control characters (see `is_unwanted_control`).
pub fn without_controls(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unwanted_control) {
        Cow::Owned(text.chars().filter(|c| !is_unwanted_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Text that must stay on one line (an e-mail header): every control
/// character, line breaks included, becomes a space.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Text for an element Leptos writes without escaping its children
/// (`<title>` through leptos_meta, `<textarea>` in tachys): `&`, `<` and `>`
/// become references, so the text can never close the element.
pub fn element_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in without_controls(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The content of a `<textarea>`: escaped, and with a leading line break
/// the HTML parser drops, so text that starts with one keeps it.
pub fn textarea_text(text: &str) -> String {
    format!("\n{}", element_text(text))
}

/// Text for an XML document: XML 1.0 cannot carry most control characters
/// at all (escaped or not), so they are left out; the XML writer escapes the rest.
pub fn xml_text(text: &str) -> String {
    without_controls(text).into_owned()
}

/// Text written into XML by hand: the five special characters escaped and
/// what XML cannot carry left out.
pub fn xml_escaped(text: &str) -> String {
    without_controls(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// A TEXT value for iCalendar: every line break becomes one `\n` for the
/// writer to escape (a bare CR would otherwise start a new content line),
/// and control characters are left out. The writer escapes `\`, `;`, `,`
/// and folds long lines.
pub fn ical_text(text: &str) -> String {
    without_controls(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n")
}

/// A TEXT value for iCalendar, escaped here (for properties the writer
/// does not escape): `\\`, `;`, `,` and every line break as `\n`.
pub fn ical_escaped(text: &str) -> String {
    ical_text(text)
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// A URI value for iCalendar: one line, without spaces or controls.
pub fn ical_uri(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// A spreadsheet cell: controls left out, and text that starts like a formula
/// gets a leading apostrophe so spreadsheets keep it as text. The CSV
/// writer quotes separators and line breaks.
pub fn csv_cell(text: &str) -> String {
    let text = without_controls(text);
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}

/// Inline markdown that stays literal text: what markdown reads as
/// formatting is backslash-escaped and line breaks become spaces, so the
/// text cannot start a new block (a heading, a list, raw HTML).
pub fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in without_controls(text).chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|' | '!' | '&'
        ) {
            escaped.push('\\');
        }
        escaped.push(if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        });
    }
    escaped
}

/// A markdown autolink `<url>`: what could end the link or the line is
/// percent-encoded, so the address cannot carry markup.
pub fn markdown_autolink(url: &str) -> String {
    let mut out = String::from("<");
    for c in url.chars() {
        if c == '<' || c == '>' || c == '`' || c.is_whitespace() || c.is_control() {
            let mut bytes = [0_u8; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out.push('>');
    out
}

/// One log line's worth of text: line breaks and other controls are shown
/// as escapes (`\n`), so text cannot forge a line or colour a terminal.
pub fn log_text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case(
        "T</title><meta http-equiv=refresh>",
        "T&lt;/title&gt;&lt;meta http-equiv=refresh&gt;"
    )]
    #[case("a & b", "a &amp; b")]
    #[case("a\0b\u{1b}[31m", "ab[31m")]
    #[case("存储 storage", "存储 storage")]
    fn element_text_cannot_close_its_element(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(element_text(text), expected);
    }

    #[test]
    fn textareas_keep_a_leading_line_break() {
        assert_eq!(textarea_text("\nfirst"), "\n\nfirst");
        assert_eq!(textarea_text("</textarea>"), "\n&lt;/textarea&gt;");
    }

    #[test]
    fn ical_text_has_no_bare_carriage_return() {
        assert_eq!(
            ical_text("a\rURL:https://evil\r\nb\0"),
            "a\nURL:https://evil\nb"
        );
        assert_eq!(ical_escaped("a\r\nb;c,d\\"), "a\\nb\\;c\\,d\\\\");
        assert_eq!(ical_uri("https://x/\r\nURL:y z"), "https://x/URL:yz");
    }

    #[test]
    fn xml_text_drops_what_xml_cannot_carry() {
        assert_eq!(xml_text("a\0b\u{8}c\u{FFFF}\td\ne"), "abc\td\ne");
    }

    #[rstest]
    #[case("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    #[case("@SUM(1)", "'@SUM(1)")]
    #[case("\0=1", "'=1")]
    #[case("Ada", "Ada")]
    fn csv_cells_never_start_a_formula(#[case] text: &str, #[case] expected: &str) {
        assert_eq!(csv_cell(text), expected);
    }

    #[test]
    fn markdown_stays_literal() {
        assert_eq!(markdown_text("a *b* [c](d)"), "a \\*b\\* \\[c\\](d)");
        assert_eq!(markdown_text("<script>\n# h"), "\\<script\\> \\# h");
        assert_eq!(
            markdown_autolink("https://x/a> <img src=x>\n"),
            "<https://x/a%3E%20%3Cimg%20src=x%3E%0A>"
        );
    }

    #[test]
    fn a_header_stays_one_line() {
        assert_eq!(
            one_line("Joining Storage\r\nBcc: x"),
            "Joining Storage  Bcc: x"
        );
    }

    #[test]
    fn log_text_cannot_forge_a_line() {
        assert_eq!(log_text("Ada\nINFO forged"), "Ada\\nINFO forged");
        assert_eq!(log_text("\u{1b}[31m"), "\\u{1b}[31m");
        assert_eq!(log_text("plain 存储"), "plain 存储");
    }
}
