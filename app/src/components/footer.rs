use leptos::prelude::*;

use crate::locale::use_t;

/// The PA footer with the links the Modello Comuni validator looks for (`data-element`s),
/// and the demo-data notice the contract asks for.
#[component]
pub fn Footer() -> impl IntoView {
    let t = use_t();
    view! {
        <footer class="it-footer" id="footer">
            <div class="it-footer-main">
                <div class="container">
                    <div class="row">
                        <div class="col-12 footer-items-wrapper logo-wrapper">
                            <img src="/icons/logo.svg" alt="" width="56" height="56" class="ue-logo" />
                            <div class="it-brand-wrapper">
                                <a href="/">
                                    <div class="it-brand-text">
                                        <h2 class="no_toc">{t.site_name}</h2>
                                        <p class="mb-0">{t.site_tagline}</p>
                                    </div>
                                </a>
                            </div>
                        </div>
                    </div>
                    <div class="row">
                        <div class="col-md-6 footer-items-wrapper">
                            <h3 class="footer-heading-title">{t.footer_contacts}</h3>
                            <p class="footer-info">
                                {t.city_name}
                                <br />
                                "Piazza della Scala 2, 20121 Milano"
                                <br />
                                "PEC: protocollo@postacert.comune.milano.it"
                            </p>
                        </div>
                        <div class="col-md-6 footer-items-wrapper">
                            <ul class="footer-list">
                                <li>
                                    <a href="/faq" data-element="faq">{t.footer_faq}</a>
                                </li>
                                <li>
                                    <a href="/contatti" data-element="contacts">{t.footer_contacts}</a>
                                </li>
                                <li>
                                    <a href="/segnala-disservizio" data-element="report-inefficiency">
                                        {t.footer_report}
                                    </a>
                                </li>
                            </ul>
                        </div>
                    </div>
                </div>
            </div>
            <div class="it-footer-small-prints clearfix">
                <div class="container">
                    <ul class="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
                        <li class="list-inline-item">
                            <a href="/privacy" data-element="privacy-policy-link">{t.footer_privacy}</a>
                        </li>
                        <li class="list-inline-item">
                            <a href="/note-legali" data-element="legal-notes">{t.footer_legal}</a>
                        </li>
                        <li class="list-inline-item">
                            <a
                                href="https://form.agid.gov.it/view/"
                                data-element="accessibility-link"
                            >
                                {t.footer_accessibility}
                            </a>
                        </li>
                    </ul>
                    <p class="small-prints-licence">{t.footer_licence}</p>
                    <DemoNotice />
                </div>
            </div>
        </footer>
    }
}

/// Shown only when the demo data set was loaded (the server provides `DemoMode(true)`).
#[component]
fn DemoNotice() -> impl IntoView {
    let t = use_t();
    let demo = use_context::<DemoMode>().map(|d| d.0).unwrap_or(false);
    demo.then(|| {
        view! {
            <p class="demo-notice" data-element="demo-notice">
                <strong>{t.demo_notice}</strong>
            </p>
        }
    })
}

/// Whether the database holds the demo data set (provided by the server to every page).
#[derive(Clone, Copy, Debug)]
pub struct DemoMode(pub bool);
