//! The read-only JSON API, `/api/v1/…`: SIGs, one SIG, the people who lead
//! them, roadmap items and meetings, described by `/api/v1/openapi.json`.
//! Answers carry an ETag (a matching If-None-Match gets 304) and may be read
//! from any origin (CORS for GET). E-mail addresses never appear: the types
//! below have no field for them.

use std::collections::BTreeMap;

use app::errors::AppError;
use app::models::meeting::SeriesView;
use app::models::roadmap::RoadmapCard;
use app::models::sig::{NamedLink, SigSummary, SigTeam, Subproject};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tower_http::cors::{Any, CorsLayer};

mod openapi;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/sigs", get(sigs))
        .route("/api/v1/sigs/{slug}", get(sig))
        .route("/api/v1/people", get(people))
        .route("/api/v1/roadmap", get(roadmap))
        .route("/api/v1/meetings", get(meetings))
        .layer(
            CorsLayer::new()
                .allow_origin(Any)
                .allow_methods([Method::GET, Method::HEAD])
                .allow_headers([header::IF_NONE_MATCH])
                .expose_headers([header::ETAG]),
        )
}

#[derive(Serialize)]
struct ApiLead {
    name: String,
    github: Option<String>,
    role: &'static str,
}

#[derive(Serialize)]
struct ApiSig {
    slug: String,
    name: String,
    kind: &'static str,
    description: String,
    chat: Option<NamedLink>,
    leads: Vec<ApiLead>,
    page_url: String,
    roadmap_url: String,
    calendar_url: String,
}

#[derive(Serialize)]
struct ApiSigDetail {
    #[serde(flatten)]
    sig: ApiSig,
    mission: String,
    archived: bool,
    mailing_list_url: Option<String>,
    meeting_notes_url: Option<String>,
    recordings_url: Option<String>,
    teams: Vec<SigTeam>,
    subprojects: Vec<Subproject>,
    meetings: Vec<SeriesView>,
    roadmap: Vec<RoadmapCard>,
    health_url: String,
    annual_reports: Vec<ApiReport>,
}

/// A published annual report: its page and its markdown.
#[derive(Serialize)]
struct ApiReport {
    year: i64,
    url: String,
    markdown_url: String,
}

#[derive(Serialize)]
struct ApiPerson {
    name: String,
    github: Option<String>,
    leads: Vec<ApiRole>,
}

#[derive(Serialize)]
struct ApiRole {
    sig: String,
    role: &'static str,
}

fn api_sig(base: &str, sig: SigSummary) -> ApiSig {
    let page_url = format!("{base}/sigs/{}", sig.slug);
    ApiSig {
        roadmap_url: format!("{page_url}/roadmap"),
        calendar_url: format!("{page_url}/meetings.ics"),
        page_url,
        kind: sig.kind.as_str(),
        leads: sig
            .leads
            .into_iter()
            .map(|lead| ApiLead {
                name: lead.display_name,
                github: lead.github_handle,
                role: lead.role.as_str(),
            })
            .collect(),
        slug: sig.slug,
        name: sig.name,
        description: sig.description,
        chat: sig.chat_channel,
    }
}

/// An API refusal: the error's status and headers (`AppError::apply_to`,
/// as every route), its message as JSON: `{"error": "…"}`.
struct Problem(AppError);

impl<E: Into<AppError>> From<E> for Problem {
    fn from(error: E) -> Self {
        Problem(error.into())
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = axum::Json(serde_json::json!({ "error": self.0.to_string() }));
        let (mut parts, body) = body.into_response().into_parts();
        self.0.apply_to(&mut parts, false);
        Response::from_parts(parts, body)
    }
}

type Answer = Result<Response, Problem>;

/// A JSON answer with its ETag, or 304 when the client has it already.
fn json_with_etag(request: &HeaderMap, value: &impl Serialize) -> Answer {
    let body = serde_json::to_vec(value).map_err(|error| {
        tracing::error!(%error, "an API answer could not be written");
        AppError::Internal
    })?;
    let etag = format!("\"{}\"", &hex::encode(Sha256::digest(&body))[..32]);
    let matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|wanted| {
            wanted
                .split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        });
    let etag = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"\""));
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response());
    }
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::ETAG, etag),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=60"),
            ),
        ],
        body,
    )
        .into_response())
}

async fn sigs(State(state): State<AppState>, headers: HeaderMap) -> Answer {
    let sigs: Vec<ApiSig> = app::store::sigs::list_active(&state.db)
        .await?
        .into_iter()
        .map(|sig| api_sig(&state.site.public_url, sig))
        .collect();
    json_with_etag(&headers, &sigs)
}

async fn sig(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Answer {
    let now = state.clock.now();
    let detail = app::store::sigs::find_by_slug(&state.db, &slug, str::to_owned)
        .await?
        .ok_or_else(AppError::no_such_sig)?;
    let series = app::store::meetings::series_of_sig(&state.db, &slug).await?;
    let board = app::store::roadmap::board(
        &state.db,
        &slug,
        state.clock.this_month(),
        state.clock.unix_seconds(),
    )
    .await?;
    let page_url = format!("{}/sigs/{slug}", state.site.public_url);
    let annual_reports = detail
        .reports
        .iter()
        .map(|&year| ApiReport {
            year,
            url: format!("{page_url}/reports/{year}"),
            markdown_url: format!("{page_url}/reports/{year}/report.md"),
        })
        .collect();
    let body = ApiSigDetail {
        health_url: format!("{page_url}/health"),
        annual_reports,
        sig: api_sig(&state.site.public_url, detail.summary),
        mission: detail.mission_html,
        archived: detail.archived,
        mailing_list_url: detail.mailing_list_url,
        meeting_notes_url: detail.meeting_notes_url,
        recordings_url: detail.recordings_url,
        teams: detail.teams,
        subprojects: detail.subprojects,
        meetings: series.iter().map(|stored| stored.view(now)).collect(),
        roadmap: board.map(|board| board.cards).unwrap_or_default(),
    };
    json_with_etag(&headers, &body)
}

/// Everyone who leads an active SIG, with their SIGs and roles.
async fn people(State(state): State<AppState>, headers: HeaderMap) -> Answer {
    let mut people: BTreeMap<(String, Option<String>), Vec<ApiRole>> = BTreeMap::new();
    for sig in app::store::sigs::list_active(&state.db).await? {
        for lead in sig.leads {
            people
                .entry((lead.display_name, lead.github_handle))
                .or_default()
                .push(ApiRole {
                    sig: sig.slug.clone(),
                    role: lead.role.as_str(),
                });
        }
    }
    let people: Vec<ApiPerson> = people
        .into_iter()
        .map(|((name, github), leads)| ApiPerson {
            name,
            github,
            leads,
        })
        .collect();
    json_with_etag(&headers, &people)
}

async fn roadmap(State(state): State<AppState>, headers: HeaderMap) -> Answer {
    let cards = app::store::roadmap::community(&state.db, state.clock.this_month()).await?;
    json_with_etag(&headers, &cards)
}

async fn meetings(State(state): State<AppState>, headers: HeaderMap) -> Answer {
    let now = state.clock.now();
    let series = app::store::meetings::series_of_active_sigs(&state.db).await?;
    let views: Vec<SeriesView> = series.iter().map(|stored| stored.view(now)).collect();
    json_with_etag(&headers, &views)
}
