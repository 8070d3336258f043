//! A query read into terms, and each term into the substrings that match it.

use super::{fold, stem};
use crate::models::search::QUERY_MAX_CHARS;

/// The most terms read from one query; the rest are ignored.
const MAX_TERMS: usize = 8;
/// Words this long or longer forgive one wrong letter.
pub const TYPO_MIN_LETTERS: usize = 5;
/// The most near words tried for one misspelt word.
const MAX_NEAR_WORDS: usize = 8;
/// Short forms a community writes for its longer names.
const SAME_MEANING: &[(&str, &str)] = &[("k8s", "kubernetes"), ("i18n", "internationalization")];

/// One word (or run of text) of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded, without punctuation around it.
    pub text: String,
    /// Its English stem, for a word of letters.
    pub stem: Option<String>,
    /// Words of the index one letter away (filled in by the store).
    pub near: Vec<String>,
}

impl Term {
    /// Whether a word of the index may be what this term misspelt.
    pub fn forgives_typos(&self) -> bool {
        self.text.len() >= TYPO_MIN_LETTERS && self.text.bytes().all(|b| b.is_ascii_alphabetic())
    }

    /// Keeps the words of `vocabulary` one edit away.
    pub fn add_near(&mut self, vocabulary: impl IntoIterator<Item = String>) {
        self.near = vocabulary
            .into_iter()
            .filter(|word| *word != self.text && strsim::levenshtein(word, &self.text) == 1)
            .take(MAX_NEAR_WORDS)
            .collect();
    }

    /// The substrings of a haystack any one of which matches this term.
    pub fn needles(&self) -> Vec<String> {
        let mut needles = vec![self.text.clone()];
        for (short, long) in SAME_MEANING {
            if self.text == *short {
                needles.push((*long).to_owned());
            } else if self.text == *long {
                needles.push((*short).to_owned());
            }
        }
        if let Some(stem) = &self.stem {
            needles.push(format!(" {stem} "));
        }
        needles.extend(self.near.iter().cloned());
        needles
    }

    /// The substrings of a shown text to mark: the needles, and the stem
    /// itself ("meet" in "meeting" for a query of "meetings").
    pub fn marks(&self) -> Vec<String> {
        let mut marks: Vec<String> = self
            .needles()
            .into_iter()
            .map(|needle| needle.trim().to_owned())
            .collect();
        marks.retain(|mark| !mark.is_empty());
        marks
    }
}

/// The query as read: trimmed, cut to `QUERY_MAX_CHARS`, and its terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub terms: Vec<Term>,
}

impl Query {
    pub fn parse(raw: &str) -> Query {
        // Control characters (a NUL byte included, which PostgreSQL refuses
        // in text) are never part of what anyone searches for.
        let text: String = raw
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .trim()
            .chars()
            .take(QUERY_MAX_CHARS)
            .collect();
        let mut terms: Vec<Term> = Vec::new();
        for chunk in text.split_whitespace() {
            let word = fold(chunk.trim_matches(|c: char| !c.is_alphanumeric()));
            // One Latin letter matches nearly everything; one Chinese
            // character is a word.
            let too_short = word.chars().count() < 2 && word.is_ascii();
            if too_short || terms.iter().any(|term| term.text == word) {
                continue;
            }
            let stem = word
                .bytes()
                .all(|b| b.is_ascii_alphabetic())
                .then(|| stem(&word))
                .filter(|stem| stem.len() >= 3);
            terms.push(Term {
                text: word,
                stem,
                near: Vec::new(),
            });
            if terms.len() == MAX_TERMS {
                break;
            }
        }
        Query { text, terms }
    }

    /// The substrings to mark in shown text.
    pub fn marks(&self) -> Vec<String> {
        self.terms.iter().flat_map(Term::marks).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_around_words_is_dropped_and_inside_kept() {
        let query = Query::parse("  \"storage\"  ci/cd  -NEAR*  ");
        let texts: Vec<&str> = query.terms.iter().map(|term| term.text.as_str()).collect();
        assert_eq!(texts, ["storage", "ci/cd", "near"]);
    }

    #[test]
    fn punctuation_alone_and_single_letters_make_no_terms() {
        assert!(Query::parse("\" * - ( ) : a").terms.is_empty());
        assert_eq!(Query::parse("存").terms.len(), 1);
    }

    #[test]
    fn control_characters_are_dropped() {
        let query = Query::parse("stor\0age\u{7}\r\nnet");
        assert_eq!(query.text, "stor age   net");
        assert!(query.terms.iter().all(|term| !term.text.contains('\0')));
    }

    #[test]
    fn long_queries_are_cut() {
        let query = Query::parse(&"word ".repeat(5000));
        assert!(query.text.chars().count() <= QUERY_MAX_CHARS);
        assert_eq!(query.terms.len(), 1);
        let many = (0..50)
            .map(|n| format!("w{n}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(Query::parse(&many).terms.len(), MAX_TERMS);
    }

    #[test]
    fn plurals_match_by_stem_and_typos_by_near_words() {
        let mut term = Query::parse("meetngs").terms.remove(0);
        assert!(term.forgives_typos());
        term.add_near([
            "meetings".to_owned(),
            "meeting".to_owned(),
            "settings".to_owned(),
        ]);
        assert_eq!(term.near, ["meetings"]);
        let meetings = Query::parse("meetings").terms.remove(0);
        assert!(meetings.needles().contains(&" meet ".to_owned()));
    }

    #[test]
    fn short_forms_find_long_ones() {
        let k8s = Query::parse("K8s").terms.remove(0);
        assert!(k8s.needles().contains(&"kubernetes".to_owned()));
    }
}
