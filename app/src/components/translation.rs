//! The part of an edit form that holds a text in another language than the
//! default (a SIG's mission in Chinese, a guidance page): set apart in its
//! own fieldset, each field labelled with its language.

use leptos::prelude::*;

use crate::i18n::{t, t_with, FluentValue, Language};

/// A fieldset for the fields of `language`, saying that empty ones leave
/// the default's text on that language's pages.
#[component]
pub fn TranslationFieldset(language: Language, children: Children) -> impl IntoView {
    let name = || [("language", FluentValue::from(language.own_name()))];
    view! {
        <fieldset class="form-section" lang=language.tag()>
            <legend>{t_with("translation-heading", &name())}</legend>
            <p class="field-hint">{t_with("translation-hint", &name())}</p>
            {children()}
        </fieldset>
    }
}

/// The note on a page that shows some of its community text in the
/// default language, for want of a translation.
#[component]
pub fn UntranslatedNote() -> impl IntoView {
    let language = crate::i18n::language().own_name();
    view! {
        <p class="notice notice-untranslated">
            {t_with("content-untranslated", &[("language", FluentValue::from(language))])}
        </p>
    }
}

/// The `lang` of a text shown in the default language on another
/// language's page (so screen readers read it right); none otherwise.
pub fn lang_if_default(shown_in_default: bool) -> Option<&'static str> {
    shown_in_default.then(|| Language::default().tag())
}

/// The label of field `key` in `language`: "Mission (简体中文)", so labels
/// stay unique on the page.
pub fn label_in(language: Language, key: &str) -> String {
    t_with(
        "translated-field",
        &[
            ("field", t(key).into()),
            ("language", FluentValue::from(language.own_name())),
        ],
    )
}

/// The form name and error key of field `field` of `language`'s texts:
/// `form[translations][zh-CN][mission]`, `translations.zh-CN.mission`.
pub fn names(language: Language, field: &str) -> (String, String) {
    let tag = language.tag();
    (
        format!("form[translations][{tag}][{field}]"),
        format!("translations.{tag}.{field}"),
    )
}
