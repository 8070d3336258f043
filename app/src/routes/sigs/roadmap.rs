//! `/sigs/:slug/roadmap`: a SIG's board, one column per status.

pub mod editor;
pub mod item;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::roadmap::load_roadmap_board;
use crate::components::board_moves::{move_refusal, BoardMoves, MOVE_WORDS};
use crate::components::page_loader::PageLoader;
use crate::components::page_meta::PageMeta;
use crate::components::roadmap_card::{CardActions, RoadmapCardView};
use crate::i18n::Words;
use crate::i18n::{href, t, t_with};
use crate::models::roadmap::{
    Month, RoadmapBoard, RoadmapCard, RoadmapStatus, HORIZON_MONTHS, STALE_AFTER_DAYS,
};

/// The columns shown by default; dropped items appear with `?dropped=1`.
const OPEN_COLUMNS: [RoadmapStatus; 4] = [
    RoadmapStatus::Proposed,
    RoadmapStatus::Planned,
    RoadmapStatus::InProgress,
    RoadmapStatus::Done,
];

#[component]
pub fn SigRoadmapPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let show_dropped = move || query.read().get("dropped").is_some_and(|v| v == "1");
    let actions = CardActions::default();
    // Any move reloads the board in place.
    let board = Resource::new(
        move || {
            (
                slug(),
                actions.change_status.version().get(),
                actions.reorder.version().get(),
            )
        },
        |(slug, _, _)| load_roadmap_board(slug),
    );
    // A move refused without JavaScript comes back with the board.
    let refusal = move || {
        let refused = |value: Option<Result<(), crate::errors::AppError>>| {
            value
                .and_then(Result::err)
                .map(|error| move_refusal(&Words::of(MOVE_WORDS), None, &error))
        };
        refused(actions.change_status.value().get())
            .or_else(|| refused(actions.reorder.value().get()))
    };
    view! {
        <PageLoader resource=board loading=t("roadmap-loading") keep_while_reloading=true
            show=move |board| {
                view! { <Board board show_dropped=show_dropped() actions refusal=refusal() /> }.into_any()
            } />
    }
}

#[component]
fn Board(
    board: RoadmapBoard,
    show_dropped: bool,
    actions: CardActions,
    refusal: Option<String>,
) -> impl IntoView {
    let path = format!("/sigs/{}/roadmap", board.sig_slug);
    let base = href(&path);
    let first = board.current_month;
    let last = first.plus(HORIZON_MONTHS - 1);
    let dropped_count = board
        .cards
        .iter()
        .filter(|card| card.status == RoadmapStatus::Dropped)
        .count();
    let mut columns = OPEN_COLUMNS.to_vec();
    if show_dropped {
        columns.push(RoadmapStatus::Dropped);
    }
    let actions = board.can_edit.then_some(actions);
    let freshness = if board.cards.is_empty() {
        let message = if board.can_edit {
            t("board-empty-lead")
        } else {
            t("board-empty")
        };
        Some(view! { <p class="empty-state">{message}</p> }.into_any())
    } else if board.is_stale() {
        let days = board.days_since_update.unwrap_or_default();
        Some(view! {
            <p class="notice notice-warning" role="note">
                <strong>{t("board-stale")}</strong>" "
                {t_with("board-stale-days", &[("days", days.into()), ("limit", STALE_AFTER_DAYS.into())])}
            </p>
        }.into_any())
    } else {
        None
    };
    let toggle = if show_dropped {
        view! { <a href=base.clone()>{t("board-hide-dropped")}</a> }.into_any()
    } else {
        view! { <a href=format!("{base}?dropped=1")>{t_with("board-show-dropped", &[("count", dropped_count.into())])}</a> }.into_any()
    };
    let sig = || crate::i18n::FluentValue::from(board.sig_name.clone());
    let span = || {
        [
            ("sig", sig()),
            ("from", first.label().into()),
            ("to", last.label().into()),
        ]
    };
    view! {
        <PageMeta title=t_with("board-title", &[("sig", sig())])
            description=t_with("board-description", &span())
            path=path.clone() />
        <leptos_meta::Link rel="alternate" type_="application/atom+xml"
            title=t_with("board-feed-title", &[("sig", sig())]) href=format!("{base}.atom") />
        <nav aria-label=crate::i18n::t("breadcrumb") class="breadcrumb">
            <a href=crate::i18n::href(&format!("/sigs/{}", board.sig_slug))>{board.sig_name.clone()}</a>
        </nav>
        <header class="page-header">
            <p class="eyebrow">{t("sig-roadmap")}</p>
            <h1>{t_with("board-title", &[("sig", sig())])}</h1>
            <p class="lead-text">{t_with("board-lead", &span())}</p>
            <p class="button-row">
                {board.can_edit.then(|| view! {
                    <a class="button" href=format!("{base}/new")>{t("board-add")}</a>
                })}
                <a class="button button-secondary" href=format!("{base}.atom")>{t("board-feed")}</a>
                <a class="button button-secondary" href=format!("{path}.md")>{t("board-markdown")}</a>
            </p>
            // Redrawn after an in-place move (see `board_moves`).
            <div id="board-status">
                {freshness}
                {(!board.cards.is_empty()).then(|| view! { <p class="board-toggle">{toggle}</p> })}
            </div>
        </header>
        {refusal.map(|message| view! {
            <div class="notice notice-error error-summary" id="error-summary" role="alert" tabindex="-1" autofocus=true>
                <p>{message}</p>
            </div>
        })}
        // An empty board is one message, not five empty columns.
        {(!board.cards.is_empty()).then(|| {
            let columns = view! {
                <div class="board" id="board-columns">
                    {columns.into_iter().map(|status| {
                        let cards: Vec<RoadmapCard> = board.cards.iter().filter(|c| c.status == status).cloned().collect();
                        view! { <BoardColumn status cards first last actions /> }
                    }).collect_view()}
                </div>
            };
            match actions {
                Some(_) => view! { <BoardMoves sig=board.sig_slug.clone() words=Words::of(MOVE_WORDS)>{columns}</BoardMoves> }.into_any(),
                None => columns.into_any(),
            }
        })}
    }
}

/// One status column: the horizon's cards (and every overdue one) in the
/// leads' order, then earlier and later months folded away.
#[component]
fn BoardColumn(
    status: RoadmapStatus,
    cards: Vec<RoadmapCard>,
    first: Month,
    last: Month,
    actions: Option<CardActions>,
) -> impl IntoView {
    let heading_id = format!("column-{}", status.as_str());
    let labelled_by = heading_id.clone();
    let count = cards.len();
    // The column's ends, where "up" or "down" has nowhere to go.
    let ends = (cards.first().map(|c| c.id), cards.last().map(|c| c.id));
    let (mut shown, mut earlier, mut later) = (Vec::new(), Vec::new(), Vec::new());
    for card in cards {
        if card.target_month > last {
            later.push(card);
        } else if card.target_month < first && !card.overdue {
            earlier.push(card);
        } else {
            shown.push(card);
        }
    }
    let list = move |cards: Vec<RoadmapCard>| {
        view! {
            <ol class="card-list">
                {cards.into_iter().map(|card| {
                    let ends = (ends.0 == Some(card.id), ends.1 == Some(card.id));
                    view! { <RoadmapCardView card actions=actions ends /> }
                }).collect_view()}
            </ol>
        }
    };
    let folded = move |label: &'static str, cards: Vec<RoadmapCard>| {
        (!cards.is_empty()).then(|| {
            view! {
                <details class="folded">
                    <summary>{t_with(label, &[("count", cards.len().into())])}</summary>
                    {list(cards)}
                </details>
            }
        })
    };
    view! {
        <section class="board-column" aria-labelledby=labelled_by
            data-status=status.as_str() data-label=status.label()>
            <h2 id=heading_id>{status.label()}<span class="count">{count}</span></h2>
            {if shown.is_empty() {
                view! { <p class="empty">{t("board-column-empty")}</p> }.into_any()
            } else {
                list(shown).into_any()
            }}
            {folded("board-earlier", earlier)}
            {folded("board-later", later)}
        </section>
    }
}
