//! The HTML document and the route table.

use leptos::prelude::*;
use leptos_meta::{Html, Link, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use crate::components::layout::Layout;
use crate::locale::use_t;
use crate::pages::account::area::{AreaPage, PrivacyChoicesPage, ProfilePage, SecurityPage};
use crate::pages::account::assist::AssistPage;
use crate::pages::account::audit::AuditLogPage;
use crate::pages::account::feedback_results::FeedbackResultsPage;
use crate::pages::account::kiosk::KioskAdminPage;
use crate::pages::account::login::LoginPage;
use crate::pages::account::password::{ForgotPasswordPage, ResetPasswordPage};
use crate::pages::account::register::{RegisterPage, VerifyEmailPage};
use crate::pages::appointments::{MyAppointmentsPage, NewAppointmentPage, SpaceAppointmentsPage};
use crate::pages::buying::cart::CartPage;
use crate::pages::buying::checkout::{CheckoutDataPage, CheckoutSummaryPage};
use crate::pages::buying::demo_payment::DemoPaymentPage;
use crate::pages::buying::notifications::NotificationsPage;
use crate::pages::buying::order::OrderPage;
use crate::pages::buying::orders::{MyOrdersPage, ProviderOrdersPage};
use crate::pages::buying::payment_accounts::PaymentAccountsPage;
use crate::pages::buying::quotes::{MyQuotesPage, NewQuotePage, ProviderQuotesPage, QuotePage};
use crate::pages::buying::voucher_import::VoucherImportPage;
use crate::pages::buying::vouchers::VouchersPage;
use crate::pages::calculator::CalculatorPage;
use crate::pages::coming_soon::ComingSoonPage;
use crate::pages::domestic::application::ApplicationPageView;
use crate::pages::domestic::family::{MyRequestsPage, RequestDetailPage};
use crate::pages::domestic::landing::DomesticHomePage;
use crate::pages::domestic::proposals::WorkerProposalsPage;
use crate::pages::domestic::request::NewRequestPage;
use crate::pages::domestic::staff::{
    StaffApplicationDetailPage, StaffApplicationsPage, StaffRequestPage, StaffRequestsPage,
};
use crate::pages::info::{ContactsPage, FaqPage, LegalNotesPage, PrivacyPage};
use crate::pages::providers::{ProviderPage, ProvidersPage};
use crate::pages::reviews::{ModerationPage, ProviderReviewsPage};
use crate::pages::services::ServicesPage;
use crate::pages::services::detail::ServicePage;
use crate::pages::services::landing::{CategoryPage, TargetGroupPage};
// Administration (issue 8).
use crate::pages::admin::spaces::{AdminSpaceDetailPage, AdminSpacesPage};
use crate::pages::admin::users::{AdminAccountPage, AdminUsersPage};
use crate::pages::{home::HomePage, not_found::NotFound, report::ReportPage, spaces::SpacesPage};

/// The whole document. Only the server renders it; the browser hydrates the islands inside.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    {
        provide_context(crate::locale::request_locale());
        set_content_security_policy();
    }
    let locale = crate::locale::use_locale();
    let t = use_t();

    view! {
        <Html {..} lang=locale.code() />
        <Title formatter=move |page: String| {
            if page.is_empty() {
                format!("{} – {}", t.site_name, t.city_name)
            } else {
                format!("{page} – {} – {}", t.site_name, t.city_name)
            }
        } />
        <Meta name="description" content=t.site_tagline />
        <Meta name="theme-color" content="#0066cc" />
        <Link rel="manifest" href="/manifest.webmanifest" />
        <Link rel="icon" href="/icons/icon-192.png" type_="image/png" />
        <Link rel="apple-touch-icon" href="/icons/icon-192.png" />
        <Link rel="stylesheet" href="/assets/bootstrap-italia/css/bootstrap-italia.min.css" />
        <Link rel="stylesheet" href="/pkg/wemi.css" />
        <Router>
            <Layout>
                // InOrder: pages are complete HTML even without JavaScript. Async for pages whose
                // title, JSON-LD or status depend on data: the head and the status wait for it.
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("spazi") view=SpacesPage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("servizi") view=ServicesPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("servizi"), ParamSegment("slug"))
                        view=ServicePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("categorie"), ParamSegment("slug"))
                        view=CategoryPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("destinatari"), ParamSegment("slug"))
                        view=TargetGroupPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("enti") view=ProvidersPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("enti"), ParamSegment("slug"))
                        view=ProviderPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("prossimamente") view=ComingSoonPage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("privacy") view=PrivacyPage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("note-legali") view=LegalNotesPage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("faq") view=FaqPage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("contatti") view=ContactsPage ssr=SsrMode::InOrder />
                    <Route
                        path=StaticSegment("segnala-disservizio")
                        view=ReportPage
                        ssr=SsrMode::InOrder
                    />
                    <Route path=StaticSegment("accedi") view=LoginPage ssr=SsrMode::Async />
                    <Route path=StaticSegment("registrati") view=RegisterPage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("verifica-email") view=VerifyEmailPage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("password-dimenticata") view=ForgotPasswordPage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("reimposta-password") view=ResetPasswordPage ssr=SsrMode::InOrder />
                    <Route path=StaticSegment("area-personale") view=AreaPage ssr=SsrMode::InOrder />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("profilo"))
                        view=ProfilePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("sicurezza"))
                        view=SecurityPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("privacy"))
                        view=PrivacyChoicesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("operatore"), StaticSegment("assistenza"))
                        view=AssistPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("chioschi"))
                        view=KioskAdminPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("voucher"))
                        view=VoucherImportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("registro-attivita"))
                        view=AuditLogPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("valutazioni-pagine"))
                        view=FeedbackResultsPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("carrello") view=CartPage ssr=SsrMode::Async />
                    <Route
                        path=(StaticSegment("carrello"), StaticSegment("dati"))
                        view=CheckoutDataPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("carrello"), StaticSegment("riepilogo"))
                        view=CheckoutSummaryPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("ordini"))
                        view=MyOrdersPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("ordini"), ParamSegment("reference"))
                        view=OrderPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("voucher"))
                        view=VouchersPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("notifiche"))
                        view=NotificationsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("ente"), StaticSegment("pagamenti"))
                        view=PaymentAccountsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("ente"), StaticSegment("ordini"))
                        view=ProviderOrdersPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("ente"), StaticSegment("ordini"), ParamSegment("reference"))
                        view=OrderPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("ente"), StaticSegment("recensioni"))
                        view=ProviderReviewsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("recensioni"))
                        view=ModerationPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=StaticSegment("lavoro-domestico")
                        view=DomesticHomePage
                    />
                    <Route
                        path=(StaticSegment("lavoro-domestico"), StaticSegment("candidatura"))
                        view=ApplicationPageView
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("lavoro-domestico"), StaticSegment("richiesta"))
                        view=NewRequestPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("lavoro-domestico"))
                        view=MyRequestsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("lavoro-domestico"), ParamSegment("reference"))
                        view=RequestDetailPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("proposte"))
                        view=WorkerProposalsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("lavoratori"))
                        view=StaffApplicationsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("lavoratori"), ParamSegment("id"))
                        view=StaffApplicationDetailPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("richieste-lavoro"))
                        view=StaffRequestsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("richieste-lavoro"), ParamSegment("reference"))
                        view=StaffRequestPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("appuntamenti"), StaticSegment("nuovo"))
                        view=NewAppointmentPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("appuntamenti"))
                        view=MyAppointmentsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("operatore"), StaticSegment("appuntamenti"))
                        view=SpaceAppointmentsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("preventivi"), StaticSegment("nuovo"))
                        view=NewQuotePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("preventivi"))
                        view=MyQuotesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("area-personale"), StaticSegment("preventivi"), ParamSegment("reference"))
                        view=QuotePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("ente"), StaticSegment("preventivi"))
                        view=ProviderQuotesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("ente"), StaticSegment("preventivi"), ParamSegment("reference"))
                        view=QuotePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("pagamento"), StaticSegment("demo"), ParamSegment("gateway_ref"))
                        view=DemoPaymentPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("lavoro-domestico"), StaticSegment("calcolatore"))
                        view=CalculatorPage
                        ssr=SsrMode::InOrder
                    />
                    // Statistics (issue 8).
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("statistiche"))
                        view=crate::pages::statistics::StatisticsPage
                        ssr=SsrMode::Async
                    />
                    // Administration (issue 8).
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("utenti"))
                        view=AdminUsersPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("utenti"), ParamSegment("id"))
                        view=AdminAccountPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("spazi"))
                        view=AdminSpacesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("amministrazione"), StaticSegment("spazi"), ParamSegment("id"))
                        view=AdminSpaceDetailPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </Layout>
        </Router>
    }
}

/// The page's Content-Security-Policy: scripts only from this site plus the one inline
/// hydration script carrying this response's nonce; WASM compilation allowed; no framing.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let nonce = leptos::nonce::use_nonce()
        .map(|n| format!(" 'nonce-{}'", n.as_inner()))
        .unwrap_or_default();
    let policy = format!(
        "default-src 'self'; script-src 'self'{nonce} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self' data:; connect-src 'self'; manifest-src 'self'; \
         worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
