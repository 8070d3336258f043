//! Every language has every message, every message is used, and the files
//! parse: what a translator's edit must keep true.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::Entry;

use super::*;

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

/// The message ids (and `id.attribute`s) of one language's files.
fn keys_of(tag: &str) -> BTreeSet<String> {
    messages_of(tag).into_iter().map(|(key, _)| key).collect()
}

/// Each message id of one language and whether it takes arguments.
fn messages_of(tag: &str) -> Vec<(String, bool)> {
    let dir = locales_dir().join(tag);
    let mut keys = BTreeSet::new();
    let mut messages = Vec::new();
    let files = std::fs::read_dir(&dir).unwrap_or_else(|_| panic!("no folder {}", dir.display()));
    for file in files.filter_map(Result::ok).map(|entry| entry.path()) {
        let text = std::fs::read_to_string(&file).expect("a readable file");
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", file.display()));
        for entry in resource.body {
            match entry {
                Entry::Message(message) => {
                    let takes_arguments = format!("{message:?}").contains("VariableReference");
                    messages.push((message.id.name.to_owned(), takes_arguments));
                    assert!(
                        keys.insert(message.id.name.to_owned()),
                        "{}: {} twice",
                        file.display(),
                        message.id.name
                    );
                    for attribute in message.attributes {
                        keys.insert(format!("{}.{}", message.id.name, attribute.id.name));
                    }
                }
                Entry::Term(term) => {
                    keys.insert(format!("-{}", term.id.name));
                }
                Entry::Junk { content } => panic!("{}: cannot read {content:?}", file.display()),
                _ => {}
            }
        }
    }
    messages
}

/// The Rust sources of the site (the app, and with `server` the server).
fn sources(server: bool) -> String {
    fn read(dir: &Path, into: &mut String) {
        for entry in std::fs::read_dir(dir)
            .expect("a source folder")
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.is_dir() {
                read(&path, into);
            } else if path.extension().is_some_and(|ext| ext == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                into.push_str(&std::fs::read_to_string(&path).expect("a source file"));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    read(&root.join("src"), &mut text);
    if server {
        read(&root.join("../server/src"), &mut text);
    }
    text
}

#[test]
fn every_language_has_every_message_and_every_message_is_used() {
    let english = keys_of(LANGUAGES[0].tag);
    assert!(!english.is_empty());
    for language in &LANGUAGES[1..] {
        let theirs = keys_of(language.tag);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.tag);
        assert!(extra.is_empty(), "{} has unknown {extra:?}", language.tag);
    }
    let code = sources(true);
    let unused: Vec<_> = english
        .iter()
        .filter(|key| !code.contains(&format!("\"{key}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let english = keys_of(LANGUAGES[0].tag);
    // The interface is the app's; the server's `.text(…)` are YAML readers.
    let code = sources(false);
    let mut unknown = Vec::new();
    for call in [
        "t(\"",
        "t_with(\"",
        "t_around(\"",
        ".text(\"",
        ".text_with(\"",
        "words.get(\"",
        "words.fill(\"",
    ] {
        for (at, _) in code.match_indices(call) {
            // `t("` must not be the end of another name (`split("`).
            let before = code[..at].chars().next_back().unwrap_or(' ');
            if !call.starts_with('.')
                && (before.is_alphanumeric() || before == '_' || before == '.')
            {
                continue;
            }
            let rest = &code[at + call.len()..];
            let key = &rest[..rest.find('"').unwrap_or(0)];
            if !english.contains(key) {
                unknown.push(key.to_owned());
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "asked for but not in the files: {unknown:?}"
    );
}

#[test]
fn the_loader_reads_the_files_and_each_language_answers_in_itself() {
    let zh = Language::parse("zh-cn").expect("zh-CN, in any case");
    assert_eq!(zh.tag(), "zh-CN");
    assert_eq!(Language::default().text("nav-join"), "Join");
    assert_eq!(zh.text("nav-join"), "加入");
    // Every file of every language loads (a broken one panics on first use).
    for language in Language::all() {
        for (key, takes_arguments) in messages_of(language.tag()) {
            if !takes_arguments {
                assert!(
                    !language.text(&key).starts_with("Unknown localization key"),
                    "{key}"
                );
            }
        }
    }
    // Plurals follow each language's rules; values come without marks.
    let seconds = |n: i64| [("seconds", FluentValue::from(n))];
    assert!(Language::default()
        .text_with("error-too-many", &seconds(1))
        .ends_with("in 1 second."));
    assert!(Language::default()
        .text_with("error-too-many", &seconds(5))
        .ends_with("in 5 seconds."));
    assert!(zh
        .text_with("error-too-many", &seconds(5))
        .contains("5 秒后"));
}

#[test]
fn paths_carry_the_language_and_lose_it_again() {
    let zh = Language::parse("zh-CN").expect("zh-CN");
    assert_eq!(zh.href("/sigs/storage"), "/zh-CN/sigs/storage");
    assert_eq!(zh.href("/"), "/zh-CN");
    assert_eq!(Language::default().href("/sigs"), "/sigs");
    assert_eq!(Language::of_path("/zh-CN/sigs"), (zh, "/sigs"));
    assert_eq!(Language::of_path("/zh-CN"), (zh, "/"));
    assert_eq!(
        Language::of_path("/zh-CNx/sigs"),
        (Language::default(), "/zh-CNx/sigs")
    );
    assert_eq!(Language::of_path("/sigs"), (Language::default(), "/sigs"));
}
