//! The Content-Security-Policy of every page, built around the per-request
//! nonce Leptos puts on its inline hydration script (server only).

use leptos::config::Env;
use leptos::nonce::use_nonce;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

/// Sets the page's CSP header. Scripts run only from this origin or with this
/// request's nonce; wasm may compile; nothing may frame the page.
pub fn set_content_security_policy(options: &LeptosOptions) {
    let (Some(nonce), Some(response)) = (use_nonce(), use_context::<ResponseOptions>()) else {
        return;
    };
    // `cargo leptos watch` reloads the page over a websocket.
    let connect = if options.env == Env::DEV {
        "'self' ws: wss:"
    } else {
        "'self'"
    };
    // A sign-in form's answer redirects to the provider, and browsers
    // hold redirects after a form post to `form-action` too.
    let providers: String = crate::state::app_state()
        .map(|state| {
            state
                .site
                .sign_in_origins
                .iter()
                .map(|origin| format!(" {origin}"))
                .collect()
        })
        .unwrap_or_default();
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src {connect}; \
         object-src 'none'; base-uri 'self'; form-action 'self'{providers}; frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
