use leptos::prelude::*;

use super::{
    feedback::PageFeedback, footer::Footer, header::Header, kiosk::KioskBar,
    service_worker::ServiceWorker, session_banner::AssistedBanner,
};
use crate::locale::use_t;

/// Skip links, header, the page, the feedback widget and the footer, on every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_t();
    view! {
        <div class="skiplink">
            <a class="visually-hidden-focusable" href="#main-container">
                {t.skip_to_content}
            </a>
            <a class="visually-hidden-focusable" href="#footer">
                {t.skip_to_footer}
            </a>
        </div>
        <KioskBar />
        <AssistedBanner />
        <Header />
        <main id="main-container" tabindex="-1">
            {children()}
            <PageFeedback />
        </main>
        <Footer />
        <ServiceWorker />
    }
}
