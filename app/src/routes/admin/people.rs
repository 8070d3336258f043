//! `/admin/people`: everyone the site knows, found by name, GitHub handle
//! or address, with how each signs in. A plain GET form, so it works the
//! same with and without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::people::{load_people, AdminPerson, PEOPLE_SHOWN};
use crate::components::error_notice::{refuse_page, ErrorNotice};
use crate::i18n::{href, t, t_with};

#[component]
pub fn AdminPeoplePage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let people = Resource::new(q, load_people);
    view! {
        <Title text=t("people-title") />
        <header class="page-header">
            <h1>{t("people-title")}</h1>
            <p><a href=href("/admin")>{t("people-back")}</a></p>
            <form method="get" action=href("/admin/people") class="filter" role="search">
                <label for="people-q">{t("people-find")}</label>
                <div class="filter-row">
                    <input id="people-q" name="q" type="search" value=q() maxlength="200" autocomplete="off" />
                    <button type="submit" class="button">{t("people-search")}</button>
                </div>
            </form>
        </header>
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match people.await {
                    Ok(people) if people.is_empty() => view! { <p class="empty">{t("people-none")}</p> }.into_any(),
                    Ok(people) => {
                        let capped = (people.len() >= PEOPLE_SHOWN)
                            .then(|| view! { <p class="form-hint">{t_with("people-capped", &[("count", (PEOPLE_SHOWN as i64).into())])}</p> });
                        view! {
                            <ul class="session-list">
                                {people.into_iter().map(|person| view! { <PersonRow person /> }).collect_view()}
                            </ul>
                            {capped}
                        }.into_any()
                    }
                    Err(error) => {
                        refuse_page(&error);
                        view! { <ErrorNotice error /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn PersonRow(person: AdminPerson) -> impl IntoView {
    let ways = if person.ways.is_empty() {
        t("people-no-way-in")
    } else {
        t_with(
            "manage-signs-in-with",
            &[("ways", person.ways.join(", ").into())],
        )
    };
    let who = [
        person.github_handle.map(|handle| format!("@{handle}")),
        person.email,
        Some(t_with("people-since", &[("date", person.since.into())])),
    ];
    view! {
        <li>
            <div class="session-facts">
                <p class="session-when"><strong>{person.display_name}</strong>
                    {person.is_admin.then(|| view! { " " <span class="badge">{t("nav-admin")}</span> })}</p>
                <p class="session-browser">{who.into_iter().flatten().collect::<Vec<_>>().join(" · ")}</p>
                <p>{ways}</p>
            </div>
        </li>
    }
}
