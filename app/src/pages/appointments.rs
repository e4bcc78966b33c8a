//! Appointments at WeMi spaces: the booking page (`/appuntamenti/nuovo`: a GET form choosing
//! space and day, then a POST form with the free slots as radio buttons and the topic), the
//! person's appointments with their cancel buttons (`/area-personale/appuntamenti`), and the
//! day's appointments of a space for its operators (`/operatore/appuntamenti`). Every one works
//! without JavaScript.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::appointments::{
    BookAppointment, CancelAppointment, appointment_form, my_appointments, space_appointments,
};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::appointments::{appointment_texts, error_message, state_label, topic_label};
use crate::locale::use_locale;
use crate::model::{AppointmentView, BookingForm};
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};

fn area_trail(locale: Locale) -> Vec<(String, String)> {
    vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )]
}

/// The error summary of a refused form (`?errore=code`), focusable for screen readers.
#[component]
fn AppointmentErrors(locale: Locale) -> impl IntoView {
    query_value("errore").map(|code| {
        view! {
            <div class="alert alert-danger" role="alert" tabindex="-1" id="appointment-errors">
                <p class="mb-1 fw-semibold">{appointment_texts(locale).errors_title}</p>
                <p class="mb-0">{error_message(&code, locale)}</p>
            </div>
        }
    })
}

#[component]
pub fn NewAppointmentPage() -> impl IntoView {
    let locale = use_locale();
    let a = appointment_texts(locale);
    let space: Option<i64> = query_value("spazio").and_then(|s| s.parse().ok());
    let day = query_value("giorno").filter(|d| !d.is_empty());
    let service = query_value("servizio").filter(|s| !s.is_empty());
    let topic = query_value("tema").unwrap_or_default();
    let form = Resource::new(
        move || (space, day.clone(), service.clone()),
        move |(space, day, service)| {
            appointment_form(space, day, service, Some(locale.code().to_string()))
        },
    );
    view! {
        <Title text=a.new_title />
        <div class="container my-4" id="new-appointment-page">
            <Breadcrumb current=a.new_title trail=area_trail(locale) />
            <h1 class="mt-3">{a.new_title}</h1>
            <p class="lead">{a.new_lead}</p>
            <AppointmentErrors locale />
            <Suspense fallback=|| ()>
                {move || form.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(f) => view! { <BookingView f locale topic=topic.clone() /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn BookingView(f: BookingForm, locale: Locale, topic: String) -> impl IntoView {
    let a = appointment_texts(locale);
    let service_slug = f
        .service
        .as_ref()
        .map(|s| s.slug.clone())
        .unwrap_or_default();
    let service_line = f.service.as_ref().map(|s| {
        view! {
            <p id="appointment-service">
                {format!("{}: ", a.for_service)}
                <a href=format!("/servizi/{}?lang={}", s.slug, locale.code())>
                    {crate::model::pick(locale, &s.name_it, &s.name_en).to_string()}
                </a>
            </p>
        }
    });
    let options = f
        .spaces
        .iter()
        .map(|s| {
            let selected = f.space_id == Some(s.id);
            view! { <option value=s.id.to_string() selected=selected>{format!("{} — {}", s.name, s.address)}</option> }
        })
        .collect_view();
    let chosen = f.space_id.zip(f.day.clone());
    let slots_part = chosen.map(|(space_id, day)| {
        if f.closed {
            return view! { <p id="appointment-closed">{a.closed}</p> }.into_any();
        }
        if f.slots.is_empty() {
            return view! { <p id="appointment-no-slots">{a.no_slots}</p> }.into_any();
        }
        let slots = f.slots.iter().map(|s| {
            let id = format!("slot-{}", s.starts_at);
            view! {
                <div class="form-check form-check-inline">
                    <input class="form-check-input" type="radio" name="starts_at" id=id.clone()
                        value=s.starts_at.to_string() required=true />
                    <label class="form-check-label" for=id>
                        {s.time.clone()}
                        <span class="visually-hidden">{format!(" ({} {})", s.free, a.free_desks)}</span>
                    </label>
                </div>
            }
        }).collect_view();
        let topics = domain::appointments::TOPICS.iter().enumerate().map(|(i, t)| {
            let id = format!("topic-{}", t.code);
            let checked = if topic.is_empty() { i == 0 } else { topic == t.code };
            view! {
                <div class="form-check">
                    <input class="form-check-input" type="radio" name="topic" id=id.clone()
                        value=t.code checked=checked required=true />
                    <label class="form-check-label" for=id>{topic_label(locale, t.code)}</label>
                </div>
            }
        }).collect_view();
        view! {
            <form method="post" action=BookAppointment::url() id="book-appointment-form" class="mt-4">
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <input type="hidden" name="space_id" value=space_id.to_string() />
                <input type="hidden" name="giorno" value=day.clone() />
                <input type="hidden" name="servizio" value=service_slug.clone() />
                <fieldset class="mb-4" id="appointment-slots">
                    <legend class="h5">{format!("{} — {}", a.slots_legend, day)}</legend>
                    {slots}
                </fieldset>
                <fieldset class="mb-4">
                    <legend class="h5">{a.topic_legend}</legend>
                    {topics}
                </fieldset>
                <div class="form-group">
                    <label for="appointment-notes" class="active">{a.notes}</label>
                    <textarea id="appointment-notes" name="notes" class="form-control" rows="3"
                        maxlength="1000" aria-describedby="appointment-notes-hint"></textarea>
                    <small id="appointment-notes-hint" class="form-text">{a.notes_hint}</small>
                </div>
                <button type="submit" class="btn btn-primary" id="appointment-book">{a.book}</button>
            </form>
        }
        .into_any()
    });
    view! {
        {service_line}
        <form method="get" action="/appuntamenti/nuovo" id="appointment-choose" class="row g-3 align-items-end">
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="servizio" value=service_slug.clone() />
            <div class="col-12 col-md-6 form-group">
                <label for="appointment-space" class="active">{a.space}</label>
                <select id="appointment-space" name="spazio" class="form-select" required=true>
                    <option value="">{a.choose_space}</option>
                    {options}
                </select>
            </div>
            <div class="col-6 col-md-3 form-group">
                <label for="appointment-day" class="active">{a.day}</label>
                <input type="date" id="appointment-day" name="giorno" class="form-control" required=true
                    min=f.first_day.clone() max=f.last_day.clone() value=f.day.clone().unwrap_or_default()
                    aria-describedby="appointment-day-hint" />
                <small id="appointment-day-hint" class="form-text">{a.day_hint}</small>
            </div>
            <div class="col-6 col-md-3 form-group">
                <button type="submit" class="btn btn-outline-primary">{a.show_slots}</button>
            </div>
        </form>
        {slots_part}
    }
}

fn appointment_rows(items: &[AppointmentView], locale: Locale, operator: bool) -> AnyView {
    let a = appointment_texts(locale);
    let rows = items
        .iter()
        .map(|item| {
            let cancel = (!operator && item.cancellable).then(|| {
                view! {
                    <form method="post" action=CancelAppointment::url() class="d-inline">
                        <CsrfField />
                        <input type="hidden" name="lang" value=locale.code() />
                        <input type="hidden" name="id" value=item.id.to_string() />
                        <button type="submit" class="btn btn-outline-danger btn-sm">
                            {a.cancel}
                            <span class="visually-hidden">{format!(" — {}", item.when)}</span>
                        </button>
                    </form>
                }
            });
            view! {
                <tr class="appointment-row" data-id=item.id.to_string() data-state=item.state.clone()>
                    <th scope="row"><time datetime=item.starts_at.clone()>{item.when.clone()}</time></th>
                    <td>{format!("{} — {}", item.space_name, item.space_address)}</td>
                    <td>{topic_label(locale, &item.topic)}</td>
                    {operator.then(|| view! { <td>{item.person.clone()}</td> })}
                    <td>{item.notes.clone()}</td>
                    <td>{state_label(locale, &item.state)}</td>
                    {(!operator).then(|| view! { <td>{cancel}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-responsive"><table class="table align-middle" id="appointments-table">
            <thead><tr>
                <th scope="col">{a.when}</th>
                <th scope="col">{a.space}</th>
                <th scope="col">{a.topic}</th>
                {operator.then(|| view! { <th scope="col">{a.person}</th> })}
                <th scope="col">{a.notes}</th>
                <th scope="col">{a.state}</th>
                {(!operator).then(|| view! { <th scope="col"><span class="visually-hidden">{a.cancel}</span></th> })}
            </tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}

#[component]
pub fn MyAppointmentsPage() -> impl IntoView {
    let locale = use_locale();
    let a = appointment_texts(locale);
    let list = Resource::new(
        || (),
        move |_| my_appointments(Some(locale.code().to_string())),
    );
    view! {
        <Title text=a.mine_title />
        <div class="container my-4" id="appointments-page">
            <Breadcrumb current=a.mine_title trail=area_trail(locale) />
            <h1 class="mt-3">{a.mine_title}</h1>
            <p class="lead">{a.mine_lead}</p>
            <AppointmentErrors locale />
            {query_flag("fatto").then(|| view! { <Notice text=a.booked /> })}
            {query_flag("annullato").then(|| view! { <Notice text=a.cancelled_notice /> })}
            <Suspense fallback=|| ()>
                {move || list.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(items) if items.is_empty() => view! { <p id="appointments-empty">{a.empty}</p> }.into_any(),
                    Ok(items) => appointment_rows(&items, locale, false),
                })}
            </Suspense>
            <p><a class="btn btn-primary" href=format!("/appuntamenti/nuovo?lang={}", locale.code())>{a.book_another}</a></p>
        </div>
    }
}

#[component]
pub fn SpaceAppointmentsPage() -> impl IntoView {
    let locale = use_locale();
    let a = appointment_texts(locale);
    let day = query_value("giorno").filter(|d| !d.is_empty());
    let list = Resource::new(
        move || day.clone(),
        move |d| space_appointments(d, Some(locale.code().to_string())),
    );
    view! {
        <Title text=a.operator_title />
        <div class="container my-4" id="space-appointments-page">
            <Breadcrumb current=a.operator_title trail=area_trail(locale) />
            <h1 class="mt-3">{a.operator_title}</h1>
            <p class="lead">{a.operator_lead}</p>
            <Suspense fallback=|| ()>
                {move || list.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(v) => view! {
                        <h2 class="h4" id="space-day">{format!("{} — {}", v.space_name, v.day)}</h2>
                        <form method="get" action="/operatore/appuntamenti" class="row g-3 align-items-end mb-3">
                            <input type="hidden" name="lang" value=locale.code() />
                            <div class="col-6 col-md-3 form-group">
                                <label for="space-day-input" class="active">{a.day}</label>
                                <input type="date" id="space-day-input" name="giorno" class="form-control" value=v.day.clone() />
                            </div>
                            <div class="col-6 col-md-3"><button type="submit" class="btn btn-outline-primary">{a.show_day}</button></div>
                        </form>
                        {if v.items.is_empty() {
                            view! { <p id="appointments-empty">{a.empty}</p> }.into_any()
                        } else {
                            appointment_rows(&v.items, locale, true)
                        }}
                    }.into_any(),
                })}
            </Suspense>
        </div>
    }
}
