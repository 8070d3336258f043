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
use crate::i18n::{href, t, t_around, t_with};
use crate::models::import::{ImportOutcome, ImportPreview, UploadProblem, IMPORT_FORMATS};

#[component]
pub fn ImportPage() -> impl IntoView {
    let previews = Resource::new(|| (), |_| load_import_previews());
    view! {
        <Title text=t("admin-import-link") />
        <nav aria-label=t("breadcrumb") class="breadcrumb"><a href=href("/admin")>{t("admin-title")}</a></nav>
        <header class="page-header">
            <h1>{t("admin-import-link")}</h1>
            <p class="lead-text">{t("import-lead")}</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match previews.await {
                    Ok(previews) => view! {
                        <UploadForm />
                        <RecentImports previews />
                    }.into_any(),
                    Err(error) => view! {
                        <RefusedNotice error />
                        <p>{
                            let (before, after) = t_around("admin-sign-in");
                            view! { {before}<a href=href("/account/sign-in")>{t("sign-in")}</a>{after} }
                        }</p>
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
                <label for="import-file">{t("import-file")}</label>
                <input id="import-file" name="file" type="file" required accept=".yaml,.yml,.md,text/plain"
                    aria-invalid=move || file_error.get().is_some().then_some("true") />
                {move || file_error.get().map(|message| view! { <p class="field-error">{message}</p> })}
            </div>
            <div class="field" id="format-field">
                <label for="import-format">{t("import-format")}</label>
                <select id="import-format" name="format">
                    {IMPORT_FORMATS.iter().map(|(value, label)| view! {
                        <option value=*value selected=chosen == *value>{*label}</option>
                    }).collect_view()}
                </select>
                {move || format_error.get().map(|message| view! { <p class="field-error">{message}</p> })}
            </div>
            <button class="button" type="submit">{t("import-preview-button")}</button>
        </form>
    }
}

#[component]
fn RecentImports(previews: Vec<ImportPreview>) -> impl IntoView {
    (!previews.is_empty()).then(|| view! {
        <section class="section" aria-labelledby="recent-imports">
            <h2 id="recent-imports">{t("import-recent")}</h2>
            <ul class="plain-list">
                {previews.into_iter().map(|preview| view! {
                    <li>
                        <a href=href(&format!("/admin/import/{}", preview.id))>{preview.file_name.clone()}</a>" "
                        <span class="badge">{status_badge(&preview)}</span>
                        <span class="owners">{t_with("import-uploaded", &[("when", preview.uploaded_label.clone().into()), ("who", preview.uploaded_by.clone().into())])}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    })
}

fn status_badge(preview: &ImportPreview) -> String {
    t(
        match (&preview.applied_label, preview.outcome.errors.is_empty()) {
            (Some(_), _) => "import-applied",
            (None, false) => "import-refused",
            (None, true) => "import-dry-run",
        },
    )
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
        <Title text=t("import-preview-title") />
        <nav aria-label=t("breadcrumb") class="breadcrumb"><a href=href("/admin/import")>{t("admin-import-link")}</a></nav>
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
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
    let counts = || {
        [
            ("created", created.len().into()),
            ("updated", updated.len().into()),
            ("unchanged", unchanged.into()),
        ]
    };
    let summary = match &applied_label {
        Some(at) => {
            let mut args = counts().to_vec();
            args.push(("at", at.clone().into()));
            t_with("import-applied-summary", &args)
        }
        None if !errors.is_empty() => t("import-refused-summary"),
        None => t_with("import-dry-run-summary", &counts()),
    };
    view! {
        <header class="page-header">
            <h1>{file_name}</h1>
            <p class="card-meta">{t_with("import-uploaded", &[("when", uploaded_label.into()), ("who", uploaded_by.into())])}</p>
            <p class="lead-text" role="status">{summary}</p>
        </header>
        {can_apply.then(|| view! {
            <form method="post" action=format!("/admin/import/{id}/apply") class="button-row import-actions">
                <button class="button" type="submit">{t("import-apply")}</button>
                <a class="button button-secondary" href=href("/admin/import")>{t("import-another")}</a>
            </form>
        })}
        <OutcomeList id="problems" heading="import-problems" items=errors />
        <OutcomeList id="warnings" heading="import-warnings" items=warnings />
        <OutcomeList id="notes" heading="import-notes" items=notes />
        <OutcomeList id="created" heading="import-created" items=created />
        <OutcomeList id="updated" heading="import-updated" items=updated />
    }
}

#[component]
fn OutcomeList(id: &'static str, heading: &'static str, items: Vec<String>) -> impl IntoView {
    let id = format!("outcome-{id}");
    let labelled_by = id.clone();
    (!items.is_empty()).then(|| view! {
        <section class="section" aria-labelledby=labelled_by>
            <h2 id=id>{t_with(heading, &[("count", items.len().into())])}</h2>
            <ul class="plain-list outcome-list">
                {items.into_iter().map(|item| view! { <li><code>{item}</code></li> }).collect_view()}
            </ul>
        </section>
    })
}
