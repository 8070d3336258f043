//! The one island on every page: it marks the page as hydrated (tests and
//! styles can tell) and brings keyboard focus back after a form post.
//!
//! Forms are plain posts that come back to the same page, which the browser
//! loads afresh with focus at the top. So before a form is sent, the id of
//! the button that sent it is kept in the session; when the same page loads
//! again, that button gets the focus back.

use leptos::prelude::*;

#[island]
pub fn PageScript() -> impl IntoView {
    // Effects run only in the browser, once the island is hydrated.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
        #[cfg(feature = "hydrate")]
        browser::restore_focus();
    });
    #[cfg(feature = "hydrate")]
    let _ = window_event_listener(leptos::ev::submit, |event| {
        browser::remember_submitter(&event)
    });
}

#[cfg(feature = "hydrate")]
pub(crate) mod browser {
    use leptos::prelude::{document, window};
    use leptos::wasm_bindgen::JsCast;
    use web_sys::{HtmlElement, SubmitEvent};

    const KEY: &str = "sigpost-focus";

    /// Keeps "path id" of the pressed button (only buttons with an id).
    pub fn remember_submitter(event: &SubmitEvent) {
        let Some(id) = event
            .submitter()
            .map(|button| button.id())
            .filter(|id| !id.is_empty())
        else {
            return;
        };
        if let (Some(storage), Ok(path)) = (storage(), window().location().pathname()) {
            let _ = storage.set_item(KEY, &format!("{path} {id}"));
        }
    }

    /// Forgets the pressed button: its form was sent without leaving the page.
    pub(crate) fn forget_submitter() {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(KEY);
        }
    }

    /// Focuses the remembered button if this is the page it was pressed on.
    pub fn restore_focus() {
        let Some(storage) = storage() else { return };
        let Ok(Some(kept)) = storage.get_item(KEY) else {
            return;
        };
        let _ = storage.remove_item(KEY);
        let Some((path, id)) = kept.split_once(' ') else {
            return;
        };
        if window().location().pathname().ok().as_deref() != Some(path) {
            return;
        }
        // A refused form's summary has the focus already: it says what to fix.
        if document().get_element_by_id("error-summary").is_some() {
            return;
        }
        focus_button_or_twin(id);
    }

    /// Focuses the button with `id`; for a disabled arrow at the end of its
    /// column, its twin (↑ for ↓).
    pub(crate) fn focus_button_or_twin(id: &str) {
        let twin = id
            .strip_suffix("-up")
            .map(|item| format!("{item}-down"))
            .or_else(|| id.strip_suffix("-down").map(|item| format!("{item}-up")));
        let focusable = |id: &str| {
            document()
                .get_element_by_id(id)
                .and_then(|element| element.dyn_into::<HtmlElement>().ok())
                .filter(|element| !element.has_attribute("disabled"))
        };
        if let Some(element) = focusable(id).or_else(|| twin.as_deref().and_then(focusable)) {
            let _ = element.focus();
        }
    }

    fn storage() -> Option<web_sys::Storage> {
        window().session_storage().ok().flatten()
    }
}
