//! Parts of a page drawn again from a fresh copy of it, so the server stays
//! the one renderer (the board after a move, search results as you type),
//! and the address bar kept shareable without a reload.

#[cfg(feature = "hydrate")]
use leptos::prelude::*;
#[cfg(feature = "hydrate")]
use leptos::wasm_bindgen::{JsCast, JsValue};
#[cfg(feature = "hydrate")]
use wasm_bindgen_futures::JsFuture;

/// Fetches `href` afresh and, if `still_wanted` when it arrives, puts each
/// of the elements `ids` of that copy in place of the shown one; returns
/// the copy.
#[cfg(feature = "hydrate")]
pub async fn redraw(
    href: &str,
    ids: &[&str],
    still_wanted: &dyn Fn() -> bool,
) -> Result<web_sys::Document, JsValue> {
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str_and_init(href, &init))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str("the page did not load"));
    }
    let html = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    if !still_wanted() {
        return Err(JsValue::from_str("a newer page was asked for"));
    }
    let fresh =
        web_sys::DomParser::new()?.parse_from_string(&html, web_sys::SupportedType::TextHtml)?;
    for id in ids {
        match (
            document().get_element_by_id(id),
            fresh.get_element_by_id(id),
        ) {
            (Some(shown), Some(new)) => shown.set_inner_html(&new.inner_html()),
            _ => return Err(JsValue::from_str("the page has changed its shape")),
        }
    }
    Ok(fresh)
}

/// `path`, or `path?q=text` for a text worth keeping.
pub fn with_query(path: &str, text: &str) -> String {
    if text.trim().is_empty() {
        path.to_owned()
    } else {
        format!("{path}?q={}", encode_query_value(text.trim()))
    }
}

/// Shows `url` in the address bar without loading it.
pub fn replace_address(url: &str) {
    #[cfg(feature = "hydrate")]
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

/// Percent-encodes a query-string value (letters, digits and `-._~` pass through).
fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(byte as char)
            }
            b' ' => encoded.push('+'),
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::with_query;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(
            with_query("/sigs", "edge computing"),
            "/sigs?q=edge+computing"
        );
        assert_eq!(with_query("/sigs", "a&b=c"), "/sigs?q=a%26b%3Dc");
        assert_eq!(with_query("/sigs", "ü"), "/sigs?q=%C3%BC");
        assert_eq!(with_query("/sigs", "  "), "/sigs");
    }
}
