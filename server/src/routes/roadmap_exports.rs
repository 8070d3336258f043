//! Roadmaps outside the site: Atom feeds of changes (one per SIG, one for
//! the community) and a SIG's roadmap as markdown for the community
//! repository.

use app::errors::AppError;
use app::escape::{markdown_autolink, markdown_text, xml_text};
use app::i18n::{FluentValue, Language};
use app::markdown::plain_outline;
use app::models::roadmap::{RoadmapCard, RoadmapStatus};
use app::state::AppState;
use app::store::roadmap::{board, recent_changes, PublishedChange};
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Extension;
use axum::Router;

/// How many changes a feed carries.
const FEED_ENTRIES: i64 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/roadmap.atom", get(community_feed))
        .route("/sigs/{slug}/roadmap.atom", get(sig_feed))
        .route("/sigs/{slug}/roadmap.md", get(markdown_export))
}

fn timestamp(unix_seconds: i64) -> FixedDateTime {
    chrono::DateTime::from_timestamp(unix_seconds, 0)
        .unwrap_or_default()
        .fixed_offset()
}

fn link(href: String, rel: &str) -> Link {
    let mut link = Link::default();
    link.set_href(href);
    link.set_rel(rel);
    link
}

/// An Atom document of `changes`, titled `title`, for the page at `page`.
fn atom(
    state: &AppState,
    title: String,
    page: &str,
    feed_path: &str,
    changes: &[PublishedChange],
) -> Response {
    let base = &state.site.public_url;
    let mut feed = Feed::default();
    feed.set_title(title);
    feed.set_id(format!("{base}{feed_path}"));
    feed.set_links(vec![
        link(format!("{base}{page}"), "alternate"),
        link(format!("{base}{feed_path}"), "self"),
    ]);
    feed.set_updated(timestamp(changes.first().map_or(0, |c| c.changed_at)));
    feed.set_entries(
        changes
            .iter()
            .map(|change| {
                let item = format!("{base}/sigs/{}/roadmap/{}", change.sig_slug, change.item_id);
                let mut entry = Entry::default();
                entry.set_title(format!(
                    "{}: {} ({})",
                    change.sig_name, change.item_title, change.action
                ));
                entry.set_id(format!("{item}#change-{}", change.id));
                entry.set_updated(timestamp(change.changed_at));
                entry.set_authors(vec![Person {
                    name: change.who.clone().unwrap_or_else(|| "someone".to_owned()),
                    ..Person::default()
                }]);
                entry.set_summary(Some(Text::plain(change.summary.clone())));
                if change.action != "deleted" {
                    entry.set_links(vec![link(item, "alternate")]);
                }
                entry
            })
            .collect::<Vec<_>>(),
    );
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        // Stored text may hold characters XML cannot carry (older rows, imports).
        xml_text(&feed.to_string()),
    )
        .into_response()
}

/// The feed's title is in the language of its address (`/zh-CN/roadmap.atom`);
/// its entries are the history, in the site's default language.
async fn community_feed(
    State(state): State<AppState>,
    Extension(language): Extension<Language>,
) -> Result<Response, AppError> {
    let changes = recent_changes(&state.db, None, FEED_ENTRIES).await?;
    let site = FluentValue::from(state.site.site_name.clone());
    let title = language.text_with("feed-site", &[("site", site)]);
    Ok(atom(&state, title, "/roadmap", "/roadmap.atom", &changes))
}

async fn sig_feed(
    State(state): State<AppState>,
    Extension(language): Extension<Language>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let slug = slug.as_str();
    let (_, sig) = app::store::roadmap::sig_by_slug(&state.db, slug)
        .await?
        .ok_or_else(AppError::no_such_sig)?;
    let changes = recent_changes(&state.db, Some(slug), FEED_ENTRIES).await?;
    Ok(atom(
        &state,
        language.text_with("board-feed-title", &[("sig", sig.into())]),
        &format!("/sigs/{slug}/roadmap"),
        &format!("/sigs/{slug}/roadmap.atom"),
        &changes,
    ))
}

/// One item of `roadmap.md`: its title line, then its description's
/// paragraphs and lists (nested under the item), as escaped plain text.
fn card_lines(card: &RoadmapCard, description: &str) -> String {
    let mut line = format!(
        "- **{}** — {}",
        markdown_text(&card.title),
        card.target_month.label()
    );
    if let Some(owner) = &card.owner {
        line.push_str(&format!(" · owner: {}", markdown_text(&owner.display_name)));
    }
    if let Some(url) = &card.link_url {
        line.push_str(&format!(" · {}", markdown_autolink(url)));
    }
    if card.overdue {
        line.push_str(" · **overdue**");
    }
    line.push('\n');
    for block in plain_outline(description) {
        let text = markdown_text(&block.text);
        match block.depth {
            0 => line.push_str(&format!("\n  {text}\n")),
            depth => line.push_str(&format!("{}- {text}\n", "  ".repeat(depth))),
        }
    }
    line
}

async fn markdown_export(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let slug = slug.as_str();
    let board = board(
        &state.db,
        slug,
        state.clock.this_month(),
        state.clock.unix_seconds(),
    )
    .await?
    .ok_or_else(AppError::no_such_sig)?;
    let descriptions = app::store::roadmap::descriptions(&state.db, slug).await?;
    let mut text = format!(
        "# {} roadmap\n\nExported from <{}/sigs/{slug}/roadmap> on {}.\n",
        markdown_text(&board.sig_name),
        &state.site.public_url,
        state.clock.now().format("%Y-%m-%d")
    );
    for status in RoadmapStatus::ALL {
        let cards: Vec<&RoadmapCard> = board.cards.iter().filter(|c| c.status == status).collect();
        if cards.is_empty() {
            continue;
        }
        text.push_str(&format!("\n## {}\n\n", status.label()));
        for card in cards {
            let description = descriptions.get(&card.id).map_or("", String::as_str);
            text.push_str(&card_lines(card, description));
        }
    }
    if board.cards.is_empty() {
        text.push_str("\nNo items yet.\n");
    }
    Ok((
        [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
        text,
    )
        .into_response())
}
