//! The area personale: overview, personal data, security (password), privacy (consents,
//! export, deletion).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::{CsrfField, ErrorSummary, Field, Notice, query_error, query_flag};
use crate::api::accounts::{
    CancelDeletion, ChangePassword, Logout, RequestDeletion, UpdateProfile, account_profile,
};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::accounts::texts;
use crate::locale::use_locale;
use crate::model::Profile;
use crate::session::session_user;

fn area_trail(locale: Locale) -> Vec<(String, String)> {
    vec![(
        texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )]
}

/// "26/11/2026", the date in Rome of an RFC 3339 UTC time.
fn date_of(rfc3339: &str) -> String {
    let local = domain::rome_time::rfc3339_in_rome(rfc3339);
    local.get(..10).unwrap_or(&local).to_string()
}

#[component]
fn LogoutForm(locale: Locale) -> impl IntoView {
    view! {
        <form method="post" action=Logout::url() class="d-inline">
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <button type="submit" class="btn btn-outline-primary" id="logout-button">{texts(locale).logout}</button>
        </form>
    }
}

#[component]
pub fn AreaPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let user = session_user();
    let name = user.as_ref().map(|u| u.name.clone()).unwrap_or_default();
    let is_auditor = user
        .as_ref()
        .is_some_and(|u| u.permissions.iter().any(|p| p == "audit"));
    let is_operator = user
        .as_ref()
        .is_some_and(|u| u.assisted_by.is_none() && u.roles.iter().any(|r| r == "space_operator"));
    let assist = crate::i18n::accounts::assist_texts(locale);
    let kiosk_admin = user
        .as_ref()
        .is_some_and(|u| u.permissions.iter().any(|p| p == "users"));
    let kiosk = crate::i18n::accounts::kiosk_texts(locale);
    let voucher_admin = user
        .as_ref()
        .is_some_and(|u| u.assisted_by.is_none() && u.permissions.iter().any(|p| p == "vouchers"));
    let imports = crate::i18n::voucher_import::voucher_import_texts(locale);
    let content_admin = user
        .as_ref()
        .is_some_and(|u| u.assisted_by.is_none() && u.permissions.iter().any(|p| p == "content"));
    let feedback = crate::i18n::feedback_results::feedback_result_texts(locale);
    // Statistics (issue 8).
    let statistics_staff = user.as_ref().is_some_and(|u| {
        u.assisted_by.is_none() && u.permissions.iter().any(|p| p == "statistics")
    });
    let statistics = crate::i18n::statistics::statistics_texts(locale);
    let buying = crate::i18n::buying::texts(locale);
    let quotes = crate::i18n::quotes::quote_texts(locale);
    let notifications = crate::i18n::notifications::notification_texts(locale);
    let pay_accounts = crate::i18n::payment_accounts::payment_account_texts(locale);
    let appointments = crate::i18n::appointments::appointment_texts(locale);
    let reviews = crate::i18n::reviews::review_texts(locale);
    let domestic = crate::i18n::domestic::texts(locale);
    // Administration (issue 8).
    let admin = crate::i18n::admin::texts(locale);
    let is_worker = user
        .as_ref()
        .is_some_and(|u| u.roles.iter().any(|r| r == "worker"));
    let workers_staff = user.as_ref().is_some_and(|u| {
        u.assisted_by.is_none() && u.permissions.iter().any(|p| p == "workers_matching")
    });
    let moderator = user.as_ref().is_some_and(|u| {
        u.assisted_by.is_none() && u.permissions.iter().any(|p| p == "reviews_moderation")
    });
    let is_provider_staff = user.as_ref().is_some_and(|u| {
        u.assisted_by.is_none()
            && u.roles
                .iter()
                .any(|r| r == "provider_admin" || r == "provider_operator")
    });
    let card = |href: &'static str, title: &'static str, text: &'static str| {
        view! {
            <div class="col-12 col-md-6 col-lg-4">
                <div class="card card-bg h-100"><div class="card-body">
                    <h2 class="h5 card-title"><a href=format!("{href}?lang={}", locale.code())>{title}</a></h2>
                    <p class="card-text">{text}</p>
                </div></div>
            </div>
        }
    };
    view! {
        <Title text=t.area_title />
        <div class="container my-4" id="area-page">
            <Breadcrumb current=t.area_title />
            <h1 class="mt-3">{t.area_title}</h1>
            <p class="lead">{format!("{} {name}.", t.area_greeting)}" "{t.area_lead}</p>
            <div class="row g-4 my-3">
                {card("/area-personale/profilo", t.area_profile, t.area_profile_text)}
                {card("/area-personale/sicurezza", t.area_security, t.area_security_text)}
                {card("/area-personale/privacy", t.area_privacy, t.area_privacy_text)}
                {card("/area-personale/ordini", buying.orders_title, buying.area_orders_text)}
                {card("/area-personale/preventivi", quotes.mine_title, quotes.area_text)}
                {card("/area-personale/appuntamenti", appointments.mine_title, appointments.card_text)}
                {card("/area-personale/voucher", buying.vouchers_title, buying.area_vouchers_text)}
                {card("/area-personale/notifiche", notifications.title, notifications.area_text)}
                {card("/area-personale/lavoro-domestico", domestic.requests_title, domestic.family_card_text)}
                {card("/lavoro-domestico/candidatura", domestic.application_title, domestic.worker_card_text)}
                {is_worker.then(|| card("/area-personale/proposte", domestic.my_proposals_title, domestic.my_proposals_lead))}
                {workers_staff.then(|| card("/amministrazione/lavoratori", domestic.staff_applications_title, domestic.how_2))}
                {workers_staff.then(|| card("/amministrazione/richieste-lavoro", domestic.staff_requests_title, domestic.how_3))}
                {is_provider_staff.then(|| card("/ente/ordini", buying.provider_orders_title, buying.provider_orders_lead))}
                {is_provider_staff.then(|| card("/ente/preventivi", quotes.received_title, quotes.received_lead))}
                {is_provider_staff.then(|| card("/ente/pagamenti", pay_accounts.title, pay_accounts.area_text))}
                {is_provider_staff.then(|| card("/ente/recensioni", reviews.received_title, reviews.area_provider_text))}
                {moderator.then(|| card("/amministrazione/recensioni", reviews.queue_title, reviews.area_admin_text))}
                {is_auditor.then(|| card("/amministrazione/registro-attivita", t.area_audit, t.area_audit_text))}
                {is_operator.then(|| card("/operatore/assistenza", assist.title, assist.card_text))}
                {is_operator.then(|| card("/operatore/appuntamenti", appointments.operator_title, appointments.operator_lead))}
                {kiosk_admin.then(|| card("/amministrazione/chioschi", kiosk.title, kiosk.bar))}
                {voucher_admin.then(|| card("/amministrazione/voucher", imports.title, imports.file_hint))}
                {content_admin.then(|| card("/amministrazione/valutazioni-pagine", feedback.title, feedback.area_text))}
                {statistics_staff.then(|| card("/amministrazione/statistiche", statistics.title, statistics.card_text))}
                {(kiosk_admin && user.as_ref().is_some_and(|u| u.assisted_by.is_none())).then(|| card("/amministrazione/utenti", admin.users_title, admin.users_card))}
                {content_admin.then(|| card("/amministrazione/spazi", admin.spaces_title, admin.spaces_card))}
            </div>
            <LogoutForm locale=locale />
        </div>
    }
}

/// Loads the profile and renders `body` with it (or the generic error).
fn with_profile(body: impl Fn(Profile) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let profile = Resource::new(|| (), |_| account_profile());
    view! {
        <Suspense fallback=|| ()>
            {move || profile.get().map(|p| match p {
                Ok(p) => body(p),
                Err(e) => super::load_error(&e),
            })}
        </Suspense>
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let error = query_error();
    let field = error.and_then(|e| e.field());
    let saved = query_flag("salvato");
    view! {
            <Title text=t.area_profile />
            <div class="container my-4" id="profile-page">
                <Breadcrumb current=t.area_profile trail=area_trail(locale) />
                <h1 class="mt-3">{t.area_profile}</h1>
                {saved.then(|| view! { <Notice text=t.saved /> })}
                <ErrorSummary locale=locale error=error form="profile" />
                {with_profile(move |p| view! {
                    <form method="post" action=UpdateProfile::url() id="profile-form" class="col-12 col-lg-8">
                        <CsrfField />
                        <Field form="profile" name="name" label=t.name value=p.name.clone() autocomplete="name" maxlength=100 invalid=field == Some("name") />
                        <div class="form-group">
                            <label for="profile-email" class="active">{t.email}</label>
                            <input type="email" id="profile-email" class="form-control" value=p.email.clone() readonly=true />
                        </div>
                        <Field form="profile" name="phone" label=t.phone kind="tel" hint=t.phone_hint value=p.phone.clone() autocomplete="tel" required=false maxlength=20 invalid=field == Some("phone") />
                        <div class="form-group">
                            <label for="profile-locale" class="active">{t.language}</label>
                            <select id="profile-locale" name="locale" class="form-select">
                                <option value="it" selected=p.locale == "it">"Italiano"</option>
                                <option value="en" selected=p.locale == "en">"English"</option>
                            </select>
                        </div>
    <p><strong>{t.fiscal_code}": "</strong>{p.fiscal_code.clone().unwrap_or_else(|| t.fiscal_code_none.to_string())}</p>
                        {p.fiscal_code.is_none().then(|| view! {
                            <p><a class="btn btn-outline-primary" id="link-identity"
                                href=format!("/accedi/identita-digitale?collega=1&next=/area-personale/profilo&lang={}", locale.code())>
                                {t.link_identity}
                            </a></p>
                        })}
                        <button type="submit" class="btn btn-primary">{t.save}</button>
                    </form>
                }.into_any())}
            </div>
        }
}

#[component]
pub fn SecurityPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let error = query_error();
    let field = error.and_then(|e| e.field());
    view! {
        <Title text=t.area_security />
        <div class="container my-4" id="security-page">
            <Breadcrumb current=t.area_security trail=area_trail(locale) />
            <h1 class="mt-3">{t.area_security}</h1>
            {query_flag("cambiata").then(|| view! { <Notice text=t.password_changed /> })}
            <ErrorSummary locale=locale error=error form="password" />
            {with_profile(move |p| if p.has_password {
                view! {
                    <h2 class="h4">{t.change_password_title}</h2>
                    <form method="post" action=ChangePassword::url() id="password-form" class="col-12 col-lg-6">
                        <CsrfField />
                        <input type="hidden" name="lang" value=locale.code() />
                        <Field form="password" name="current" label=t.current_password kind="password" autocomplete="current-password" maxlength=512 invalid=field == Some("current") />
                        <Field form="password" name="password" label=t.new_password kind="password" hint=t.password_hint autocomplete="new-password" maxlength=512 invalid=field == Some("password") />
                        <button type="submit" class="btn btn-primary">{t.change_password_button}</button>
                    </form>
                }.into_any()
            } else {
                view! { <p>{t.no_password_yet}</p> }.into_any()
            })}
        </div>
    }
}

#[component]
pub fn PrivacyChoicesPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let error = query_error();
    view! {
        <Title text=t.area_privacy />
        <div class="container my-4" id="privacy-page">
            <Breadcrumb current=t.area_privacy trail=area_trail(locale) />
            <h1 class="mt-3">{t.area_privacy}</h1>
            {query_flag("annullata").then(|| view! { <Notice text=t.delete_cancelled /> })}
            <ErrorSummary locale=locale error=error form="delete" />
            {with_profile(move |p| {
                let consents = p.consents.iter().map(|c| {
                    let kind = if c.kind == "privacy" { t.consent_privacy.to_string() } else { c.kind.clone() };
                    view! { <li>{format!("{kind} ({}) — {} {}", c.version, t.accepted_on, date_of(&c.accepted_at))}</li> }
                }).collect_view();
                let deletion = match &p.deletion_due_at {
                    Some(due) => view! {
                        <div class="alert alert-warning" role="status">{format!("{} {}.", t.delete_scheduled, date_of(due))}</div>
                        <form method="post" action=CancelDeletion::url() id="cancel-deletion-form">
                            <CsrfField />
                            <input type="hidden" name="lang" value=locale.code() />
                            <button type="submit" class="btn btn-primary">{t.delete_cancel_button}</button>
                        </form>
                    }.into_any(),
                    None => view! {
                        <p>{t.delete_text}</p>
                        <form method="post" action=RequestDeletion::url() id="delete-form">
                            <CsrfField />
                            <input type="hidden" name="lang" value=locale.code() />
                            <div class="form-check mb-3" id="delete-confirm">
                                <input type="checkbox" id="delete-confirm-check" name="confirm" required=true />
                                <label for="delete-confirm-check">{t.delete_confirm}</label>
                            </div>
                            <button type="submit" class="btn btn-danger">{t.delete_button}</button>
                        </form>
                    }.into_any(),
                };
                view! {
                    <section class="mb-5" aria-labelledby="consents-title">
                        <h2 class="h4" id="consents-title">{t.consents_title}</h2>
                        <ul>{consents}</ul>
                    </section>
                    <section class="mb-5" aria-labelledby="export-title">
                        <h2 class="h4" id="export-title">{t.export_title}</h2>
                        <p>{t.export_text}</p>
                        <a class="btn btn-outline-primary" href="/api/v1/me/export" download="wemi-miei-dati.json">{t.export_button}</a>
                    </section>
                    <section class="mb-5" aria-labelledby="cancellazione">
                        <h2 class="h4" id="cancellazione">{t.delete_title}</h2>
                        {deletion}
                    </section>
                }.into_any()
            })}
        </div>
    }
}
