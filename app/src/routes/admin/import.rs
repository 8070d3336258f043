//! `/admin/import`: upload a community file and see what it would change
//! (a dry run), then `/admin/import/:id`: apply it. The upload is a plain
//! multipart form (it carries a file), so it works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::imports::{load_import_preview, load_import_previews};
use crate::components::error_notice::RefusedNotice;
use crate::components::form::{field_error, FormError};
use crate::errors::{AppError, FieldErrors};
use crate::models::import::{ImportOutcome, ImportPreview, UploadProblem, IMPORT_FORMATS};

#[component]
pub fn ImportPage() -> impl IntoView {
    let previews = Resource::new(|| (), |_| load_import_previews());
    view! {
        <Title text="Import community data" />
        <nav aria-label="Breadcrumb" class="breadcrumb"><a href=crate::i18n::href("/admin")>"Administration"</a></nav>
        <header class="page-header">
            <h1>"Import community data"</h1>
            <p class="lead-text">"Upload a sigs.yaml or a KubeSphere-style SIG table. You see what would change first; nothing is written until you apply it."</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match previews.await {
                    Ok(previews) => view! {
                        <UploadForm />
                        <RecentImports previews />
                    }.into_any(),
                    Err(error) => view! {
                        <RefusedNotice error />
                        <p><a href=crate::i18n::href("/account/sign-in")>"Sign in"</a>" with an administrator account."</p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The upload form. A refused upload comes back here with the problem's code
/// and the chosen format in the address: the summary says what to fix and
/// the format stays chosen (a browser never refills a file field).
#[component]
fn UploadForm() -> impl IntoView {
    let query = use_query_map();
    let problem = Signal::derive(move || {
        let problem = UploadProblem::parse(&query.read().get("problem")?)?;
        let mut errors = FieldErrors::default();
        errors.add(problem.field(), problem.message());
        Some(Err::<(), AppError>(AppError::Invalid(errors)))
    });
    let chosen = query.read_untracked().get("format").unwrap_or_default();
    let file_error = field_error(problem, "file");
    let format_error = field_error(problem, "format");
    view! {
        <FormError value=problem />
        <form class="panel form" method="post" action="/admin/import/upload" enctype="multipart/form-data">
            <div class="field" id="file-field">
                <label for="import-file">"File"</label>
                <input id="import-file" name="file" type="file" required accept=".yaml,.yml,.md,text/plain"
                    aria-invalid=move || file_error.get().is_some().then_some("true") />
                {move || file_error.get().map(|message| view! { <p class="field-error">{message}</p> })}
            </div>
            <div class="field" id="format-field">
                <label for="import-format">"Format"</label>
                <select id="import-format" name="format">
                    {IMPORT_FORMATS.iter().map(|(value, label)| view! {
                        <option value=*value selected=chosen == *value>{*label}</option>
                    }).collect_view()}
                </select>
                {move || format_error.get().map(|message| view! { <p class="field-error">{message}</p> })}
            </div>
            <button class="button" type="submit">"Show what would change"</button>
        </form>
    }
}

#[component]
fn RecentImports(previews: Vec<ImportPreview>) -> impl IntoView {
    (!previews.is_empty()).then(|| view! {
        <section class="section" aria-labelledby="recent-imports">
            <h2 id="recent-imports">"Recent uploads"</h2>
            <ul class="plain-list">
                {previews.into_iter().map(|preview| view! {
                    <li>
                        <a href=crate::i18n::href(&format!("/admin/import/{}", preview.id))>{preview.file_name.clone()}</a>" "
                        <span class="badge">{status_badge(&preview)}</span>
                        <span class="owners">{format!("{} by {}", preview.uploaded_label, preview.uploaded_by)}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    })
}

fn status_badge(preview: &ImportPreview) -> &'static str {
    match (&preview.applied_label, preview.outcome.errors.is_empty()) {
        (Some(_), _) => "applied",
        (None, false) => "cannot be imported",
        (None, true) => "dry run",
    }
}

#[component]
pub fn ImportPreviewPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let preview = Resource::new(id, load_import_preview);
    view! {
        <Title text="Import preview" />
        <nav aria-label="Breadcrumb" class="breadcrumb"><a href=crate::i18n::href("/admin/import")>"Import community data"</a></nav>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match preview.await {
                    Ok(preview) => view! { <PreviewReport preview /> }.into_any(),
                    Err(error) => view! { <RefusedNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PreviewReport(preview: ImportPreview) -> impl IntoView {
    let ImportPreview {
        id,
        file_name,
        uploaded_by,
        uploaded_label,
        applied_label,
        outcome,
        ..
    } = preview;
    let ImportOutcome {
        created,
        updated,
        unchanged,
        warnings,
        notes,
        errors,
    } = outcome;
    let can_apply = applied_label.is_none() && errors.is_empty();
    let summary = match &applied_label {
        Some(at) => format!(
            "Applied {at}: {} created, {} updated, {unchanged} unchanged.",
            created.len(),
            updated.len()
        ),
        None if !errors.is_empty() => {
            "This file cannot be imported; nothing was changed.".to_owned()
        }
        None => format!(
            "Dry run: applying it would create {}, update {} and leave {unchanged} unchanged.",
            created.len(),
            updated.len()
        ),
    };
    view! {
        <header class="page-header">
            <h1>{file_name}</h1>
            <p class="card-meta">{format!("Uploaded {uploaded_label} by {uploaded_by}")}</p>
            <p class="lead-text" role="status">{summary}</p>
        </header>
        {can_apply.then(|| view! {
            <form method="post" action=format!("/admin/import/{id}/apply") class="button-row import-actions">
                <button class="button" type="submit">"Apply this import"</button>
                <a class="button button-secondary" href=crate::i18n::href("/admin/import")>"Upload another file"</a>
            </form>
        })}
        <OutcomeList heading="Problems" items=errors />
        <OutcomeList heading="Warnings" items=warnings />
        <OutcomeList heading="Notes" items=notes />
        <OutcomeList heading="Created" items=created />
        <OutcomeList heading="Updated" items=updated />
    }
}

#[component]
fn OutcomeList(heading: &'static str, items: Vec<String>) -> impl IntoView {
    let id = format!("outcome-{}", heading.to_lowercase());
    let labelled_by = id.clone();
    (!items.is_empty()).then(|| view! {
        <section class="section" aria-labelledby=labelled_by>
            <h2 id=id>{format!("{heading} ({})", items.len())}</h2>
            <ul class="plain-list outcome-list">
                {items.into_iter().map(|item| view! { <li><code>{item}</code></li> }).collect_view()}
            </ul>
        </section>
    })
}
