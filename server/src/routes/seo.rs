//! `/robots.txt` and `/sitemap.xml`, with absolute addresses from the
//! configured public URL, and `/favicon.ico` for browsers that ask for it.

use app::errors::AppError;
use app::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(sitemap))
        // Browsers ask for /favicon.ico whatever the page links.
        .route(
            "/favicon.ico",
            get(|| async { Redirect::permanent("/favicon.svg") }),
        )
}

async fn robots(State(state): State<AppState>) -> Response {
    let mut body = String::from("User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /metrics\n");
    // A person's own pages, one-time links and endless search pages, in
    // every language.
    for language in app::i18n::Language::all() {
        for path in [
            "/admin",
            "/account/",
            "/my/",
            "/leave",
            "/still-active",
            "/join/confirm",
            "/search",
        ] {
            body.push_str(&format!("Disallow: {}\n", language.href(path)));
        }
    }
    body.push_str(&format!(
        "\nSitemap: {}/sitemap.xml\n",
        &state.site.public_url
    ));
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

async fn sitemap(State(state): State<AppState>) -> Result<Response, AppError> {
    let slugs = app::store::sigs::active_slugs(&state.db).await?;
    let pages = app::store::pages::list_pages(&state.db, |_| String::new()).await?;
    let mut paths: Vec<String> = vec![
        "/".into(),
        "/sigs".into(),
        "/roadmap".into(),
        "/join".into(),
        "/channels".into(),
        "/health".into(),
        "/guidance".into(),
    ];
    for slug in slugs {
        paths.push(format!("/sigs/{slug}"));
        paths.push(format!("/sigs/{slug}/roadmap"));
    }
    paths.extend(
        pages
            .into_iter()
            .map(|page| format!("/guidance/{}", page.slug)),
    );
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    // Every page in every language.
    for path in paths {
        for language in app::i18n::Language::all() {
            body.push_str(&format!(
                "  <url><loc>{}</loc></url>\n",
                app::escape::xml_escaped(&format!(
                    "{}{}",
                    &state.site.public_url,
                    language.href(&path)
                ))
            ));
        }
    }
    body.push_str("</urlset>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        body,
    )
        .into_response())
}
