//! A member's private calendar address on My SIGs: make one, copy it into a
//! calendar app, replace it (the old one stops working) or turn it off.

use leptos::prelude::*;

use crate::api::meetings::{load_calendar_link, ChangeCalendarLink};
use crate::components::form::FormError;
use crate::i18n::t;

#[component]
pub fn CalendarLinkPanel() -> impl IntoView {
    let change = ServerAction::<ChangeCalendarLink>::new();
    let link = Resource::new(move || change.version().get(), |_| load_calendar_link());
    let value = Signal::derive(move || change.value().get());
    view! {
        <section class="panel calendar-panel" aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{t("calendar-heading")}</h2>
            <p>{t("calendar-lead")}</p>
            <FormError value />
            <Transition fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let url = link.await.ok().and_then(|link| link.url);
                    let has_url = url.is_some();
                    let make_label = if has_url { t("calendar-replace") } else { t("calendar-make") };
                    view! {
                        {url.clone().map(|url| view! {
                            <div class="field">
                                <label for="calendar-url">{t("calendar-address")}</label>
                                <input id="calendar-url" type="text" readonly=true value=url.clone() />
                                <p class="field-hint">{t("calendar-private")}</p>
                            </div>
                        })}
                        <div class="button-row">
                            <ActionForm action=change>
                                <input type="hidden" name="change" value="new" />
                                <button type="submit" class="button">
                                    {make_label}
                                </button>
                            </ActionForm>
                            {has_url.then(|| view! {
                                <ActionForm action=change>
                                    <input type="hidden" name="change" value="off" />
                                    <button type="submit" class="button button-secondary">{t("calendar-off")}</button>
                                </ActionForm>
                            })}
                        </div>
                    }
                })}
            </Transition>
        </section>
    }
}
