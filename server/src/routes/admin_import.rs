//! The admins' upload of a community file: `POST /admin/import/upload` keeps
//! the file with its dry run and shows it at `/admin/import/{id}`;
//! `POST /admin/import/{id}/apply` applies it. Plain form posts (a file
//! does not fit a server function's form encoding), so they work without
//! JavaScript; the cross-site write check covers them like every form.

use app::auth::CurrentAccount;
use app::errors::AppError;
use app::models::import::{ImportOutcome, UploadProblem, UPLOAD_MAX_BYTES};
use app::state::AppState;
use app::store::import::{ImportMode, ImportReport};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use clap::ValueEnum;
use tower_http::limit::RequestBodyLimitLayer;

use crate::config::ImportFormat;

/// The upload routes, with a body limit of their own (the site's is 64 KiB).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/import/upload", post(upload))
        .route("/admin/import/{id}/apply", post(apply))
        .layer(DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(UPLOAD_MAX_BYTES + 64 * 1024))
}

/// The uploaded file's name and text, and the chosen format.
struct Upload {
    file_name: String,
    text: String,
    format: ImportFormat,
}

/// Reads every field first, so a refusal can give the chosen format back.
/// The format as sent comes back with the problem.
async fn read_upload(mut form: Multipart) -> Result<Upload, (UploadProblem, String)> {
    let (mut file, mut format) = (None, String::from("sigs-yaml"));
    let mut problem = None;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return Err((UploadProblem::Unreadable, format)),
        };
        match field.name() {
            Some("file") => {
                let name = field
                    .file_name()
                    .unwrap_or("upload")
                    .chars()
                    .take(200)
                    .collect::<String>();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes)),
                    Err(_) => problem = Some(UploadProblem::Unreadable),
                }
            }
            Some("format") => format = field.text().await.unwrap_or_default().trim().to_owned(),
            _ => {}
        }
    }
    let checked = problem.map_or_else(|| check_upload(file, &format), Err);
    checked.map_err(|problem| (problem, format))
}

fn check_upload(
    file: Option<(String, axum::body::Bytes)>,
    format: &str,
) -> Result<Upload, UploadProblem> {
    let format = ImportFormat::from_str(format, true).map_err(|_| UploadProblem::UnknownFormat)?;
    let (file_name, bytes) = file.ok_or(UploadProblem::NoFile)?;
    if bytes.len() > UPLOAD_MAX_BYTES {
        return Err(UploadProblem::TooLarge);
    }
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| UploadProblem::NotText)?;
    if text.trim().is_empty() {
        return Err(UploadProblem::NoFile);
    }
    if text.chars().any(app::escape::is_unwanted_control) {
        return Err(UploadProblem::ControlCharacter);
    }
    Ok(Upload {
        file_name,
        text,
        format,
    })
}

/// Whether a browser posted the form (it accepts HTML): it is sent back to
/// the form, which shows the problem; other clients get a 400 that says it.
fn from_a_browser(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

fn format_name(format: ImportFormat) -> String {
    format
        .to_possible_value()
        .map(|value| value.get_name().to_owned())
        .unwrap_or_default()
}

/// Reads the file and runs it in `mode`; problems become the outcome's errors.
async fn outcome(
    state: &AppState,
    format: ImportFormat,
    text: &str,
    mode: ImportMode,
) -> Result<ImportOutcome, AppError> {
    let read = match crate::import::read(format, text) {
        Ok(read) => read,
        Err(problems) => {
            return Ok(ImportOutcome {
                errors: problems.lines().map(str::to_owned).collect(),
                ..ImportOutcome::default()
            })
        }
    };
    let ImportReport {
        created,
        updated,
        unchanged,
    } = app::store::import::run(&state.db, &read.community, mode).await?;
    Ok(ImportOutcome {
        created,
        updated,
        unchanged,
        warnings: read.warnings,
        notes: read.notes,
        errors: Vec::new(),
    })
}

async fn upload(
    State(state): State<AppState>,
    who: CurrentAccount,
    headers: HeaderMap,
    form: Multipart,
) -> Result<Response, AppError> {
    let person = who.admin()?.id;
    let upload = match read_upload(form).await {
        Ok(upload) => upload,
        Err((problem, format)) if from_a_browser(&headers) => {
            let back = format!(
                "/admin/import?problem={}&format={}",
                problem.code(),
                form_urlencoded::byte_serialize(format.as_bytes()).collect::<String>()
            );
            return Ok(Redirect::to(&back).into_response());
        }
        Err((problem, _)) => return Err(AppError::Rejected(problem.message().to_owned())),
    };
    let dry_run = outcome(&state, upload.format, &upload.text, ImportMode::DryRun).await?;
    let id = app::store::import_previews::create(
        &state.db,
        person,
        &upload.file_name,
        &format_name(upload.format),
        &upload.text,
        &dry_run,
    )
    .await?;
    Ok(Redirect::to(&format!("/admin/import/{id}")).into_response())
}

async fn apply(
    State(state): State<AppState>,
    who: CurrentAccount,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    who.admin()?;
    let back = Redirect::to(&format!("/admin/import/{id}")).into_response();
    // Unknown, or applied already: the page says which.
    let Some((format, text)) = app::store::import_previews::pending_source(&state.db, id).await?
    else {
        return Ok(back);
    };
    let format = ImportFormat::from_str(&format, true)
        .map_err(|_| AppError::Rejected("This upload's format is no longer known.".to_owned()))?;
    let applied = outcome(&state, format, &text, ImportMode::Apply).await?;
    // A file that cannot be imported stays a dry run with its problems.
    if applied.errors.is_empty() {
        app::store::import_previews::mark_applied(&state.db, id, &applied).await?;
    }
    Ok(back)
}
