//! `POST /preferences/theme`: remembers light, dark or the system's choice in
//! a cookie. `POST /preferences/language`: remembers the language and goes
//! back to the same page in it. Plain form posts, so they work without
//! JavaScript; pages are rendered with the choice, so nothing flashes.

use axum::extract::Form;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Router};
use serde::Deserialize;

use app::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/preferences/theme", post(set_theme))
        .route("/preferences/language", post(set_language))
}

#[derive(Deserialize)]
struct ThemeForm {
    theme: String,
}

async fn set_theme(
    headers: HeaderMap,
    Extension(language): Extension<app::i18n::Language>,
    Form(form): Form<ThemeForm>,
) -> Response {
    let Some(theme) = app::theme::Theme::parse(&form.theme) else {
        return (StatusCode::BAD_REQUEST, language.text("refused-theme")).into_response();
    };
    let cookie = match theme {
        app::theme::Theme::System => {
            format!("{}=; Path=/; Max-Age=0; SameSite=Lax", app::theme::COOKIE)
        }
        chosen => format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            app::theme::COOKIE,
            chosen.as_str()
        ),
    };
    let mut response = Redirect::to(&back_to(&headers)).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[derive(Deserialize)]
struct LanguageForm {
    lang: String,
    /// The page, without its language prefix.
    #[serde(default)]
    path: String,
}

async fn set_language(
    Extension(current): Extension<app::i18n::Language>,
    Form(form): Form<LanguageForm>,
) -> Response {
    use app::i18n::Language;
    let Some(language) = Language::parse(&form.lang) else {
        return (StatusCode::BAD_REQUEST, current.text("refused-language")).into_response();
    };
    // Only this site's paths: never a way to send someone elsewhere.
    let path = Some(form.path.as_str())
        .filter(|path| path.starts_with('/') && !path.starts_with("//") && !path.contains('\\'))
        .map_or("/", |path| Language::of_path(path).1);
    let cookie = format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        app::i18n::COOKIE,
        language.tag()
    );
    let location = HeaderValue::from_str(&language.href(path))
        .unwrap_or_else(|_| HeaderValue::from_static("/"));
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// The page the form was on, if it was this site's; else the home page.
fn back_to(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| referer.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.strip_prefix(host))
        .filter(|path| path.starts_with('/') && !path.starts_with("//"))
        .unwrap_or("/")
        .to_owned()
}
