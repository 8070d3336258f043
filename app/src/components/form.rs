use leptos::prelude::*;

use crate::errors::AppError;
// tachys writes a textarea's children unescaped.
use crate::components::form_draft::{drafted_or, error_key};
use crate::escape::textarea_text;
use crate::models::fields::Choice;

/// A labelled input whose error text is tied to it (`aria-describedby`), so
/// screen readers announce what to fix.
#[component]
pub fn Field(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The form field's name, as the server function reads it.
    #[prop(into)]
    name: String,
    /// The `id` of the input; unique on the page.
    #[prop(into)]
    id: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional, into)] hint: String,
    /// The `id` of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: &'static str,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] minlength: Option<usize>,
    #[prop(default = true)] required: bool,
    /// The text the field starts with.
    #[prop(optional, into)]
    value: String,
    /// The message to show under the field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let anchor = format!("{}-field", error_key(&name));
    let value = drafted_or(&name, value);
    let has_hint = !hint.is_empty();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" id=anchor class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}{(!required).then(|| crate::i18n::t("field-optional"))}</label>
            {has_hint.then(|| view! { <p class="field-hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                list=(!list.is_empty()).then_some(list)
                maxlength=maxlength
                minlength=minlength
                required=required
                value=value
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// The error of a form's last submission for one field.
pub fn field_error<T: Send + Sync + 'static>(
    value: Signal<Option<Result<T, AppError>>>,
    name: impl Into<String>,
) -> Signal<Option<String>> {
    let name: String = name.into();
    Signal::derive(move || {
        value.with(|v| {
            v.as_ref()
                .and_then(|r| r.as_ref().err())
                .and_then(|e| e.field(&name))
        })
    })
}

/// The summary of a failed submission: what kind of problem it was and,
/// for field errors, a link to each field. It takes the keyboard focus
/// when the page comes back (`autofocus`, so also without JavaScript), and
/// the browser scrolls it into view.
#[component]
pub fn FormError<T: Send + Sync + 'static>(
    value: Signal<Option<Result<T, AppError>>>,
) -> impl IntoView {
    move || {
        value.with(|v| match v {
            Some(Err(error)) => {
                let fields = match error {
                    AppError::Invalid(errors) => errors.0.clone(),
                    _ => Vec::new(),
                };
                Some(view! {
                    <div class="notice notice-error error-summary" id="error-summary" role="alert"
                        tabindex="-1" autofocus=true>
                        <p>{error.message()}</p>
                        {(!fields.is_empty()).then(|| view! {
                            <ul>
                                {fields.into_iter().map(|(field, message)| view! {
                                    <li><a href=format!("#{field}-field")>{message}</a></li>
                                }).collect_view()}
                            </ul>
                        })}
                    </div>
                }
                // Erased: the full type is too deep for release builds.
                .into_any())
            }
            _ => None,
        })
    }
}

/// A labelled multi-line field, for markdown.
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    #[prop(into)] id: String,
    #[prop(optional, into)] hint: String,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(default = 8)] rows: u32,
    /// The text the field starts with.
    value: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = format!("{hint_id} {error_id}");
    let anchor = format!("{}-field", error_key(&name));
    let value = drafted_or(&name, value);
    view! {
        <div class="field" id=anchor class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="field-hint" id=hint_id.clone()>{hint}</p> })}
            <textarea id=id name=name rows=rows maxlength=maxlength
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by>{textarea_text(&value)}</textarea>
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// The field where someone chooses a new password (sign-up, reset, invitation):
/// the same limits and advice everywhere.
#[component]
pub fn NewPasswordField(
    #[prop(into)] label: String,
    id: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    use crate::models::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
    view! {
        <Field label name="form[password]" id kind="password" autocomplete="new-password"
            minlength=PASSWORD_MIN_CHARS maxlength=PASSWORD_MAX_CHARS
            hint=crate::i18n::t("password-hint") error />
    }
}

/// A labelled `<select>` with its error tied to it.
#[component]
pub fn Select(
    #[prop(into)] label: String,
    name: &'static str,
    id: &'static str,
    choices: Vec<Choice>,
    selected: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let anchor = format!("{}-field", error_key(name));
    let selected = drafted_or(name, selected);
    view! {
        <div class="field" id=anchor class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            <select id=id name=name aria-describedby=error_id.clone()
                aria-invalid=move || error.get().is_some().then_some("true")>
                {choices.into_iter().map(|choice| {
                    let is_selected = choice.value == selected;
                    view! { <option value=choice.value selected=is_selected>{choice.label}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// The success message of a form post: the server function answers the
/// browser with a redirect back to the page with `?done=<when>`.
#[component]
pub fn DoneNotice(when: &'static str, #[prop(into)] text: String) -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    move || {
        (query.read().get("done").as_deref() == Some(when)).then(|| {
            view! { <div class="notice notice-success" role="status"><p>{text.clone()}</p></div> }
        })
    }
}
