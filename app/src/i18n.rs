//! The interface's languages. Every word a visitor reads comes from the
//! Fluent files under `app/locales/<tag>/` (translators edit those, no
//! Rust), looked up on the server in the request's language; islands get
//! their words as props, so the browser bundle carries no translations.
//!
//! A language's pages live under its prefix (`/zh-CN/sigs`); the default's
//! have none. Adding a language is one folder of `.ftl` files and one line
//! in `LANGUAGES`.

#[cfg(feature = "ssr")]
use std::borrow::Cow;
#[cfg(feature = "ssr")]
use std::collections::HashMap;
#[cfg(feature = "ssr")]
use std::sync::LazyLock;

pub use fluent_templates::fluent_bundle::FluentValue;
#[cfg(feature = "ssr")]
pub use fluent_templates::LanguageIdentifier;
#[cfg(feature = "ssr")]
use fluent_templates::Loader;

#[cfg(feature = "ssr")]
fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Both languages run left to right: no isolation marks around values.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language of the interface: its tag, its name in itself (for the
/// switch) and the locale its dates and numbers follow. The first is the
/// default.
pub struct LanguageInfo {
    pub tag: &'static str,
    pub own_name: &'static str,
    /// English pages write dates the international way (24-hour clock,
    /// day before month): a community that meets across time zones.
    pub formats: &'static str,
}

pub const LANGUAGES: &[LanguageInfo] = &[
    LanguageInfo {
        tag: "en",
        own_name: "English",
        formats: "en-GB",
    },
    LanguageInfo {
        tag: "zh-CN",
        own_name: "简体中文",
        formats: "zh-CN",
    },
];

/// The cookie that remembers a visitor's choice.
pub const COOKIE: &str = "sigpost_lang";

#[cfg(feature = "ssr")]
static IDS: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|language| language.tag.parse().unwrap_or_default())
        .collect()
});

/// One of `LANGUAGES`, by its place in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Language(usize);

impl Language {
    pub fn all() -> impl Iterator<Item = Language> {
        (0..LANGUAGES.len()).map(Language)
    }

    /// A language by its tag, in any letter case (`zh-cn` too).
    pub fn parse(tag: &str) -> Option<Language> {
        LANGUAGES
            .iter()
            .position(|language| language.tag.eq_ignore_ascii_case(tag))
            .map(Language)
    }

    pub fn tag(self) -> &'static str {
        LANGUAGES[self.0].tag
    }

    pub fn own_name(self) -> &'static str {
        LANGUAGES[self.0].own_name
    }

    /// The locale of this language's dates and numbers.
    pub fn formats(self) -> &'static str {
        LANGUAGES[self.0].formats
    }

    /// A person's stored choice (`people.language`), the default when
    /// they made none or it is no longer offered.
    pub fn stored(tag: Option<&str>) -> Language {
        tag.and_then(Language::parse).unwrap_or_default()
    }

    pub fn is_default(self) -> bool {
        self.0 == 0
    }

    /// The path prefix of this language's pages: "" or "/zh-CN".
    pub fn prefix(self) -> String {
        if self.is_default() {
            String::new()
        } else {
            format!("/{}", self.tag())
        }
    }

    /// `path` (a site path such as `/sigs`) in this language.
    pub fn href(self, path: &str) -> String {
        match (self.is_default(), path) {
            (true, _) => path.to_owned(),
            (false, "/") => self.prefix(),
            (false, _) => format!("{}{path}", self.prefix()),
        }
    }

    /// The language a path is in, and the path without its prefix.
    pub fn of_path(path: &str) -> (Language, &str) {
        for language in Language::all().filter(|language| !language.is_default()) {
            let prefix = language.prefix();
            if let Some(rest) = path.strip_prefix(prefix.as_str()) {
                if rest.is_empty() {
                    return (language, "/");
                }
                if rest.starts_with('/') {
                    return (language, rest);
                }
            }
        }
        (Language::default(), path)
    }

    /// The message `key` in this language.
    #[cfg(feature = "ssr")]
    pub fn text(self, key: &str) -> String {
        LOCALES.lookup(&IDS[self.0], key)
    }

    /// The message `key` with its arguments, in this language.
    #[cfg(feature = "ssr")]
    pub fn text_with(self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        LOCALES.lookup_with_args(&IDS[self.0], key, &args)
    }

    /// The language's identifier, for negotiating with a browser's list.
    #[cfg(feature = "ssr")]
    pub fn id(self) -> LanguageIdentifier {
        IDS[self.0].clone()
    }

    /// In the browser only islands render, and they get their words as
    /// props: the messages stay on the server (none in the wasm), and a key
    /// showing here would be an island asking for one.
    #[cfg(not(feature = "ssr"))]
    pub fn text(self, key: &str) -> String {
        key.to_owned()
    }

    #[cfg(not(feature = "ssr"))]
    pub fn text_with(self, key: &str, _args: &[(&'static str, FluentValue<'static>)]) -> String {
        key.to_owned()
    }
}

/// Words an island shows, translated on the server and sent as a prop
/// (the browser has no translations): message key → text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Words(std::collections::BTreeMap<String, String>);

impl Words {
    /// The messages `keys` in the request's language.
    pub fn of(keys: &[&str]) -> Words {
        Words(keys.iter().map(|key| ((*key).to_owned(), t(key))).collect())
    }

    /// The text of `key`, or the key itself if it was not sent.
    pub fn get(&self, key: &str) -> String {
        self.0.get(key).cloned().unwrap_or_else(|| key.to_owned())
    }

    /// A text sent with `{name}` markers, with the markers filled in.
    pub fn fill(&self, key: &str, values: &[(&str, String)]) -> String {
        values.iter().fold(self.get(key), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
    }
}

/// The language of the request being served (the default outside one, and
/// in the browser, where islands get their words as props).
pub fn language() -> Language {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Language>().copied())
        .unwrap_or_default()
}

/// The message `key` in the request's language.
pub fn t(key: &str) -> String {
    language().text(key)
}

/// The message `key` with arguments, in the request's language.
pub fn t_with(key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    language().text_with(key, args)
}

/// A message with a link inside, as the text before and after its
/// `{ $link }` (where the link goes is the translator's choice).
pub fn t_around(key: &str) -> (String, String) {
    // A private-use character no translation contains.
    const MARK: &str = "\u{E000}";
    let text = t_with(key, &[("link", FluentValue::from(MARK))]);
    match text.split_once(MARK) {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (text, String::new()),
    }
}

/// A site path in the request's language.
pub fn href(path: &str) -> String {
    language().href(path)
}

/// Sends the browser on to `path`, in the request's language.
#[cfg(feature = "ssr")]
pub fn redirect(path: &str) {
    leptos_axum::redirect(&href(path));
}

pub mod format;
#[cfg(all(test, feature = "ssr"))]
mod tests;
