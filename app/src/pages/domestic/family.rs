//! The family's requests (`/area-personale/lavoro-domestico`) and one request's page
//! (`/area-personale/lavoro-domestico/{reference}`): what was asked, the calculator's
//! estimate, the shortlist of anonymous profiles with the reasons of their score, the
//! proposals (contacts once the worker accepts), the outcome and the feedback. The staff's page
//! of a request (`pages::domestic::staff`) draws the same parts with more.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::domestic::{domestic_request_page, my_domestic_requests};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::domestic::{self as t, HIRING_MODES, options, texts};
use crate::locale::use_locale;
use crate::model::{ProposalView, RequestPage, RequestSummary};
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};
use domain::domestic::skills;

pub fn area_trail(locale: Locale) -> Vec<(String, String)> {
    vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )]
}

pub fn requests_table(items: &[RequestSummary], locale: Locale, staff: bool) -> AnyView {
    let tx = texts(locale);
    let base = if staff {
        "/amministrazione/richieste-lavoro"
    } else {
        "/area-personale/lavoro-domestico"
    };
    let rows = items
        .iter()
        .map(|r| {
            view! {
                <tr class="request-row" data-reference=r.reference.clone()>
                    <th scope="row"><a href=format!("{base}/{}?lang={}", r.reference, locale.code())>{r.reference.clone()}</a></th>
                    {staff.then(|| view! { <td>{r.family.clone()}</td> })}
                    <td>{t::role_label(locale, &r.role)}</td>
                    <td>{format!("Municipio {}", r.municipio)}</td>
                    <td>{r.created_at.clone()}</td>
                    <td>{r.proposals}</td>
                    <td>{t::request_state_label(locale, &r.state)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-responsive"><table class="table" id="requests-table">
            <caption class="visually-hidden">{tx.requests_title}</caption>
            <thead><tr>
                <th scope="col">{tx.reference}</th>
                {staff.then(|| view! { <th scope="col">{tx.family}</th> })}
                <th scope="col">{tx.role}</th><th scope="col">{tx.municipio}</th>
                <th scope="col">{tx.created}</th><th scope="col">{tx.proposals}</th><th scope="col">{tx.state}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}

#[component]
pub fn MyRequestsPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let list = Resource::new(
        || (),
        move |_| my_domestic_requests(Some(locale.code().to_string())),
    );
    view! {
        <Title text=tx.requests_title />
        <div class="container my-4" id="my-requests-page">
            <Breadcrumb current=tx.requests_title trail=area_trail(locale) />
            <h1 class="mt-3">{tx.requests_title}</h1>
            <Suspense fallback=|| ()>
                {move || list.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(items) if items.is_empty() => view! { <p id="requests-empty">{tx.no_requests}</p> }.into_any(),
                    Ok(items) => requests_table(&items, locale, false),
                })}
            </Suspense>
            <p><a class="btn btn-primary" href=format!("/lavoro-domestico/richiesta?lang={}", locale.code())>{tx.new_request}</a></p>
        </div>
    }
}

#[component]
pub fn RequestDetailPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    let data = Resource::new(
        move || reference.clone(),
        move |r| domestic_request_page(r, Some(locale.code().to_string())),
    );
    view! {
        <Title text=tx.request_page_title />
        <div class="container my-4" id="request-page">
            <Breadcrumb current=tx.request_page_title trail=area_trail(locale) />
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(p) => request_body(&p, locale, false),
                })}
            </Suspense>
        </div>
    }
}

fn action_url(p: &RequestPage, staff: bool) -> String {
    if staff {
        format!("/amministrazione/richieste-lavoro/{}/azione", p.reference)
    } else {
        format!("/area-personale/lavoro-domestico/{}/azione", p.reference)
    }
}

/// The notices and errors a request's page shows after an action.
fn flash(locale: Locale) -> AnyView {
    let tx = texts(locale);
    view! {
        {query_flag("inviata").then(|| view! { <Notice text=tx.request_sent /> })}
        {query_flag("fatto").then(|| view! { <Notice text=tx.done /> })}
        {query_value("errore").map(|code| view! {
            <div class="alert alert-danger" role="alert" id="request-error">{t::error_message(&code, locale)}</div>
        })}
    }
    .into_any()
}

pub fn request_body(p: &RequestPage, locale: Locale, staff: bool) -> AnyView {
    let tx = texts(locale);
    let en = locale == Locale::En;
    let d = &p.doc;
    let people = d
        .people
        .iter()
        .map(|person| {
            let mut parts = vec![format!("{} {}", person.age, tx.years_old)];
            if !person.mobility.is_empty() {
                parts.push(skills::label_in(skills::MOBILITY, &person.mobility, en).to_string());
            }
            for c in &person.conditions {
                parts.push(skills::label_in(skills::CONDITIONS, c, en).to_string());
            }
            view! { <li>{parts.join(", ")}</li> }
        })
        .collect_view();
    let row = |label: &str, value: String| {
        view! { <dt class="col-sm-4">{label.to_string()}</dt><dd class="col-sm-8">{value}</dd> }
    };
    let estimate = p.estimate.clone().map(|e| {
        view! {
            <div class="card-wrapper mb-4"><div class="card card-bg" id="request-estimate"><div class="card-body">
                <h2 class="h5 card-title">{tx.estimate}</h2>
                <p>{format!("{} {} h/{} · {} {}/h ({} {})", tx.estimate_for, e.weekly_hours, tx.week_short, tx.pay, e.hourly_pay, tx.minimum_is, e.minimum_hourly)}</p>
                <p class="h4">{format!("{} {}", e.monthly_average_cost, tx.per_month)}</p>
                <p>{format!("{}: {}", tx.annual_cost, e.annual_employer_cost)}</p>
                <a href=format!("/lavoro-domestico/calcolatore?{}&lang={}", e.calculator_query, locale.code())>{tx.open_calculator}</a>
            </div></div></div>
        }
    });
    let family = p.family.clone().map(|c| {
        view! { <p id="request-family">{format!("{}: {} · {} · {}", tx.family, c.name, c.email, c.phone)}</p> }
    });
    let url = action_url(p, staff);
    let close = (p.state == "open").then(|| {
        view! {
            <form method="post" action=url.clone() class="mt-3">
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <input type="hidden" name="azione" value="close" />
                <button type="submit" class="btn btn-outline-secondary btn-sm" id="request-close">{tx.close_request}</button>
            </form>
        }
    });
    view! {
        <h1 class="mt-3" id="request-title" data-reference=p.reference.clone() data-state=p.state.clone()>
            {format!("{} {}", tx.request_page_title, p.reference)}</h1>
        {flash(locale)}
        {family}
        <div class="row">
            <div class="col-lg-7">
                <dl class="row" id="request-summary">
                    {row(tx.state, t::request_state_label(locale, &p.state).to_string())}
                    {row(tx.role, t::role_label(locale, &d.role).to_string())}
                    {row(tx.regime, t::regime_label(locale, &d.regime).to_string())}
                    {row(tx.contract, t::label_of(t::CONTRACTS, &d.contract, locale).to_string())}
                    {row(tx.start, format!("{}{}", d.start, if d.end.is_empty() { String::new() } else { format!(" → {}", d.end) }))}
                    {row(tx.municipio, format!("{} (Municipio {})", d.address, d.municipio))}
                    {row(tx.tasks, d.tasks.iter().map(|s| skills::label(s, en).to_string()).collect::<Vec<_>>().join(", "))}
                    {row(tx.pets, t::label_of(t::PETS, &d.pets, locale).to_string())}
                    <dt class="col-sm-4">{tx.who_needs_care}</dt><dd class="col-sm-8"><ul class="mb-0">{people}</ul></dd>
                </dl>
            </div>
            <div class="col-lg-5">{estimate}</div>
        </div>
        {proposals_section(p, locale, staff)}
        {shortlist_section(p, locale, staff)}
        {close}
    }
    .into_any()
}

fn proposal_actions(
    p: &RequestPage,
    proposal: &ProposalView,
    locale: Locale,
    staff: bool,
) -> AnyView {
    let tx = texts(locale);
    let url = action_url(p, staff);
    let id = proposal.id.to_string();
    let hidden = move |action: &'static str| {
        view! {
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="azione" value=action />
            <input type="hidden" name="proposal_id" value=id.clone() />
        }
    };
    match proposal.state.as_str() {
        "proposed" => view! {
            <form method="post" action=url class="row g-2 align-items-end">
                {hidden("withdraw")}
                <div class="col-8"><label for=format!("withdraw-reason-{}", proposal.id) class="active">{tx.reason}</label>
                    <input type="text" class="form-control" id=format!("withdraw-reason-{}", proposal.id) name="reason" required=true maxlength="500" /></div>
                <div class="col-4"><button type="submit" class="btn btn-outline-danger btn-sm">{tx.withdraw}</button></div>
            </form>
        }.into_any(),
        "accepted" => {
            let modes = options(HIRING_MODES, locale)
                .into_iter()
                .map(|(c, l)| view! { <option value=c>{l}</option> })
                .collect_view();
            view! {
                <form method="post" action=url.clone() class="row g-2 align-items-end mb-2 outcome-hired">
                    {hidden("hired")}
                    <div class="col-8 select-wrapper"><label for=format!("mode-{}", proposal.id)>{tx.hiring_mode}</label>
                        <select class="form-select" id=format!("mode-{}", proposal.id) name="hiring_mode" required=true>{modes}</select></div>
                    <div class="col-4"><button type="submit" class="btn btn-primary btn-sm">{tx.hired}</button></div>
                </form>
                <form method="post" action=url class="row g-2 align-items-end outcome-not-hired">
                    {hidden("not_hired")}
                    <div class="col-8"><label for=format!("not-hired-{}", proposal.id) class="active">{tx.reason}</label>
                        <input type="text" class="form-control" id=format!("not-hired-{}", proposal.id) name="reason" required=true maxlength="500" /></div>
                    <div class="col-4"><button type="submit" class="btn btn-outline-secondary btn-sm">{tx.not_hired}</button></div>
                </form>
            }.into_any()
        }
        "hired" | "not_hired" if !staff && proposal.worker_rating.is_none() => {
            let stars = |name: &'static str, legend: &str, pid: i64| {
                let items = (1..=5)
                    .map(|n| {
                        let rid = format!("{name}-{pid}-{n}");
                        let required = name == "worker_rating";
                        view! {
                            <div class="form-check form-check-inline">
                                <input type="radio" id=rid.clone() name=name value=n.to_string() required=required />
                                <label for=rid>{n}</label>
                            </div>
                        }
                    })
                    .collect_view();
                view! { <fieldset class="mb-2"><legend class="h6">{legend.to_string()}</legend>{items}</fieldset> }
            };
            view! {
                <form method="post" action=url class="feedback-form">
                    {hidden("feedback")}
                    {stars("worker_rating", tx.rate_worker, proposal.id)}
                    <label for=format!("worker-feedback-{}", proposal.id) class="active">{tx.comment}</label>
                    <textarea class="form-control mb-2" id=format!("worker-feedback-{}", proposal.id) name="worker_feedback" rows="2" maxlength="2000"></textarea>
                    {stars("service_rating", tx.rate_service, proposal.id)}
                    <label for=format!("service-feedback-{}", proposal.id) class="active">{tx.comment}</label>
                    <textarea class="form-control mb-2" id=format!("service-feedback-{}", proposal.id) name="service_feedback" rows="2" maxlength="2000"></textarea>
                    <button type="submit" class="btn btn-primary btn-sm">{tx.send_feedback}</button>
                </form>
            }.into_any()
        }
        _ => ().into_any(),
    }
}

fn proposals_section(p: &RequestPage, locale: Locale, staff: bool) -> AnyView {
    let tx = texts(locale);
    if p.proposals.is_empty() {
        return view! { <h2 class="h4 mt-4">{tx.proposals}</h2><p id="proposals-empty">{tx.no_proposals}</p> }.into_any();
    }
    let items = p
        .proposals
        .iter()
        .map(|pr| {
            let contact = pr.contact.clone().map(|c| {
                view! {
                    <p class="proposal-contact"><strong>{c.name}</strong>
                        " · " <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a>
                        " · " <a href=format!("tel:{}", c.phone.replace(' ', ""))>{c.phone.clone()}</a></p>
                }
            });
            let reasons = pr.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view();
            let outcome = pr.hiring_mode.clone().map(|m| view! { <p>{format!("{}: {}", tx.hiring_mode, t::label_of(HIRING_MODES, &m, locale))}</p> });
            let rating = pr.worker_rating.map(|r| view! { <p>{format!("{}: {r}/5 {}", tx.rate_worker, pr.worker_feedback)}</p> });
            view! {
                <li class="list-group-item proposal" data-id=pr.id.to_string() data-state=pr.state.clone() data-application=pr.application_id.to_string()>
                    <div class="d-flex justify-content-between flex-wrap">
                        <h3 class="h5">{pr.code.clone()}</h3>
                        <span class="badge bg-primary">{t::proposal_state_label(locale, &pr.state)}</span>
                    </div>
                    <p class="small">{format!("{} {} · {} {}/100 · {}", tx.proposed_on, pr.created_at, tx.score, pr.score, t::proposed_by_label(locale, &pr.proposed_by))}</p>
                    {contact}
                    {(!pr.reason.is_empty()).then(|| view! { <p>{format!("{}: {}", tx.reason, pr.reason)}</p> })}
                    {outcome}
                    {rating}
                    <details><summary>{tx.why_score}</summary><ul>{reasons}</ul></details>
                    {proposal_actions(p, pr, locale, staff)}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 class="h4 mt-4">{tx.proposals}</h2>
        <p class="small">{tx.contacts_rule}</p>
        <ul class="list-group mb-4" id="proposals">{items}</ul>
    }
    .into_any()
}

fn shortlist_section(p: &RequestPage, locale: Locale, staff: bool) -> AnyView {
    let tx = texts(locale);
    if p.state != "open" {
        return ().into_any();
    }
    let url = action_url(p, staff);
    let cards = p
        .shortlist
        .iter()
        .map(|c| {
            let reasons = c.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view();
            let exclusions = c.exclusions.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view();
            let propose = if c.already_proposed {
                view! { <p class="small">{tx.already_proposed}</p> }.into_any()
            } else if p.can_propose && c.exclusions.is_empty() {
                view! {
                    <form method="post" action=url.clone()>
                        <CsrfField />
                        <input type="hidden" name="lang" value=locale.code() />
                        <input type="hidden" name="azione" value="propose" />
                        <input type="hidden" name="application_id" value=c.application_id.to_string() />
                        <button type="submit" class="btn btn-primary btn-sm">{tx.propose}
                            <span class="visually-hidden">{format!(" — {}", c.code)}</span></button>
                    </form>
                }.into_any()
            } else {
                ().into_any()
            };
            view! {
                <li class="list-group-item candidate" data-application=c.application_id.to_string() data-score=c.score.to_string()>
                    <div class="d-flex justify-content-between flex-wrap">
                        <h3 class="h5">{c.code.clone()}</h3>
                        {c.exclusions.is_empty().then(|| view! { <span class="badge bg-success">{format!("{} {}/100", tx.score, c.score)}</span> })}
                    </div>
                    <p class="small">{format!("{}: {} · {}: {} · {}: {}", tx.years, c.years, tx.italian, c.italian, tx.skills, c.skills.join(", "))}</p>
                    {(!c.reasons.is_empty()).then(|| view! { <ul class="reasons">{reasons}</ul> })}
                    {(!c.exclusions.is_empty()).then(|| view! { <p class="mb-0">{tx.excluded_because}</p><ul class="exclusions">{exclusions}</ul> })}
                    {propose}
                </li>
            }
        })
        .collect_view();
    let body = if p.shortlist.is_empty() {
        view! { <p id="shortlist-empty">{tx.no_candidates}</p> }.into_any()
    } else {
        view! { <ol class="list-group list-group-numbered mb-4" id="shortlist">{cards}</ol> }
            .into_any()
    };
    view! {
        <h2 class="h4 mt-4">{tx.shortlist}</h2>
        <p>{tx.shortlist_lead}</p>
        {(p.left_out > 0).then(|| view! { <p class="small" id="left-out">{format!("{}: {}", tx.left_out, p.left_out)}</p> })}
        {(!p.can_propose).then(|| view! { <p class="small">{tx.proposals_full}</p> })}
        {body}
    }
    .into_any()
}
