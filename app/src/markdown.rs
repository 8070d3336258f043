//! Markdown from users and imported files, rendered and always sanitised.

use std::sync::LazyLock;

use pulldown_cmark::{html, Event, Options, Parser, TagEnd};

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

/// The first `max_chars` characters of the text of `markdown`, for meta descriptions.
pub fn plain_summary(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
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

#[cfg(test)]
mod tests {
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
