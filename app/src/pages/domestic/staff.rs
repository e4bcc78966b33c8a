//! City staff (permission `workers_matching`): applications to validate
//! (`/amministrazione/lavoratori`, filters, search, pages), one application
//! (`/amministrazione/lavoratori/{id}`: data, documents, interview, outcome and ratings), the
//! families' requests (`/amministrazione/richieste-lavoro`) and one request with the engine's
//! whole ranking, filters and the excluded workers with their reasons.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::family::{request_body, requests_table};
use crate::api::domestic::{
    staff_family_request, staff_family_requests, staff_worker_application,
    staff_worker_applications,
};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::domestic::{self as t, texts};
use crate::locale::use_locale;
use crate::model::{StaffApplicationList, StaffApplicationPage};
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};
use domain::domestic::application::STATUSES;
use domain::domestic::{ROLES, role_code, skills};

fn staff_trail(locale: Locale) -> Vec<(String, String)> {
    vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )]
}

#[component]
pub fn StaffApplicationsPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let status = query_value("stato").filter(|s| !s.is_empty());
    let role = query_value("ruolo").filter(|s| !s.is_empty());
    let municipio: Option<i64> = query_value("municipio").and_then(|m| m.parse().ok());
    let text = query_value("q").filter(|s| !s.is_empty());
    let page: u32 = query_value("pagina")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    let filters = (status.clone(), role.clone(), municipio, text.clone(), page);
    let data = Resource::new(
        move || filters.clone(),
        move |(status, role, municipio, text, page)| {
            staff_worker_applications(
                status,
                role,
                municipio,
                text,
                Some(page),
                Some(locale.code().to_string()),
            )
        },
    );
    let status_options = STATUSES
        .iter()
        .filter(|s| **s != "draft")
        .map(|s| {
            let selected = status.as_deref() == Some(*s);
            view! { <option value=*s selected=selected>{t::status_label(locale, s)}</option> }
        })
        .collect_view();
    let role_options = ROLES
        .iter()
        .map(|r| {
            let code = role_code(*r);
            let selected = role.as_deref() == Some(code);
            view! { <option value=code selected=selected>{t::role_label(locale, code)}</option> }
        })
        .collect_view();
    let municipio_options = (1..=9)
        .map(|m| {
            let selected = municipio == Some(m);
            view! { <option value=m.to_string() selected=selected>{format!("Municipio {m}")}</option> }
        })
        .collect_view();
    view! {
        <Title text=tx.staff_applications_title />
        <div class="container my-4" id="staff-applications-page">
            <Breadcrumb current=tx.staff_applications_title trail=staff_trail(locale) />
            <h1 class="mt-3">{tx.staff_applications_title}</h1>
            <p><a href=format!("/amministrazione/richieste-lavoro?lang={}", locale.code())>{tx.staff_requests_title}</a></p>
            <form method="get" action="/amministrazione/lavoratori" class="row g-3 align-items-end mb-3" id="applications-filters">
                <input type="hidden" name="lang" value=locale.code() />
                <div class="col-md-3 select-wrapper"><label for="filter-status">{tx.status}</label>
                    <select id="filter-status" name="stato" class="form-select"><option value="">{tx.all}</option>{status_options}</select></div>
                <div class="col-md-2 select-wrapper"><label for="filter-role">{tx.role}</label>
                    <select id="filter-role" name="ruolo" class="form-select"><option value="">{tx.all}</option>{role_options}</select></div>
                <div class="col-md-2 select-wrapper"><label for="filter-municipio">{tx.municipio}</label>
                    <select id="filter-municipio" name="municipio" class="form-select"><option value="">{tx.all}</option>{municipio_options}</select></div>
                <div class="col-md-3"><label for="filter-text" class="active">{tx.search_name}</label>
                    <input type="search" id="filter-text" name="q" class="form-control" value=text.clone().unwrap_or_default() maxlength="100" /></div>
                <div class="col-md-2"><button type="submit" class="btn btn-primary">{tx.filter}</button></div>
            </form>
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(list) => applications_table(&list, locale),
                })}
            </Suspense>
        </div>
    }
}

fn applications_table(list: &StaffApplicationList, locale: Locale) -> AnyView {
    let tx = texts(locale);
    if list.rows.is_empty() {
        return view! { <p id="applications-empty">{tx.no_applications}</p> }.into_any();
    }
    let rows = list
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr class="application-row" data-id=r.id.to_string() data-status=r.status.clone()>
                    <th scope="row"><a href=format!("/amministrazione/lavoratori/{}?lang={}", r.id, locale.code())>{r.name.clone()}</a></th>
                    <td>{r.roles.iter().map(|x| t::role_label(locale, x)).collect::<Vec<_>>().join(", ")}</td>
                    <td>{r.municipio}</td>
                    <td>{t::status_label(locale, &r.status)}</td>
                    <td>{r.submitted_at.clone()}</td>
                    <td>{format!("{}{}", r.documents, if r.documents_verified { format!(" ({})", tx.verified) } else { String::new() })}</td>
                </tr>
            }
        })
        .collect_view();
    let pager = (list.pages > 1).then(|| {
        let links = (1..=list.pages)
            .map(|n| {
                let current = n == list.page;
                view! {
                    <li class="page-item"><a class="page-link" href=format!("/amministrazione/lavoratori?pagina={n}&lang={}", locale.code())
                        aria-current=current.then_some("page")>{n}</a></li>
                }
            })
            .collect_view();
        view! { <nav class="pagination-wrapper" aria-label=tx.pages><ul class="pagination">{links}</ul></nav> }
    });
    view! {
        <p>{format!("{}: {}", tx.total, list.total)}</p>
        <div class="table-responsive"><table class="table" id="applications-table">
            <caption class="visually-hidden">{tx.staff_applications_title}</caption>
            <thead><tr><th scope="col">{tx.name}</th><th scope="col">{tx.roles}</th><th scope="col">{tx.municipio}</th>
                <th scope="col">{tx.status}</th><th scope="col">{tx.sent_on}</th><th scope="col">{tx.documents}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
        {pager}
    }
    .into_any()
}

#[component]
pub fn StaffApplicationDetailPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let id: i64 =
        use_params_map().with_untracked(|p| p.get("id").and_then(|i| i.parse().ok()).unwrap_or(0));
    let data = Resource::new(
        move || id,
        move |id| staff_worker_application(id, Some(locale.code().to_string())),
    );
    let trail = vec![
        staff_trail(locale).remove(0),
        (
            tx.staff_applications_title.to_string(),
            format!("/amministrazione/lavoratori?lang={}", locale.code()),
        ),
    ];
    view! {
        <Title text=tx.staff_application_title />
        <div class="container my-4" id="staff-application-page">
            <Breadcrumb current=tx.staff_application_title trail=trail />
            {query_flag("fatto").then(|| view! { <Notice text=tx.done /> })}
            {query_value("errore").map(|code| view! {
                <div class="alert alert-danger" role="alert" id="staff-error">{t::error_message(&code, locale)}</div>
            })}
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(p) => application_detail(&p, locale),
                })}
            </Suspense>
        </div>
    }
}

fn application_detail(p: &StaffApplicationPage, locale: Locale) -> AnyView {
    let tx = texts(locale);
    let en = locale == Locale::En;
    let d = &p.doc;
    let url = format!("/amministrazione/lavoratori/{}/azione", p.id);
    let row = |label: &str, value: String| {
        view! { <dt class="col-sm-4">{label.to_string()}</dt><dd class="col-sm-8">{value}</dd> }
    };
    let documents = p
        .documents
        .iter()
        .map(|doc| view! {
            <li><a href=format!("/lavoro-domestico/documenti/{}", doc.id)>{format!("{} — {}", t::document_label(locale, &doc.kind), doc.filename)}</a>
                {format!(" ({})", doc.uploaded_at)}</li>
        })
        .collect_view();
    let experiences = d
        .experiences
        .iter()
        .map(|e| view! { <li>{format!("{} – {} · {} · {} · {} {} {}", e.from, if e.to.is_empty() { tx.ongoing.to_string() } else { e.to.clone() },
            t::role_label(locale, &e.role), t::label_of(t::EMPLOYERS, &e.employer, locale), e.description, e.reference_name, e.reference_phone)}</li> })
        .collect_view();
    let spaces = p
        .spaces
        .iter()
        .map(|s| view! { <option value=s.id.to_string()>{format!("{} — {}", s.name, s.address)}</option> })
        .collect_view();
    let ratings = d
        .roles()
        .into_iter()
        .map(|r| {
            let code = role_code(r);
            let current = p.ratings.iter().find(|(c, _)| c == code).map(|(_, v)| *v);
            let years = p.years.iter().find(|(c, _)| c == code).map(|(_, y)| *y).unwrap_or(0);
            let options = (1..=5)
                .map(|n| {
                    let selected = current == Some(n);
                    view! { <option value=n.to_string() selected=selected>{n}</option> }
                })
                .collect_view();
            view! {
                <div class="col-md-4 select-wrapper">
                    <label for=format!("rating-{code}")>{format!("{} — {} ({} {})", tx.rating, t::role_label(locale, code), years, tx.years_short)}</label>
                    <select id=format!("rating-{code}") name=format!("rating_{code}") class="form-select">
                        <option value="">"—"</option>{options}
                    </select>
                </div>
            }
        })
        .collect_view();
    let proposals = p
        .proposals
        .iter()
        .map(|pr| view! { <li>{format!("{} · {} · {}", pr.reference, t::role_label(locale, &pr.role), t::proposal_state_label(locale, &pr.state))}</li> })
        .collect_view();
    let hidden = move |action: &'static str| {
        view! {
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="action" value=action />
        }
    };
    view! {
        <h1 class="mt-3" id="staff-application-title" data-status=p.status.clone()>{format!("{} {}", d.first_name, d.last_name)}</h1>
        <p><strong>{t::status_label(locale, &p.status)}</strong>
            {p.decided_at.clone().map(|at| format!(" — {at}"))}
            {(!p.decision_reason.is_empty()).then(|| format!(" — {}", p.decision_reason))}</p>
        {p.engaged.then(|| view! { <p class="badge bg-secondary">{tx.engaged}</p> })}
        {p.assisted.then(|| view! { <p class="small">{tx.assisted_note}</p> })}
        {(!p.missing.is_empty()).then(|| view! { <p>{format!("{}: {}", tx.missing_steps, p.missing.iter().map(|m| t::step_label(locale, m)).collect::<Vec<_>>().join(", "))}</p> })}
        <p>
            <a class="btn btn-outline-primary btn-sm me-2" href=format!("/amministrazione/lavoratori/{}/cv.pdf?lang={}", p.id, locale.code())>{tx.cv_full}</a>
            <a class="btn btn-outline-primary btn-sm" href=format!("/amministrazione/lavoratori/{}/cv.pdf?anonimo=1&lang={}", p.id, locale.code())>{tx.cv_anon}</a>
        </p>
        <dl class="row">
            {row(tx.email, p.email.clone())}
            {row(tx.phone, d.phone.clone())}
            {row(tx.birth_date, d.birth_date.clone())}
            {row(tx.fiscal_code, d.fiscal_code.clone())}
            {row(tx.nationality, format!("{} ({})", d.nationality, if d.eu_citizen { "UE" } else { "extra UE" }))}
            {row(tx.address, format!("{} (Municipio {})", d.address, d.municipio))}
            {row(tx.id_document_kind, format!("{} {} — {}", t::label_of(t::ID_DOCUMENTS, &d.id_document_kind, locale), d.id_document_number, d.id_document_expiry))}
            {(!d.eu_citizen).then(|| row(tx.permit_number, format!("{} — {}", d.permit_number, d.permit_expiry)))}
            {row(tx.italian, d.italian.clone())}
            {row(tx.languages, d.languages.iter().map(|l| t::language_label(locale, l)).collect::<Vec<_>>().join(", "))}
            {row(tx.education, t::label_of(t::EDUCATION, &d.education, locale).to_string())}
            {row(tx.roles, d.roles.iter().map(|r| t::role_label(locale, r)).collect::<Vec<_>>().join(", "))}
            {row(tx.skills, d.skills.iter().map(|s| skills::label(s, en).to_string()).collect::<Vec<_>>().join(", "))}
        </dl>
        <h2 class="h4">{tx.step_experience}</h2>
        <ul>{experiences}</ul>
        <h2 class="h4">{tx.documents}</h2>
        <ul id="staff-documents">{documents}</ul>
        {if p.documents_verified {
            view! { <p id="documents-verified">{tx.documents_verified}</p> }.into_any()
        } else {
            view! {
                <form method="post" action=url.clone()>
                    {hidden("verify")}
                    <button type="submit" class="btn btn-outline-primary btn-sm" id="verify-documents">{tx.verify_documents}</button>
                </form>
            }.into_any()
        }}
        <h2 class="h4 mt-4">{tx.interview}</h2>
        {p.interview.clone().map(|i| view! { <p id="staff-interview">{i}</p> })}
        <form method="post" action=url.clone() class="row g-3 align-items-end" id="interview-form">
            {hidden("interview")}
            <div class="col-md-5 select-wrapper"><label for="interview-space">{tx.space}</label>
                <select id="interview-space" name="space_id" class="form-select" required=true>{spaces}</select></div>
            <div class="col-md-4"><label for="interview-at" class="active">{tx.when}</label>
                <input type="datetime-local" id="interview-at" name="at" class="form-control" required=true /></div>
            <div class="col-md-3"><button type="submit" class="btn btn-outline-primary">{tx.book_interview}</button></div>
        </form>
        <h2 class="h4 mt-4">{tx.outcome}</h2>
        <form method="post" action=url id="decide-form">
            {hidden("decide")}
            <fieldset class="mb-3"><legend class="h6">{tx.outcome}</legend>
                {["suitable", "not_suitable", "suspended"].into_iter().map(|o| view! {
                    <div class="form-check form-check-inline">
                        <input type="radio" id=format!("outcome-{o}") name="outcome" value=o required=true />
                        <label for=format!("outcome-{o}")>{t::status_label(locale, o)}</label>
                    </div>
                }).collect_view()}
            </fieldset>
            <div class="row">{ratings}</div>
            <div class="form-group"><label for="decide-reason" class="active">{tx.reason}</label>
                <textarea id="decide-reason" name="reason" class="form-control" rows="2" maxlength="2000" aria-describedby="decide-reason-hint"></textarea>
                <small id="decide-reason-hint" class="form-text">{tx.reason_hint}</small></div>
            <button type="submit" class="btn btn-primary" id="decide-submit">{tx.record_outcome}</button>
        </form>
        <h2 class="h4 mt-4">{tx.proposals}</h2>
        <ul>{proposals}</ul>
    }
    .into_any()
}

#[component]
pub fn StaffRequestsPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let state = query_value("stato").filter(|s| !s.is_empty());
    let data = Resource::new(
        move || state.clone(),
        move |s| staff_family_requests(s, Some(locale.code().to_string())),
    );
    view! {
        <Title text=tx.staff_requests_title />
        <div class="container my-4" id="staff-requests-page">
            <Breadcrumb current=tx.staff_requests_title trail=staff_trail(locale) />
            <h1 class="mt-3">{tx.staff_requests_title}</h1>
            <p><a href=format!("/amministrazione/lavoratori?lang={}", locale.code())>{tx.staff_applications_title}</a></p>
            <form method="get" action="/amministrazione/richieste-lavoro" class="row g-3 align-items-end mb-3">
                <input type="hidden" name="lang" value=locale.code() />
                <div class="col-md-4 select-wrapper"><label for="requests-state">{tx.state}</label>
                    <select id="requests-state" name="stato" class="form-select">
                        <option value="">{tx.all}</option>
                        <option value="open">{t::request_state_label(locale, "open")}</option>
                        <option value="closed">{t::request_state_label(locale, "closed")}</option>
                    </select></div>
                <div class="col-md-2"><button type="submit" class="btn btn-primary">{tx.filter}</button></div>
            </form>
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(items) if items.is_empty() => view! { <p id="requests-empty">{tx.no_requests}</p> }.into_any(),
                    Ok(items) => requests_table(&items, locale, true),
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn StaffRequestPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    let excluded = query_flag("esclusi");
    let min_score: u32 = query_value("punteggio")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let key = (reference.clone(), excluded, min_score);
    let data = Resource::new(
        move || key.clone(),
        move |(r, e, m)| staff_family_request(r, e, m, Some(locale.code().to_string())),
    );
    let trail = vec![
        staff_trail(locale).remove(0),
        (
            tx.staff_requests_title.to_string(),
            format!("/amministrazione/richieste-lavoro?lang={}", locale.code()),
        ),
    ];
    let filter_url = format!("/amministrazione/richieste-lavoro/{reference}");
    view! {
        <Title text=tx.request_page_title />
        <div class="container my-4" id="staff-request-page">
            <Breadcrumb current=tx.request_page_title trail=trail />
            <form method="get" action=filter_url class="row g-3 align-items-end mb-3" id="ranking-filters">
                <input type="hidden" name="lang" value=locale.code() />
                <div class="col-md-3"><label for="min-score" class="active">{tx.min_score}</label>
                    <input type="number" min="0" max="100" id="min-score" name="punteggio" class="form-control" value=min_score.to_string() /></div>
                <div class="col-md-5"><div class="form-check">
                    <input type="checkbox" id="show-excluded" name="esclusi" value="1" checked=excluded />
                    <label for="show-excluded">{tx.show_excluded}</label></div></div>
                <div class="col-md-2"><button type="submit" class="btn btn-primary">{tx.filter}</button></div>
            </form>
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(p) => request_body(&p, locale, true),
                })}
            </Suspense>
        </div>
    }
}
