use leptos::prelude::*;

use super::lead_list::lead_names;
use crate::i18n::t;
use crate::models::membership::Standing;
use crate::models::sig::SigSummary;

/// One SIG in the directory: name, description, leads and chat channel.
#[component]
pub fn SigCard(
    sig: SigSummary,
    /// Left out by the directory's filter (still in the page, to show again).
    #[prop(optional)]
    hidden: bool,
    /// Where the person looking stands with it: a badge instead of "Join".
    #[prop(default = None)]
    standing: Option<Standing>,
) -> impl IntoView {
    let href = crate::i18n::href(&format!("/sigs/{}", sig.slug));
    let leads = lead_names(&sig.leads);
    let description = if sig.description.is_empty() {
        t("card-no-description")
    } else {
        sig.description.clone()
    };
    view! {
        <li class="card sig-card" hidden=hidden>
            <h2 class="card-title">
                <a href=href>{sig.name.clone()}</a>
            </h2>
            <p class="card-text">{description}</p>
            <dl class="card-facts">
                <div>
                    <dt>{t("card-leads")}</dt>
                    <dd>{if leads.is_empty() { t("card-no-leads") } else { leads }}</dd>
                </div>
                <div>
                    <dt>{t("card-chat")}</dt>
                    <dd>
                        {match sig.chat_channel {
                            Some(channel) => view! { <a href=channel.url rel="noopener">{channel.label}</a> }.into_any(),
                            None => view! { <span>{t("card-no-channel")}</span> }.into_any(),
                        }}
                    </dd>
                </div>
            </dl>
            <p class="card-actions-line">
                {match standing {
                    Some(standing) => view! {
                        <span class="badge badge-standing">{standing.label()}<span class="visually-hidden">{t("card-of")}{sig.name.clone()}</span></span>
                    }.into_any(),
                    None => view! {
                        <a class="button button-small" href=crate::i18n::href(&format!("/join?sig={}", sig.slug))>
                            {t("card-join")}<span class="visually-hidden">" "{sig.name.clone()}</span>
                        </a>
                    }.into_any(),
                }}
                <a href=crate::i18n::href(&format!("/sigs/{}/roadmap", sig.slug))>
                    {t("card-roadmap")}<span class="visually-hidden">{t("card-of")}{sig.name.clone()}</span>
                </a>
            </p>
        </li>
    }
}
