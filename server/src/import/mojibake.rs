//! Repairs UTF-8 text that was once decoded as Windows-1252 and saved again
//! ("SIGâ€™s" for "SIG’s"), a common accident in hand-edited READMEs.
//!
//! Only runs of non-ASCII characters that encode to Windows-1252 *and* then
//! decode as valid UTF-8 are replaced, so real accented or CJK text is kept.

use std::borrow::Cow;

/// One repaired sequence, reported to whoever runs the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub line: usize,
    pub found: String,
    pub replaced_by: String,
}

/// Returns `text` with mis-encoded sequences repaired, and what was repaired.
pub fn repair(text: &str) -> (Cow<'_, str>, Vec<Repair>) {
    let mut repairs = Vec::new();
    let mut output = String::new();
    let mut copied_up_to = 0;
    let mut run_start: Option<usize> = None;
    let mut line = 1;
    let mut run_line = 1;

    let mut flush = |start: usize,
                     end: usize,
                     run_line: usize,
                     output: &mut String,
                     copied_up_to: &mut usize| {
        let run = &text[start..end];
        if let Some(fixed) = decode_as_misread_utf8(run) {
            output.push_str(&text[*copied_up_to..start]);
            output.push_str(&fixed);
            *copied_up_to = end;
            repairs.push(Repair {
                line: run_line,
                found: run.to_owned(),
                replaced_by: fixed,
            });
        }
    };

    for (index, ch) in text.char_indices() {
        if ch.is_ascii() {
            if let Some(start) = run_start.take() {
                flush(start, index, run_line, &mut output, &mut copied_up_to);
            }
            if ch == '\n' {
                line += 1;
            }
        } else if run_start.is_none() {
            run_start = Some(index);
            run_line = line;
        }
    }
    if let Some(start) = run_start {
        flush(start, text.len(), run_line, &mut output, &mut copied_up_to);
    }
    if repairs.is_empty() {
        return (Cow::Borrowed(text), repairs);
    }
    output.push_str(&text[copied_up_to..]);
    (Cow::Owned(output), repairs)
}

fn decode_as_misread_utf8(run: &str) -> Option<String> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(run);
    if unmappable {
        return None;
    }
    let decoded = std::str::from_utf8(&bytes).ok()?;
    (decoded != run).then(|| decoded.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("the SIGâ€™s folder", "the SIG’s folder")]
    #[case("cafÃ© and â€œquotesâ€\u{9d}", "café and “quotes”")]
    #[case("Ã¼ber", "über")]
    fn misread_utf8_is_repaired(#[case] input: &str, #[case] expected: &str) {
        let (fixed, repairs) = repair(input);
        assert_eq!(fixed, expected);
        assert!(!repairs.is_empty());
    }

    #[rstest]
    #[case("plain ASCII text")]
    #[case("café, naïve, Zürich")]
    #[case("社区 community, Türkiye topluluğu")]
    #[case("the SIG’s folder")]
    fn correct_text_is_left_alone(#[case] input: &str) {
        let (fixed, repairs) = repair(input);
        assert_eq!(fixed, input);
        assert!(repairs.is_empty());
    }

    #[test]
    fn repairs_name_their_line() {
        let (_, repairs) = repair("first\nsecond SIGâ€™s\n");
        assert_eq!(
            repairs,
            vec![Repair {
                line: 2,
                found: "â€™".into(),
                replaced_by: "’".into()
            }]
        );
    }
}
