//! Dragging a card by its handle, with a mouse, a pen or a finger, to
//! another column or another place in its own. A marker shows where it
//! will land; Escape or a cancelled touch puts it back.

use std::cell::RefCell;

use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, PointerEvent};

use super::browser::{send, Card, Move};
use super::BoardState;

/// Pixels a pointer moves before a press becomes a drag (a click on the
/// handle moves nothing).
const DRAG_AFTER_PX: i32 = 6;
/// Near the window's top or bottom edge the page scrolls along.
const SCROLL_EDGE_PX: i32 = 56;

struct Drag {
    card: Element,
    pointer: i32,
    /// Where the press began, in whole CSS pixels as pointer events give
    /// them (so no float is ever formatted: that code weighs 6 KB of wasm).
    start: (i32, i32),
    marker: Option<Element>,
    target: Option<Target>,
}

/// Where the card would land if dropped now.
struct Target {
    status: String,
    label: String,
    before: Option<i64>,
}

thread_local! {
    static DRAG: RefCell<Option<Drag>> = const { RefCell::new(None) };
}

/// Listens for drags on the page's board.
pub fn listen(state: BoardState) {
    let _ = window_event_listener(ev::pointerdown, pressed);
    let _ = window_event_listener(ev::pointermove, moved);
    let _ = window_event_listener(ev::pointerup, move |event| released(&state, event));
    let _ = window_event_listener(ev::pointercancel, |_| {
        end();
    });
    let _ = window_event_listener(ev::keydown, |event| {
        if event.key() == "Escape" {
            end();
        }
    });
}

fn pressed(event: PointerEvent) {
    if event.button() != 0 {
        return;
    }
    let handle = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|element| element.closest(".board-moves .drag-handle").ok().flatten());
    let Some(card) = handle.and_then(|handle| handle.closest("[data-item]").ok().flatten()) else {
        return;
    };
    // No text selection, no scrolling: the press is the start of a drag.
    event.prevent_default();
    DRAG.with_borrow_mut(|drag| {
        *drag = Some(Drag {
            card,
            pointer: event.pointer_id(),
            start: (event.client_x(), event.client_y()),
            marker: None,
            target: None,
        })
    });
}

fn moved(event: PointerEvent) {
    DRAG.with_borrow_mut(|drag| {
        let Some(drag) = drag
            .as_mut()
            .filter(|drag| drag.pointer == event.pointer_id())
        else {
            return;
        };
        let (x, y) = (event.client_x(), event.client_y());
        let (dx, dy) = (x - drag.start.0, y - drag.start.1);
        if drag.marker.is_none() {
            if dx * dx + dy * dy < DRAG_AFTER_PX * DRAG_AFTER_PX {
                return;
            }
            let _ = drag.card.class_list().add_1("card-dragging");
            if let Some(body) = document().body() {
                let _ = body.class_list().add_1("board-dragging");
            }
            let marker = document().create_element("li").ok();
            if let Some(marker) = &marker {
                marker.set_class_name("drop-marker");
                let _ = marker.set_attribute("aria-hidden", "true");
            }
            drag.marker = marker;
        }
        if let Some(card) = drag.card.dyn_ref::<HtmlElement>() {
            let _ = card
                .style()
                .set_property("transform", &format!("translate({dx}px, {dy}px)"));
        }
        drag.target = aim(drag, x, y);
        scroll_near_edges(event.client_y());
    });
}

/// Finds the column under the pointer and the card the dragged one would
/// land before, and puts the marker there.
fn aim(drag: &Drag, x: i32, y: i32) -> Option<Target> {
    let marker = drag.marker.as_ref()?;
    let column = document()
        .element_from_point(x as f32, y as f32)
        .and_then(|element| element.closest(".board-moves [data-status]").ok().flatten());
    let Some(column) = column else {
        marker.remove();
        return None;
    };
    // The cards shown in the column (folded ones have no height), in order.
    let cards = column.query_selector_all("[data-item]").ok()?;
    let shown: Vec<Element> = (0..cards.length())
        .filter_map(|index| cards.item(index)?.dyn_into::<Element>().ok())
        .filter(|card| card != &drag.card && card.get_bounding_client_rect().height() > 0.0)
        .collect();
    let before = shown.iter().find(|card| {
        let rect = card.get_bounding_client_rect();
        rect.top() + rect.height() / 2.0 > f64::from(y)
    });
    match (before, shown.last()) {
        (Some(card), _) => {
            let _ = card.before_with_node_1(marker);
        }
        (None, Some(last)) => {
            let _ = last.after_with_node_1(marker);
        }
        (None, None) => {
            let _ = column.append_child(marker);
        }
    }
    Some(Target {
        status: column.get_attribute("data-status")?,
        label: column.get_attribute("data-label").unwrap_or_default(),
        before: before
            .and_then(|card| card.get_attribute("data-item"))
            .and_then(|id| id.parse().ok()),
    })
}

fn scroll_near_edges(y: i32) {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or_default() as i32;
    if y < SCROLL_EDGE_PX {
        window().scroll_by_with_x_and_y(0.0, -16.0);
    } else if y > height - SCROLL_EDGE_PX {
        window().scroll_by_with_x_and_y(0.0, 16.0);
    }
}

fn released(state: &BoardState, event: PointerEvent) {
    let pointer_matches = DRAG.with_borrow(|drag| {
        drag.as_ref()
            .is_some_and(|drag| drag.pointer == event.pointer_id())
    });
    if !pointer_matches {
        return;
    }
    let Some((card, target)) = end() else { return };
    let Some(card) = Card::of(&card) else { return };
    // Dropped where it was: nothing to send.
    let next = next_card_id(&card.element);
    if card.status().as_deref() == Some(target.status.as_str()) && target.before == next {
        return;
    }
    let chosen = Move::Drop {
        status: target.status,
        label: target.label,
        before: target.before,
    };
    send(state.clone(), card, chosen, None);
}

/// The id of the card after this one in its column, if any.
fn next_card_id(card: &Element) -> Option<i64> {
    let column = card.closest("[data-status]").ok()??;
    let cards = column.query_selector_all("[data-item]").ok()?;
    let ids: Vec<String> = (0..cards.length())
        .filter_map(|index| cards.item(index)?.dyn_into::<Element>().ok())
        .filter_map(|card| card.get_attribute("data-item"))
        .collect();
    let own = card.get_attribute("data-item")?;
    let index = ids.iter().position(|id| id == &own)?;
    ids.get(index + 1)?.parse().ok()
}

/// Ends a drag and puts the page back: the dragged card and where it was
/// aimed, if it was dragged at all.
fn end() -> Option<(Element, Target)> {
    let drag = DRAG.with_borrow_mut(Option::take)?;
    let _ = drag.card.class_list().remove_1("card-dragging");
    if let Some(card) = drag.card.dyn_ref::<HtmlElement>() {
        let _ = card.style().remove_property("transform");
    }
    if let Some(body) = document().body() {
        let _ = body.class_list().remove_1("board-dragging");
    }
    let marker = drag.marker?;
    marker.remove();
    Some((drag.card, drag.target?))
}
