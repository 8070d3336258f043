//! The "Sign in with GitHub" buttons and what the sign-in and account
//! pages say when a provider's answer was refused. Plain form posts, so
//! they work the same with and without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::site_name::SiteName;
use crate::i18n::{href, t, t_with};
use crate::models::identity::{SignInOption, SignInProblem};

/// A button per configured provider; nothing when none is configured.
/// `next` is where to land afterwards; `linking` links the provider to
/// the signed-in account instead of signing in; `lead` is the message key
/// of the line above the buttons.
#[component]
pub fn SignInWith(
    #[prop(into)] next: Signal<String>,
    #[prop(optional)] linking: bool,
    #[prop(default = "sign-in-with-or")] lead: &'static str,
) -> impl IntoView {
    let site = use_context::<SiteName>();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let options = match site {
                    Some(site) => site.0.await.map(|info| info.sign_in_with).unwrap_or_default(),
                    None => Vec::new(),
                };
                (!options.is_empty()).then(|| view! {
                    <div class="sign-in-with">
                        {(!linking).then(|| view! { <p class="form-aside">{t(lead)}</p> })}
                        {options.into_iter().map(|option| view! {
                            <ProviderButton option next=next.get_untracked() linking />
                        }).collect_view()}
                    </div>
                })
            })}
        </Suspense>
    }
}

#[component]
fn ProviderButton(option: SignInOption, next: String, linking: bool) -> impl IntoView {
    let action = href(&format!("/auth/{}/start", option.provider.key()));
    let key = if linking {
        "sign-in-with-link"
    } else {
        "sign-in-with"
    };
    let label = t_with(key, &[("provider", option.label.into())]);
    view! {
        <form method="post" action=action class="inline-form">
            <input type="hidden" name="next" value=next />
            {linking.then(|| view! { <input type="hidden" name="link" value="1" /> })}
            <button type="submit" class="button button-secondary">{label}</button>
        </form>
    }
}

/// The refusal named by `?problem=`, answered with its status; nothing
/// for any other text (an address cannot make the page say anything else).
#[component]
pub fn SignInProblemNotice() -> impl IntoView {
    let query = use_query_map();
    let problem = move || {
        query
            .read()
            .get("problem")
            .and_then(|key| SignInProblem::parse(&key))
    };
    #[cfg(feature = "ssr")]
    {
        let response = use_context::<leptos_axum::ResponseOptions>();
        if let (Some(problem), Some(response)) = (problem(), response) {
            if let Ok(status) = http::StatusCode::from_u16(problem.status()) {
                response.set_status(status);
            }
        }
    }
    move || {
        problem().map(|problem| view! {
            <div class="notice notice-error" role="alert"><p>{t(problem.message_key())}</p></div>
        })
    }
}
