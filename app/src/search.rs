//! Finding things by the words a visitor types, the same way on SQLite and
//! PostgreSQL: both keep lower-case text and the English stems of its
//! words (`haystack`), and a query becomes substrings that must all occur
//! in it. Substrings make Chinese, "ci/cd" and "k8s" work without a word
//! splitter; stems make "meetings" find "meeting"; the index's vocabulary
//! forgives one wrong letter in a longer word.

pub mod excerpt;
pub mod terms;

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Lower case, one character for one (so positions in the folded text are
/// positions in the original).
pub fn fold_char(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The English stem of a lower-case word.
pub fn stem(word: &str) -> String {
    ENGLISH.stem(word).into_owned()
}

/// The words of a text: runs of ASCII letters and digits, lower case.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| word.to_ascii_lowercase())
}

/// What the index matches a document by: its title and text folded, then
/// the stems of their words, each between spaces.
pub fn haystack(title: &str, body: &str) -> String {
    let mut haystack = format!("{}\n{}\n ", fold(title), fold(body));
    for word in words(title).chain(words(body)) {
        if word.bytes().all(|b| b.is_ascii_alphabetic()) {
            haystack.push_str(&stem(&word));
            haystack.push(' ');
        }
    }
    haystack
}

/// The words a typo may have meant: long enough to be worth forgiving.
pub fn vocabulary<'a>(title: &'a str, body: &'a str) -> impl Iterator<Item = String> + 'a {
    words(title).chain(words(body)).filter(|word| {
        word.len() >= terms::TYPO_MIN_LETTERS - 1 && word.bytes().all(|b| b.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_haystack_carries_folded_text_and_stems() {
        let haystack = haystack("Weekly Meetings", "CI/CD for K8s");
        assert!(haystack.contains("weekly meetings"));
        assert!(haystack.contains("ci/cd for k8s"));
        assert!(haystack.contains(" meet "));
    }

    #[test]
    fn folding_keeps_positions() {
        let text = "İstanbul Straße 存储";
        assert_eq!(fold(text).chars().count(), text.chars().count());
    }
}
