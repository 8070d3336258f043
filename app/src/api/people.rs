//! Admins look people up: who they are and how each signs in.

use leptos::prelude::*;

use crate::errors::AppError;

/// At most this many people are listed; a search narrows them down.
pub const PEOPLE_SHOWN: usize = 200;

/// A person as the admins' list shows them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AdminPerson {
    pub display_name: String,
    pub github_handle: Option<String>,
    pub email: Option<String>,
    /// "password", "GitHub (@ada)", …; empty when they cannot sign in.
    pub ways: Vec<String>,
    pub is_admin: bool,
    pub since: String,
}

/// People whose name, handle or address contains `q` (admins).
#[server(endpoint = "load_people")]
pub async fn load_people(q: String) -> Result<Vec<AdminPerson>, AppError> {
    let state = crate::state::app_state()?;
    crate::permissions::admin(&state.db).await?;
    let people = crate::store::people::search(&state.db, &q, PEOPLE_SHOWN as i64).await?;
    let mut links = crate::store::identities::links_by_person(&state.db).await?;
    Ok(people
        .into_iter()
        .map(|person| AdminPerson {
            ways: sign_in_ways(
                &state.site,
                person.has_password != 0,
                links.remove(&person.id).unwrap_or_default(),
            ),
            display_name: person.display_name,
            github_handle: person.github_handle,
            email: person.email,
            is_admin: person.is_admin != 0,
            since: crate::i18n::format::day_of(Some(person.created_at)),
        })
        .collect())
}

/// How someone signs in, as admins read it: their password and `links`.
#[cfg(feature = "ssr")]
pub(crate) fn sign_in_ways(
    site: &crate::state::SiteConfig,
    has_password: bool,
    links: Vec<crate::store::identities::Link>,
) -> Vec<String> {
    use crate::models::identity::Provider;
    let password = has_password.then(|| crate::i18n::t("session-via-password"));
    let linked = links.into_iter().filter_map(|link| {
        let label = site.provider_label(Provider::parse(&link.provider)?);
        Some(match link.login {
            Some(login) => format!("{label} (@{login})"),
            None => label,
        })
    });
    password.into_iter().chain(linked).collect()
}
