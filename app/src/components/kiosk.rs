//! The bar of kiosk tablets in WeMi spaces: which space, a "start over" button, and while
//! someone is logged in the time left before the session closes by itself (3 minutes without
//! activity, as the server enforces). Without JavaScript a plain meta refresh does the same.

use leptos::prelude::*;

use crate::i18n::accounts::kiosk_texts;
use crate::locale::use_locale;
use crate::session::{kiosk_device, session_user};

const START_OVER: &str = "/chiosco/ricomincia";

#[component]
pub fn KioskBar() -> impl IntoView {
    let locale = use_locale();
    let t = kiosk_texts(locale);
    kiosk_device().map(|device| {
        let logged_in = session_user().is_some();
        let seconds = domain::accounts::session::KIOSK_IDLE_TIMEOUT_SECS as u32;
        let href = format!("{START_OVER}?lang={}", locale.code());
        view! {
            <div class="kiosk-bar" id="kiosk-bar">
                <div class="container d-flex flex-wrap align-items-center gap-3 py-2">
                    <p class="mb-0"><strong>{t.bar}</strong>" — "{device.space_name.clone()}</p>
                    {logged_in.then(|| view! {
                        <p class="mb-0" id="kiosk-countdown">
                            {t.countdown}" "
                            <KioskCountdown seconds=seconds href=href.clone() />
                        </p>
                        <noscript>
                            <meta http-equiv="refresh" content=format!("{seconds};url={href}") />
                        </noscript>
                    })}
                    <a class="btn btn-light btn-lg ms-auto" href=href.clone() id="kiosk-start-over">{t.start_over}</a>
                </div>
            </div>
        }
    })
}

/// Counts down from `seconds` (time since the page loaded, which is the server's idle clock on
/// kiosks), then starts over.
#[island]
fn KioskCountdown(seconds: u32, href: String) -> impl IntoView {
    let remaining = RwSignal::new(seconds);
    Effect::new(move |_| {
        let href = href.clone();
        let _ = set_interval_with_handle(
            move || {
                remaining.update(|r| *r = r.saturating_sub(1));
                if remaining.get_untracked() == 0 {
                    let _ = window().location().set_href(&href);
                }
            },
            std::time::Duration::from_secs(1),
        );
    });
    view! {
        <span role="timer">{move || {
            let r = remaining.get();
            format!("{}:{:02}", r / 60, r % 60)
        }}</span>
    }
}
