//! The part of a page that loads one thing from the server: a loading line
//! while it loads, the 404 page for something that is not there, the error
//! (or, on editing pages, why the visitor may not edit) for any other
//! failure, and the page itself once the value is there.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::components::error_notice::{EditRefused, ErrorNotice};
use crate::errors::AppError;
use crate::routes::not_found::NotFound;

#[component]
pub fn PageLoader<T, F>(
    resource: Resource<Result<T, AppError>>,
    /// What the page shows with the loaded value.
    show: F,
    /// The loading line; "Loading…" when not given.
    #[prop(optional, into)]
    loading: Option<String>,
    /// The title of an editing page: a refusal then says who may edit.
    #[prop(optional, into)]
    editing: Option<String>,
    /// Keep showing the page while it reloads after an action (a
    /// `Transition`), rather than the loading line.
    #[prop(optional)]
    keep_while_reloading: bool,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> AnyView + Clone + Send + Sync + 'static,
{
    let loading = loading.unwrap_or_else(|| crate::i18n::t("loading"));
    let content = move || {
        let show = show.clone();
        let editing = editing.clone();
        Suspend::new(async move {
            match resource.await {
                Ok(value) => show(value),
                Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                Err(error) => match editing {
                    Some(title) => view! { <EditRefused title error /> }.into_any(),
                    None => view! { <ErrorNotice error /> }.into_any(),
                },
            }
        })
    };
    let fallback = move || view! { <p class="loading">{loading.clone()}</p> };
    if keep_while_reloading {
        view! { <Transition fallback>{content}</Transition> }.into_any()
    } else {
        view! { <Suspense fallback>{content}</Suspense> }.into_any()
    }
}
