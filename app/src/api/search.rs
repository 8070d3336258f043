//! `/search`: everything public a visitor can find, grouped by kind.

use leptos::prelude::*;

use crate::errors::AppError;
use crate::models::search::SearchResults;

/// What matches every word of `query`; an empty list for a query with
/// nothing to look for (blank, or only punctuation).
#[server]
pub async fn search(query: String) -> Result<SearchResults, AppError> {
    let state = crate::state::app_state()?;
    let mut query = crate::search::terms::Query::parse(&query);
    let found = crate::store::search::find(&state.db, &mut query).await?;
    Ok(grouped::results(query, found))
}

#[cfg(feature = "ssr")]
mod grouped {
    use crate::models::search::{SearchGroup, SearchHit, SearchKind, SearchResults, HITS_PER_KIND};
    use crate::search::excerpt::{excerpt, highlight};
    use crate::search::fold;
    use crate::search::terms::Query;
    use crate::store::search::Found;

    /// The rows found, by kind in the order kinds are shown; within a kind
    /// those whose title matches first.
    pub fn results(query: Query, found: Vec<Found>) -> SearchResults {
        let marks = query.marks();
        let title_matches = |title: &str| {
            let title = fold(title);
            marks.iter().any(|mark| title.contains(&fold(mark)))
        };
        let groups = SearchKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let mut rows: Vec<&Found> = found
                    .iter()
                    .filter(|row| SearchKind::parse(&row.kind) == Some(kind))
                    .collect();
                if rows.is_empty() {
                    return None;
                }
                rows.sort_by_key(|row| !title_matches(&row.title));
                let more = rows.len().saturating_sub(HITS_PER_KIND);
                let hits = rows
                    .into_iter()
                    .take(HITS_PER_KIND)
                    .map(|row| SearchHit {
                        title: highlight(&row.title, &marks),
                        path: row.path.clone(),
                        context: row.context.clone(),
                        excerpt: excerpt(&row.body, &marks),
                    })
                    .collect();
                Some(SearchGroup { kind, hits, more })
            })
            .collect();
        SearchResults {
            query: query.text,
            groups,
        }
    }
}
