//! Markdown from users and imported files, rendered and always sanitised.

use std::sync::LazyLock;

use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};

/// One sanitiser for the process: building its tag and attribute sets for
/// every render cost more than the cleaning of a short text.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder.link_rel(Some("noopener noreferrer nofollow"));
    builder
});

/// Renders `markdown` to HTML that is safe to put in a page: ammonia removes
/// scripts, event handlers and unsafe URLs; links get `rel="noopener noreferrer nofollow"`.
pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    SANITISER.clean(&unsafe_html).to_string()
}

/// `markdown` as written, with its raw HTML turned into text (`<` becomes
/// `&lt;`), for markdown files the site hands out: whoever renders them
/// next shows the tags instead of running them.
pub fn without_raw_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::with_capacity(markdown.len());
    let mut copied = 0;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        if matches!(event, Event::Html(_) | Event::InlineHtml(_)) && range.start >= copied {
            out.push_str(&markdown[copied..range.start]);
            out.push_str(&markdown[range.clone()].replace('<', "&lt;"));
            copied = range.end;
        }
    }
    out.push_str(&markdown[copied..]);
    out
}

/// The first `max_chars` characters of the text of `markdown`, for meta
/// descriptions and card excerpts. List items keep a bullet, so a list
/// does not read as one run-on sentence.
pub fn plain_summary(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Start(Tag::Item) => {
                if !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
                text.push_str("• ");
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
                if !text.ends_with(' ') =>
            {
                text.push(' ')
            }
            _ => {}
        }
        if text.chars().count() > max_chars {
            break;
        }
    }
    let trimmed = text.trim();
    if trimmed.chars().count() <= max_chars {
        return trimmed.to_owned();
    }
    let cut: String = trimmed.chars().take(max_chars.saturating_sub(1)).collect();
    // End at a word: back to the last space, unless that loses most of the text.
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(space) if space >= cut.len() * 2 / 3 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end())
}

/// One block of a text's outline: a paragraph (`depth` 0) or a list item
/// (`depth` 1 for a top-level item, 2 inside it, …), as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineLine {
    pub depth: usize,
    pub text: String,
}

/// The paragraphs and list items of `markdown` as plain text, for formats
/// that keep a text's shape but not its markup (the roadmap as markdown).
pub fn plain_outline(markdown: &str) -> Vec<OutlineLine> {
    let (mut lines, mut depth, mut text) = (Vec::new(), 0_usize, String::new());
    let mut flush = |depth: usize, text: &mut String| {
        let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            lines.push(OutlineLine { depth, text: line });
        }
        text.clear();
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Item) => {
                flush(depth, &mut text);
                depth += 1;
            }
            Event::End(TagEnd::Item) => {
                flush(depth, &mut text);
                depth = depth.saturating_sub(1);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock) => {
                flush(depth, &mut text)
            }
            _ => {}
        }
    }
    flush(depth, &mut text);
    lines
}

#[cfg(test)]
mod tests {

    #[test]
    fn raw_html_becomes_text_and_markdown_stays() {
        let cleaned =
            without_raw_html("**bold** <inj-x onclick=1> and `<code>`\n\n<div>\nblock\n</div>\n");
        assert!(
            cleaned.starts_with("**bold** &lt;inj-x onclick=1> and `<code>`"),
            "{cleaned}"
        );
        assert!(cleaned.contains("&lt;div>"), "{cleaned}");
        let html_events = pulldown_cmark::Parser::new(&cleaned)
            .filter(|event| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
            .count();
        assert_eq!(html_events, 0, "{cleaned}");
    }

    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("<script>alert(1)</script>hi", "script")]
    #[case("[x](javascript:alert(1))", "javascript:")]
    #[case("<img src=x onerror=alert(1)>", "onerror")]
    #[case("<a href=\"#\" onclick=\"steal()\">x</a>", "onclick")]
    fn rendering_strips_what_could_run(#[case] markdown: &str, #[case] forbidden: &str) {
        assert!(
            !render(markdown).contains(forbidden),
            "{}",
            render(markdown)
        );
    }

    #[test]
    fn rendering_keeps_ordinary_markdown() {
        let html = render("**Meetings**. Prepare the [agenda](https://example.org).");
        assert!(html.contains("<strong>Meetings</strong>"));
        assert!(html.contains("href=\"https://example.org\""));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
    }

    #[test]
    fn lists_keep_their_items_apart() {
        let text = "Goals:\n\n- faster builds\n- fewer flakes\n  - in CI\n\nThen ship.";
        assert_eq!(
            plain_summary(text, 200),
            "Goals: • faster builds • fewer flakes • in CI Then ship."
        );
        let line = |depth, text: &str| OutlineLine {
            depth,
            text: text.to_owned(),
        };
        assert_eq!(
            plain_outline(text),
            vec![
                line(0, "Goals:"),
                line(1, "faster builds"),
                line(1, "fewer flakes"),
                line(2, "in CI"),
                line(0, "Then ship."),
            ]
        );
    }

    #[test]
    fn summary_is_plain_text_cut_at_a_limit() {
        assert_eq!(
            plain_summary("# Title\n\nSome **bold** text.", 100),
            "Title Some bold text."
        );
        assert_eq!(plain_summary("abcdefghij", 5), "abcd…");
        assert_eq!(
            plain_summary("Every SIG keeps a roadmap of three months", 30),
            "Every SIG keeps a roadmap of…",
            "cut at a word, not in one"
        );
    }
}
