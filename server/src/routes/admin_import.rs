//! The admins' upload of a community file: `POST /admin/import/upload` keeps
//! the file with its dry run and shows it at `/admin/import/{id}`;
//! `POST /admin/import/{id}/apply` applies it. Plain form posts (a file
//! does not fit a server function's form encoding), so they work without
//! JavaScript; the cross-site write check covers them like every form.

use app::auth::CurrentAccount;
use app::errors::AppError;
use app::models::import::{ImportOutcome, UPLOAD_MAX_BYTES};
use app::state::AppState;
use app::store::import::{ImportMode, ImportReport};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
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

/// A refusal of the upload itself, in the words the admin reads.
fn bad_request(message: &str) -> AppError {
    AppError::Rejected(message.to_owned())
}

/// The uploaded file's name and text, and the chosen format.
struct Upload {
    file_name: String,
    text: String,
    format: ImportFormat,
}

async fn read_upload(mut form: Multipart) -> Result<Upload, AppError> {
    let (mut file, mut format) = (None, ImportFormat::SigsYaml);
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                return Err(bad_request(
                    "The upload could not be read; please send the form again.",
                ))
            }
        };
        match field.name() {
            Some("file") => {
                let name = field
                    .file_name()
                    .unwrap_or("upload")
                    .chars()
                    .take(200)
                    .collect::<String>();
                let bytes = field.bytes().await.map_err(|_| {
                    bad_request("The file could not be read; please send the form again.")
                })?;
                if bytes.len() > UPLOAD_MAX_BYTES {
                    return Err(bad_request("The file is larger than 4 MB."));
                }
                let text = String::from_utf8(bytes.to_vec()).map_err(|error| {
                    bad_request(&format!(
                        "The file is not UTF-8 text (first bad byte at offset {}).",
                        error.utf8_error().valid_up_to()
                    ))
                })?;
                file = Some((name, text));
            }
            Some("format") => {
                let value = field.text().await.unwrap_or_default();
                format = ImportFormat::from_str(value.trim(), true).map_err(|_| {
                    bad_request("Choose sigs.yaml or a KubeSphere SIG table as the format.")
                })?;
            }
            _ => {}
        }
    }
    let Some((file_name, text)) = file.filter(|(_, text)| !text.trim().is_empty()) else {
        return Err(bad_request("Choose a file to import."));
    };
    if text.chars().any(app::escape::is_unwanted_control) {
        return Err(bad_request(
            "The file contains a control character (such as NUL), which no field accepts.",
        ));
    }
    Ok(Upload {
        file_name,
        text,
        format,
    })
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
    form: Multipart,
) -> Result<Response, AppError> {
    let person = who.admin()?.id;
    let upload = read_upload(form).await?;
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
        .map_err(|_| bad_request("This upload's format is no longer known."))?;
    let applied = outcome(&state, format, &text, ImportMode::Apply).await?;
    // A file that cannot be imported stays a dry run with its problems.
    if applied.errors.is_empty() {
        app::store::import_previews::mark_applied(&state.db, id, &applied).await?;
    }
    Ok(back)
}
