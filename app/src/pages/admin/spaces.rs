//! `/amministrazione/spazi`: the WeMi spaces, and `/amministrazione/spazi/{id}`: one space's
//! weekly hours (several ranges a day), appointment desks and closure days.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::area_trail;
use crate::api::admin::{admin_space, admin_spaces};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::admin::{error_message, texts};
use crate::locale::use_locale;
use crate::model::{AdminSpacePage, AdminSpaceRow};
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};

#[component]
pub fn AdminSpacesPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let data = Resource::new(
        || (),
        move |_| admin_spaces(Some(locale.code().to_string())),
    );
    view! {
        <Title text=tx.spaces_title />
        <div class="container my-4" id="admin-spaces-page">
            <Breadcrumb current=tx.spaces_title trail=vec![area_trail(locale)] />
            <h1 class="mt-3">{tx.spaces_title}</h1>
            <p class="lead">{tx.spaces_lead}</p>
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(rows) => spaces_table(&rows, locale),
                })}
            </Suspense>
        </div>
    }
}

fn spaces_table(rows: &[AdminSpaceRow], locale: Locale) -> AnyView {
    let tx = texts(locale);
    let rows = rows
        .iter()
        .map(|s| {
            view! {
                <tr class="space-row" data-id=s.id.to_string()>
                    <th scope="row"><a href=format!("/amministrazione/spazi/{}?lang={}", s.id, locale.code())>{s.name.clone()}</a></th>
                    <td>{s.address.clone()}</td>
                    <td>{s.appointment_desks}</td>
                    <td>{s.upcoming_closures}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-responsive"><table class="table" id="spaces-table">
            <caption class="visually-hidden">{tx.spaces_title}</caption>
            <thead><tr><th scope="col">{tx.name}</th><th scope="col">{tx.address}</th>
                <th scope="col">{tx.desks}</th><th scope="col">{tx.upcoming_closures}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}

#[component]
pub fn AdminSpaceDetailPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let id: i64 =
        use_params_map().with_untracked(|p| p.get("id").and_then(|i| i.parse().ok()).unwrap_or(0));
    let data = Resource::new(
        move || id,
        move |id| admin_space(id, Some(locale.code().to_string())),
    );
    let trail = vec![
        area_trail(locale),
        (
            tx.spaces_title.to_string(),
            format!("/amministrazione/spazi?lang={}", locale.code()),
        ),
    ];
    view! {
        <Title text=tx.space_title />
        <div class="container my-4" id="admin-space-page">
            <Breadcrumb current=tx.space_title trail=trail />
            {query_flag("fatto").then(|| view! { <Notice text=tx.done /> })}
            {query_value("errore").map(|code| view! {
                <div class="alert alert-danger" role="alert" id="admin-error">{error_message(&code, locale)}</div>
            })}
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(p) => space_detail(&p, locale),
                })}
            </Suspense>
        </div>
    }
}

fn space_detail(p: &AdminSpacePage, locale: Locale) -> AnyView {
    let tx = texts(locale);
    let base = format!("/amministrazione/spazi/{}", p.space.id);
    let lang = locale.code();
    let days = p
        .week
        .iter()
        .enumerate()
        .map(|(i, ranges)| {
            let n = i + 1;
            view! {
                <div class="col-md-6">
                    <label for=format!("hours-{n}") class="active">{tx.weekdays[i]}</label>
                    <input type="text" id=format!("hours-{n}") name=format!("giorno{n}") class="form-control"
                        value=ranges.clone() maxlength="100" aria-describedby="hours-hint" />
                </div>
            }
        })
        .collect_view();
    let closures = if p.closures.is_empty() {
        view! { <p id="closures-empty">{tx.no_closures}</p> }.into_any()
    } else {
        let rows = p
            .closures
            .iter()
            .map(|c| {
                view! {
                    <tr class="closure-row" data-day=c.day.clone()>
                        <th scope="row">{c.day.clone()}</th>
                        <td>{c.reason.clone()}</td>
                        <td>
                            <form method="post" action=format!("{base}/chiusure/elimina?lang={lang}")>
                                <CsrfField />
                                <input type="hidden" name="giorno" value=c.day.clone() />
                                <button type="submit" class="btn btn-outline-danger btn-sm"
                                    aria-label=format!("{} {}", tx.remove, c.day)>{tx.remove}</button>
                            </form>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="table-responsive"><table class="table" id="closures-table">
                <caption class="visually-hidden">{tx.closures_title}</caption>
                <thead><tr><th scope="col">{tx.day}</th><th scope="col">{tx.reason}</th>
                    <th scope="col"><span class="visually-hidden">{tx.remove}</span></th></tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
        .into_any()
    };
    view! {
        <h1 class="mt-3" id="admin-space-name">{p.space.name.clone()}</h1>
        <p>{p.space.address.clone()}</p>
        <h2 class="h4 mt-4">{tx.hours_title}</h2>
        <form method="post" action=format!("{base}/orari?lang={lang}") id="hours-form">
            <CsrfField />
            <p id="hours-hint" class="form-text">{tx.hours_hint}</p>
            <div class="row g-3">{days}</div>
            <button type="submit" class="btn btn-primary mt-3">{tx.save_hours}</button>
        </form>
        <h2 class="h4 mt-4">{tx.desks_title}</h2>
        <form method="post" action=format!("{base}/sportelli?lang={lang}") class="row g-3 align-items-end" id="desks-form">
            <CsrfField />
            <div class="col-md-3"><label for="desks" class="active">{tx.desks}</label>
                <input type="number" id="desks" name="sportelli" class="form-control" min="1" max="20" required
                    value=p.space.appointment_desks.to_string() /></div>
            <div class="col-md-3"><button type="submit" class="btn btn-primary">{tx.save_desks}</button></div>
        </form>
        <h2 class="h4 mt-4">{tx.closures_title}</h2>
        {closures}
        <form method="post" action=format!("{base}/chiusure?lang={lang}") class="row g-3 align-items-end" id="closure-form">
            <CsrfField />
            <div class="col-md-3"><label for="closure-day" class="active">{tx.day}</label>
                <input type="date" id="closure-day" name="giorno" class="form-control" min=p.today.clone() required /></div>
            <div class="col-md-5"><label for="closure-reason" class="active">{tx.reason}</label>
                <input type="text" id="closure-reason" name="motivo" class="form-control" maxlength="200" /></div>
            <div class="col-md-3"><button type="submit" class="btn btn-primary">{tx.add_closure}</button></div>
        </form>
    }
    .into_any()
}
