//! The browser entry point: wakes up the interactive islands of the server-rendered page.
//! Everything else is plain HTML, so the bundle holds only the islands and what they use.

// Links the app crate, whose `#[island]`s export the functions the hydration script calls;
// nothing here names them directly.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
