//! After a refused save because someone saved first: what they saved
//! beside what was sent, with the three ways on.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::i18n::t;

/// After a conflict: the version saved meanwhile beside the one sent, with
/// the three ways on. The form below holds what was sent (see
/// `form_draft`) and the saved version's number, so saving it keeps yours
/// or a merge of both; the link starts again from the saved version.
#[component]
pub fn ConflictDetails<T>(
    value: Signal<Option<Result<T, AppError>>>,
    edit_href: String,
    /// What was sent, as (label, text) in the order of the saved fields.
    yours: Vec<(String, String)>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    move || {
        value.with(|v| match v {
            Some(Err(AppError::Conflict(current))) => Some(view! {
                <section class="panel conflict" aria-labelledby="conflict-heading">
                    <h2 id="conflict-heading">{t("conflict-heading")}</h2>
                    <div class="table-scroll">
                        <table class="conflict-table">
                            <caption class="visually-hidden">{t("conflict-caption")}</caption>
                            <thead>
                                <tr><th scope="col">{t("conflict-field")}</th><th scope="col">{t("conflict-saved")}</th><th scope="col">{t("conflict-yours")}</th></tr>
                            </thead>
                            <tbody>
                                {current.fields.iter().map(|(label, saved)| {
                                    let mine = yours.iter().find(|(l, _)| l == label).map(|(_, v)| v.clone());
                                    let differs = mine.as_ref().is_some_and(|mine| mine != saved);
                                    let shown = |text: &str| if text.is_empty() { "—".to_owned() } else { text.to_owned() };
                                    view! {
                                        <tr class:conflict-differs=differs>
                                            <th scope="row">{label.clone()}</th>
                                            <td>{shown(saved)}</td>
                                            <td>{mine.as_deref().map_or_else(|| "—".to_owned(), shown)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <ul class="conflict-choices">
                        <li><strong>{t("conflict-keep")}</strong>" "{t("conflict-keep-how")}</li>
                        <li><strong>{t("conflict-merge")}</strong>" "{t("conflict-merge-how")}</li>
                        <li><strong>{t("conflict-take")}</strong>" "
                            <a href=edit_href.clone() rel="external">{t("conflict-take-how")}</a></li>
                    </ul>
                </section>
            }
            // Erased: the full type is too deep for release builds.
            .into_any()),
            _ => None,
        })
    }
}
