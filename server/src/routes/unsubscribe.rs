//! `POST /unsubscribe/one-click?token=…&list=…`: the address in an e-mail's
//! `List-Unsubscribe` header. Mail clients post `List-Unsubscribe=One-Click`
//! to it (RFC 8058) and show no page, so it answers in a line of text. The
//! link in the e-mail's text goes to the `/unsubscribe` page instead.

use app::models::mail_preferences::MailList;
use app::state::AppState;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new().route("/unsubscribe/one-click", post(one_click))
}

#[derive(Deserialize)]
struct Link {
    token: String,
    list: String,
}

#[derive(Deserialize)]
struct OneClick {
    #[serde(rename = "List-Unsubscribe", default)]
    list_unsubscribe: String,
}

async fn one_click(
    State(state): State<AppState>,
    Query(link): Query<Link>,
    Form(body): Form<OneClick>,
) -> Response {
    if body.list_unsubscribe != "One-Click" {
        return (
            StatusCode::BAD_REQUEST,
            "Post List-Unsubscribe=One-Click to unsubscribe.\n",
        )
            .into_response();
    }
    let Some(list) = MailList::parse(&link.list) else {
        return (StatusCode::NOT_FOUND, "No such list.\n").into_response();
    };
    match app::store::mail_preferences::set_subscribed(&state.db, &link.token, list, false).await {
        Ok(true) => (StatusCode::OK, "Unsubscribed.\n").into_response(),
        Ok(false) => (StatusCode::NOT_FOUND, "This unsubscribe link is unknown.\n").into_response(),
        Err(error) => {
            tracing::error!(%error, "could not unsubscribe");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
