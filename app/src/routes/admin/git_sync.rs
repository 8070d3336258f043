//! The admins' view of the sync with the community repository: where it
//! stands, its last error, and a change it holds with both sides shown and
//! a choice between them.

use leptos::prelude::*;

use crate::api::git_sync::{load_git_sync, ChooseGitSide};
use crate::components::form::{DoneNotice, FormError};
use crate::i18n::{t, t_with};
use crate::models::git_sync::{GitSyncHold, GitSyncStatus};
use crate::routes::admin::job_runs::moment;

#[component]
pub fn GitSyncPanel() -> impl IntoView {
    let status = Resource::new(|| (), |_| load_git_sync());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                status
                    .await
                    .ok()
                    .filter(|status| !status.target.is_empty())
                    .map(|status| view! { <StatusSection status /> })
            })}
        </Suspense>
    }
}

#[component]
fn StatusSection(status: GitSyncStatus) -> impl IntoView {
    let commit = status
        .last_commit
        .as_deref()
        .map(|commit| commit[..commit.len().min(12)].to_owned())
        .unwrap_or_else(|| t("git-sync-never"));
    let synced = status
        .last_synced_at
        .map(moment)
        .unwrap_or_else(|| t("git-sync-never"));
    let error = (!status.last_error.is_empty()).then(|| {
        view! {
            <div class="notice notice-error" role="alert">
                <p>{t("git-sync-error")}</p>
                <pre class="git-text">{status.last_error.clone()}</pre>
            </div>
        }
    });
    let hold = status.hold.map(|hold| view! { <HoldView hold /> });
    view! {
        <section class="section" id="git-sync" aria-labelledby="git-sync-title">
            <h2 id="git-sync-title">{t("git-sync")}</h2>
            <p>{t("git-sync-lead")}</p>
            <DoneNotice when="git-sync" text=t("git-sync-chosen") />
            <dl class="facts">
                <dt>{t("git-sync-target")}</dt><dd><code>{status.target}</code></dd>
                <dt>{t("git-sync-commit")}</dt><dd><code>{commit}</code></dd>
                <dt>{t("git-sync-synced")}</dt><dd>{synced}</dd>
                <dt>{t("git-sync-waiting")}</dt><dd>{status.waiting_edits}</dd>
            </dl>
            {error}
            {hold}
        </section>
    }
}

#[component]
fn HoldView(hold: GitSyncHold) -> impl IntoView {
    let commit = hold.repo_commit[..hold.repo_commit.len().min(12)].to_owned();
    let archived = hold.archived_slugs();
    let explanation = if hold.is_conflict() {
        t_with("git-sync-conflict", &[("commit", commit.clone().into())])
    } else {
        t_with("git-sync-deletions", &[("commit", commit.into())])
    };
    let archived_line = (!archived.is_empty()).then(|| {
        view! {
            <p>{t("git-sync-would-archive")}" "<strong>{archived.join(", ")}</strong></p>
        }
    });
    let merged = hold.is_conflict().then(|| {
        view! {
            <h3>{t("git-sync-both")}</h3>
            <pre class="git-text" tabindex="0">{hold.conflict_excerpt()}</pre>
        }
    });
    let chosen = hold.resolution.clone();
    let choice = match chosen {
        Some(side) => {
            let side = if side == "site" {
                t("git-sync-keep-site")
            } else {
                t("git-sync-take-repo")
            };
            view! { <p class="notice">{t_with("git-sync-applying", &[("side", side.into())])}</p> }
        }
        .into_any(),
        None => view! { <Choice hold=hold.id /> }.into_any(),
    };
    view! {
        <div class="panel git-hold" role="region" aria-labelledby="git-hold-title">
            <h3 id="git-hold-title">{t("git-sync-held")}</h3>
            <p>{explanation}</p>
            {archived_line}
            {merged}
            <details>
                <summary>{t("git-sync-site-version")}</summary>
                <pre class="git-text" tabindex="0">{hold.site_text}</pre>
            </details>
            <details>
                <summary>{t("git-sync-repo-version")}</summary>
                <pre class="git-text" tabindex="0">{hold.repo_text}</pre>
            </details>
            {choice}
        </div>
    }
}

#[component]
fn Choice(hold: i64) -> impl IntoView {
    let action = ServerAction::<ChooseGitSide>::new();
    let value = Signal::derive(move || action.value().get());
    view! {
        <FormError value />
        <div class="button-row">
            <ActionForm action>
                <input type="hidden" name="hold" value=hold />
                <input type="hidden" name="side" value="site" />
                <button type="submit" class="button">{t("git-sync-keep-site")}</button>
            </ActionForm>
            <ActionForm action>
                <input type="hidden" name="hold" value=hold />
                <input type="hidden" name="side" value="repository" />
                <button type="submit" class="button button-secondary">{t("git-sync-take-repo")}</button>
            </ActionForm>
        </div>
    }
}
