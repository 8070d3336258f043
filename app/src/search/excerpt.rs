//! The shown side of a hit: its title and the words around the first match,
//! with every match marked (as data: the page escapes the text).

use super::fold_char;
use crate::models::search::Fragment;

/// Characters shown before the first match, and in all.
const BEFORE: usize = 60;
const LENGTH: usize = 220;

/// `text` cut into fragments, the runs matching any of `marks` marked.
pub fn highlight(text: &str, marks: &[String]) -> Vec<Fragment> {
    let chars: Vec<char> = text.chars().collect();
    let marked = marked_chars(&chars, marks);
    fragments(&chars, &marked)
}

/// The part of `text` around its first match (or its opening), highlighted.
pub fn excerpt(text: &str, marks: &[String]) -> Vec<Fragment> {
    let chars: Vec<char> = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    let marked = marked_chars(&chars, marks);
    let first = marked.iter().position(|m| *m).unwrap_or(0);
    // Start at a word: just after the first space in the lead-in.
    let mut start = first.saturating_sub(BEFORE);
    if start > 0 {
        if let Some(space) = chars[start..first].iter().position(|c| c.is_whitespace()) {
            start += space + 1;
        }
    }
    let end = (start + LENGTH).min(chars.len());
    let mut shown = fragments(&chars[start..end], &marked[start..end]);
    if start > 0 {
        shown.insert(0, plain("…"));
    }
    if end < chars.len() {
        shown.push(plain("…"));
    }
    shown
}

fn plain(text: &str) -> Fragment {
    Fragment {
        text: text.to_owned(),
        marked: false,
    }
}

/// For each character, whether a mark covers it (compared folded).
fn marked_chars(chars: &[char], marks: &[String]) -> Vec<bool> {
    let folded: Vec<char> = chars.iter().copied().map(fold_char).collect();
    let mut marked = vec![false; chars.len()];
    for mark in marks {
        let needle: Vec<char> = mark.chars().map(fold_char).collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for at in 0..=folded.len() - needle.len() {
            if folded[at..at + needle.len()] == needle[..] {
                marked[at..at + needle.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    marked
}

fn fragments(chars: &[char], marked: &[bool]) -> Vec<Fragment> {
    let mut fragments: Vec<Fragment> = Vec::new();
    for (c, marked) in chars.iter().zip(marked) {
        match fragments.last_mut() {
            Some(last) if last.marked == *marked => last.text.push(*c),
            _ => fragments.push(Fragment {
                text: c.to_string(),
                marked: *marked,
            }),
        }
    }
    fragments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(fragments: &[Fragment]) -> String {
        fragments
            .iter()
            .map(|f| {
                if f.marked {
                    format!("[{}]", f.text)
                } else {
                    f.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn matches_are_marked_in_any_case() {
        let marks = vec!["storage".to_owned()];
        assert_eq!(
            shown(&highlight("SIG Storage and storage", &marks)),
            "SIG [Storage] and [storage]"
        );
    }

    #[test]
    fn an_excerpt_starts_near_the_first_match() {
        let text = format!("{} 存储 end", "word ".repeat(100));
        let excerpt = excerpt(&text, &["存储".to_owned()]);
        assert_eq!(excerpt.first().map(|f| f.text.as_str()), Some("…"));
        assert!(shown(&excerpt).contains("[存储] end"));
        assert!(shown(&excerpt).starts_with("…word "), "{}", shown(&excerpt));
    }

    #[test]
    fn markup_is_kept_as_text() {
        let marks = vec!["<b>".to_owned()];
        assert_eq!(shown(&highlight("a <b> c", &marks)), "a [<b>] c");
    }
}
