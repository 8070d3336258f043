//! The browser entry point: hydrates the islands (the interactive parts) of
//! the server-rendered page; the rest of the page stays plain HTML.

// Links the `app` crate, whose `#[island]`s export themselves to the page.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console while developing; release bundles
    // leave the formatting code out (it weighs about 400 bytes of brotli).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
