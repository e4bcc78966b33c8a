//! `/area-personale/proposte`: the jobs families (or staff) proposed to the worker, with the
//! hours, place, pay and tasks; accept or decline (with a reason). The family's name and
//! contacts appear only after accepting.

use leptos::prelude::*;
use leptos_meta::Title;

use super::family::area_trail;
use crate::api::domestic::my_job_proposals;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::domestic::{self as t, texts};
use crate::locale::use_locale;
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};

#[component]
pub fn WorkerProposalsPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let list = Resource::new(
        || (),
        move |_| my_job_proposals(Some(locale.code().to_string())),
    );
    view! {
        <Title text=tx.my_proposals_title />
        <div class="container my-4" id="worker-proposals-page">
            <Breadcrumb current=tx.my_proposals_title trail=area_trail(locale) />
            <h1 class="mt-3">{tx.my_proposals_title}</h1>
            <p class="lead">{tx.my_proposals_lead}</p>
            {query_flag("fatto").then(|| view! { <Notice text=tx.done /> })}
            {query_value("errore").map(|code| view! {
                <div class="alert alert-danger" role="alert" id="proposal-error">{t::error_message(&code, locale)}</div>
            })}
            <Suspense fallback=|| ()>
                {move || list.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(items) if items.is_empty() => view! { <p id="proposals-empty">{tx.no_job_proposals}</p> }.into_any(),
                    Ok(items) => {
                        let cards = items.into_iter().map(|p| {
                            let family = p.family.clone().map(|c| view! {
                                <p class="proposal-contact"><strong>{c.name}</strong>" · "
                                    <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a>" · "{c.phone}" · "{c.address}</p>
                            });
                            let actions = (p.state == "proposed").then(|| {
                                let id = p.id.to_string();
                                view! {
                                    <form method="post" action="/area-personale/proposte/azione" class="d-inline me-2">
                                        <CsrfField />
                                        <input type="hidden" name="lang" value=locale.code() />
                                        <input type="hidden" name="azione" value="accept" />
                                        <input type="hidden" name="proposal_id" value=id.clone() />
                                        <button type="submit" class="btn btn-primary btn-sm">{tx.accept}</button>
                                    </form>
                                    <form method="post" action="/area-personale/proposte/azione" class="row g-2 align-items-end mt-2">
                                        <CsrfField />
                                        <input type="hidden" name="lang" value=locale.code() />
                                        <input type="hidden" name="azione" value="decline" />
                                        <input type="hidden" name="proposal_id" value=id.clone() />
                                        <div class="col-8"><label for=format!("decline-{id}") class="active">{tx.reason}</label>
                                            <input type="text" id=format!("decline-{id}") name="reason" class="form-control" required=true maxlength="500" /></div>
                                        <div class="col-4"><button type="submit" class="btn btn-outline-danger btn-sm">{tx.decline}</button></div>
                                    </form>
                                }
                            });
                            view! {
                                <li class="list-group-item job-proposal" data-id=p.id.to_string() data-state=p.state.clone()>
                                    <div class="d-flex justify-content-between flex-wrap">
                                        <h2 class="h5">{format!("{} — {}", t::role_label(locale, &p.role), p.reference)}</h2>
                                        <span class="badge bg-primary">{t::proposal_state_label(locale, &p.state)}</span>
                                    </div>
                                    <p>{format!("{} · Municipio {} · {} {} h/{} · {} · {} {}",
                                        t::regime_label(locale, &p.regime), p.municipio, tx.hours, p.weekly_hours, tx.week_short,
                                        p.schedule, tx.start, p.start)}</p>
                                    <p>{format!("{}: {}/h · {}: {}", tx.pay, p.offered_hourly, tx.tasks, p.tasks.join(", "))}</p>
                                    {family}
                                    {actions}
                                </li>
                            }
                        }).collect_view();
                        view! { <ul class="list-group" id="job-proposals">{cards}</ul> }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}
