use leptos::prelude::*;

use crate::models::sig::Lead;

/// The initials shown in a lead's badge ("Pengfei Zhou" → "PZ").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// Leads with their role, each linking to their GitHub profile when known.
#[component]
pub fn LeadList(leads: Vec<Lead>) -> impl IntoView {
    if leads.is_empty() {
        return view! { <p class="empty">{crate::i18n::t("leads-none")}</p> }.into_any();
    }
    view! {
        <ul class="lead-list">
            {leads
                .into_iter()
                .map(|lead| {
                    let badge = initials(&lead.display_name);
                    let url = lead.github_url();
                    let handle = lead.github_handle.clone();
                    view! {
                        <li class="lead">
                            <span class="avatar" aria-hidden="true">{badge}</span>
                            <span class="lead-body">
                                {match url {
                                    Some(url) => {
                                        view! {
                                            <a href=url rel="noopener">{lead.display_name.clone()}</a>
                                        }
                                            .into_any()
                                    }
                                    None => view! { <span>{lead.display_name.clone()}</span> }.into_any(),
                                }}
                                <span class="lead-meta">
                                    {lead.role.label()}
                                    {lead.term.clone().map(|term| format!(" {term}"))}
                                    {handle.map(|h| format!(" · @{h}"))}
                                    {lead.company.clone().map(|company| format!(" · {company}"))}
                                </span>
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// Lead names in one line, for cards.
pub fn lead_names(leads: &[Lead]) -> String {
    leads
        .iter()
        .map(|lead| lead.display_name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_the_first_letters_of_two_words() {
        assert_eq!(initials("Pengfei Zhou"), "PZ");
        assert_eq!(initials("shaowenchen"), "S");
        assert_eq!(initials("Ma-Dan"), "M");
        assert_eq!(initials(""), "");
    }
}
