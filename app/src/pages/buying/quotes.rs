//! Quote requests: the new-request form (`/preventivi/nuovo?servizio=…`), the citizen's list
//! and the providers' list, and one request (`/area-personale/preventivi/{ref}` for its
//! citizen, `/ente/preventivi/{ref}` for a provider it was sent to) with offers side by side,
//! messages and the actions of each party — every one a plain form.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_params_map};

use super::{BuyingErrors, euros, when};
use crate::api::quotes::{
    QuoteAction, load_quote, load_quote_start, my_quote_requests, received_quote_requests,
};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::buying::{slot_label, texts};
use crate::i18n::quotes::{offer_state_label, quote_texts};
use crate::locale::use_locale;
use crate::model::{Paged, QuoteDetail, QuoteSummary};
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};

fn area_trail(locale: Locale) -> Vec<(String, String)> {
    vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )]
}

fn slot_options(locale: Locale) -> impl IntoView {
    ["", "morning", "afternoon", "evening"]
        .into_iter()
        .map(|s| view! { <option value=s>{slot_label(locale, s)}</option> })
        .collect_view()
}

#[component]
pub fn NewQuotePage() -> impl IntoView {
    let locale = use_locale();
    let q = quote_texts(locale);
    let slug = query_value("servizio").unwrap_or_default();
    let start = Resource::new(
        move || slug.clone(),
        move |s| load_quote_start(s, Some(locale.code().to_string())),
    );
    view! {
        <Title text=q.new_title />
        <div class="container my-4" id="new-quote-page">
            <Breadcrumb current=q.new_title trail=area_trail(locale) />
            <h1 class="mt-3">{q.new_title}</h1>
            <p class="lead">{q.new_lead}</p>
            <BuyingErrors locale />
            <Suspense fallback=|| ()>
                {move || start.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(start) => {
                        let name = |c: &crate::model::QuoteCandidate| format!(
                            "{} — {}",
                            crate::model::pick(locale, &c.service_name_it, &c.service_name_en),
                            c.provider_name
                        );
                        let first = start.service.clone();
                        let others = start.others.iter().map(|c| {
                            let id = format!("quote-service-{}", c.service_id);
                            view! {
                                <div class="form-check">
                                    <input class="form-check-input" type="checkbox" name="service_id" id=id.clone() value=c.service_id.to_string() />
                                    <label class="form-check-label" for=id>{name(c)}</label>
                                </div>
                            }
                        }).collect_view();
                        view! {
                            <form method="post" action="/preventivi/invia" id="new-quote">
                                <CsrfField />
                                <input type="hidden" name="lang" value=locale.code() />
                                <input type="hidden" name="servizio" value=first.service_slug.clone() />
                                <fieldset class="mb-4">
                                    <legend class="h5">{q.providers_legend}</legend>
                                    <p class="small" id="quote-providers-hint">{q.providers_hint}</p>
                                    <div class="form-check">
                                        <input class="form-check-input" type="checkbox" name="service_id" id="quote-service-main"
                                            value=first.service_id.to_string() checked=true />
                                        <label class="form-check-label" for="quote-service-main">{name(&first)}</label>
                                    </div>
                                    {others}
                                </fieldset>
                                <div class="form-group">
                                    <label for="quote-description" class="active">{q.description}</label>
                                    <textarea id="quote-description" name="description" class="form-control" rows="4"
                                        minlength="10" maxlength="2000" required aria-describedby="quote-description-hint"></textarea>
                                    <small id="quote-description-hint" class="form-text">{q.description_hint}</small>
                                </div>
                                <div class="row g-3">
                                    <div class="col-6 col-md-3 form-group">
                                        <label for="quote-people" class="active">{texts(locale).people}</label>
                                        <input type="number" id="quote-people" name="people" class="form-control" min="1" max="100" value="1" required />
                                    </div>
                                    <div class="col-6 col-md-3 form-group">
                                        <label for="quote-preferred_date" class="active">{texts(locale).preferred_date}</label>
                                        <input type="date" id="quote-preferred_date" name="preferred_date" class="form-control" />
                                    </div>
                                    <div class="col-6 col-md-3 form-group">
                                        <label for="quote-time_slot" class="active">{texts(locale).time_slot}</label>
                                        <select id="quote-time_slot" name="time_slot" class="form-select">{slot_options(locale)}</select>
                                    </div>
                                    <div class="col-6 col-md-3 form-group">
                                        <label for="quote-answer_by" class="active">{q.answer_by}</label>
                                        <input type="date" id="quote-answer_by" name="answer_by" class="form-control" required aria-describedby="quote-answer_by-hint" />
                                        <small id="quote-answer_by-hint" class="form-text">{q.answer_by_hint}</small>
                                    </div>
                                    <div class="col-12 col-md-6 form-group">
                                        <label for="quote-contact_phone" class="active">{q.contact_phone}</label>
                                        <input type="tel" id="quote-contact_phone" name="contact_phone" class="form-control" maxlength="20" autocomplete="tel" />
                                    </div>
                                </div>
                                <button type="submit" class="btn btn-primary" id="quote-send">{q.send}</button>
                            </form>
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn MyQuotesPage() -> impl IntoView {
    let locale = use_locale();
    let q = quote_texts(locale);
    let page: u32 = query_value("pagina")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    let list = Resource::new(
        move || page,
        move |p| my_quote_requests(p, Some(locale.code().to_string())),
    );
    view! {
        <Title text=q.mine_title />
        <div class="container my-4" id="quotes-page">
            <Breadcrumb current=q.mine_title trail=area_trail(locale) />
            <h1 class="mt-3">{q.mine_title}</h1>
            <Suspense fallback=|| ()>
                {move || list.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(paged) => view! { <QuoteTable paged locale base="/area-personale/preventivi" /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn ProviderQuotesPage() -> impl IntoView {
    let locale = use_locale();
    let q = quote_texts(locale);
    let page: u32 = query_value("pagina")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    let list = Resource::new(
        move || page,
        move |p| received_quote_requests(p, Some(locale.code().to_string())),
    );
    view! {
        <Title text=q.received_title />
        <div class="container my-4" id="provider-quotes-page">
            <Breadcrumb current=q.received_title />
            <h1 class="mt-3">{q.received_title}</h1>
            <p class="lead">{q.received_lead}</p>
            <Suspense fallback=|| ()>
                {move || list.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(paged) => view! { <QuoteTable paged locale base="/ente/preventivi" /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn QuoteTable(paged: Paged<QuoteSummary>, locale: Locale, base: &'static str) -> impl IntoView {
    let q = quote_texts(locale);
    let t = texts(locale);
    if paged.items.is_empty() {
        return view! { <p id="quotes-empty">{q.empty}</p> }.into_any();
    }
    let rows = paged.items.iter().map(|r| {
        let short: String = r.description.chars().take(80).collect();
        view! {
            <tr class="quote-row" data-reference=r.reference.clone()>
                <th scope="row"><a href=format!("{base}/{}?lang={}", r.reference, locale.code())>{r.reference.clone()}</a></th>
                <td>{short}</td>
                <td>{when(&r.created_at)}</td>
                <td>{(q.state_labels)(&r.state)}</td>
                <td class="text-end">{r.offers}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <div class="table-responsive"><table class="table" id="quotes-table">
            <caption>{format!("{} — {}", q.mine_title, paged.total)}</caption>
            <thead><tr>
                <th scope="col">{t.reference}</th>
                <th scope="col">{q.description}</th>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.status}</th>
                <th scope="col" class="text-end">{q.offers}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
    }
    .into_any()
}

#[component]
pub fn QuotePage() -> impl IntoView {
    let locale = use_locale();
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    let back = use_location().pathname.get_untracked();
    let detail = Resource::new(
        move || reference.clone(),
        move |r| load_quote(r, Some(locale.code().to_string())),
    );
    view! {
        <div class="container my-4" id="quote-page">
            <Suspense fallback=|| ()>
                {move || detail.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(d) => view! { <QuoteView d locale back=back.clone() /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

/// A small form posting one quote action.
#[allow(clippy::too_many_arguments)] // one small form, each argument a distinct part of it
fn action_form(
    locale: Locale,
    reference: &str,
    back: &str,
    action: &'static str,
    id: String,
    hidden: Vec<(&'static str, String)>,
    fields: AnyView,
    label: &'static str,
    class: &'static str,
) -> impl IntoView + use<> {
    let hidden = hidden
        .into_iter()
        .map(|(n, v)| view! { <input type="hidden" name=n value=v /> })
        .collect_view();
    view! {
        <form method="post" action=QuoteAction::url() id=id class="mb-3">
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="reference" value=reference.to_string() />
            <input type="hidden" name="action" value=action />
            <input type="hidden" name="back" value=back.to_string() />
            {hidden}
            {fields}
            <button type="submit" class=class>{label}</button>
        </form>
    }
}

#[component]
fn QuoteView(d: QuoteDetail, locale: Locale, back: String) -> impl IntoView {
    let q = quote_texts(locale);
    let t = texts(locale);
    let title = (q.request_title)(&d.reference);
    let provider = d.viewer_provider_id;
    let live = matches!(d.state.as_str(), "open" | "answered");
    let reference = d.reference.clone();
    let trail = if provider.is_some() {
        vec![(
            q.received_title.to_string(),
            format!("/ente/preventivi?lang={}", locale.code()),
        )]
    } else {
        let mut trail = area_trail(locale);
        trail.push((
            q.mine_title.to_string(),
            format!("/area-personale/preventivi?lang={}", locale.code()),
        ));
        trail
    };
    let recipients = d.recipients.iter().map(|r| view! {
        <li>
            <a href=format!("/servizi/{}?lang={}", r.service_slug, locale.code())>{crate::model::pick(locale, &r.service_name_it, &r.service_name_en).to_string()}</a>
            {format!(" — {}: {}", r.provider_name, (q.recipient_labels)(&r.state))}
            {(!r.decline_reason.is_empty()).then(|| view! { <div class="small text-muted">{format!("{}: {}", q.reason, r.decline_reason)}</div> })}
        </li>
    }).collect_view();
    let offers = d.offers.iter().map(|o| {
        let pending = o.state == "pending" && live;
        let offer_id = o.id.to_string();
        let actions = if provider.is_none() && pending {
            view! {
                {action_form(locale, &reference, &back, "accept_offer", format!("accept-{}", o.id),
                    vec![("offer_id", offer_id.clone())], ().into_any(), q.accept, "btn btn-primary btn-sm")}
                {action_form(locale, &reference, &back, "decline_offer", format!("decline-{}", o.id),
                    vec![("offer_id", offer_id.clone())], ().into_any(), q.decline_offer, "btn btn-outline-danger btn-sm")}
            }.into_any()
        } else if provider.is_some() && pending {
            action_form(locale, &reference, &back, "withdraw_offer", format!("withdraw-{}", o.id),
                vec![("offer_id", offer_id.clone())], ().into_any(), q.withdraw_offer, "btn btn-outline-danger btn-sm").into_any()
        } else {
            ().into_any()
        };
        view! {
            <tr class="quote-offer" data-state=o.state.clone() data-offer=o.id.to_string()>
                <th scope="row">{o.provider_name.clone()}</th>
                <td class="text-end offer-price">{euros(o.price_cents, locale)}</td>
                <td>{format!("{} – {}", o.period_start, o.period_end)}{(!o.time_slot.is_empty()).then(|| format!(" · {}", slot_label(locale, &o.time_slot)))}</td>
                <td>
                    {o.operator_name.clone()}{(!o.notes.is_empty()).then(|| view! { <div class="small">{o.notes.clone()}</div> })}
                    {o.has_pdf.then(|| view! {
                        <div class="small"><a class="offer-pdf" href=format!("/preventivi/{}/offerte/{}", reference, o.id) download="">{q.pdf_download}</a></div>
                    })}
                    {(provider.is_some() && pending).then(|| view! {
                        <form method="post" enctype="multipart/form-data" class="mt-2 offer-pdf-form"
                            action=format!("/ente/preventivi/{}/allegato?lang={}", reference, locale.code())>
                            <CsrfField />
                            <input type="hidden" name="offer_id" value=offer_id.clone() />
                            <label class="small d-block" for=format!("offer-pdf-{}", o.id)>{q.pdf_file}</label>
                            <input type="file" name="file" accept="application/pdf,.pdf" required class="form-control form-control-sm" id=format!("offer-pdf-{}", o.id) />
                            <button type="submit" class="btn btn-outline-primary btn-sm mt-1">{q.pdf_attach}</button>
                        </form>
                    })}
                </td>
                <td>{when(&o.valid_until)}</td>
                <td>{offer_state_label(locale, &o.state)}</td>
                <td>{actions}</td>
            </tr>
        }
    }).collect_view();
    let messages = d.messages.iter().map(|m| {
        let author = if m.from_citizen == provider.is_none() { q.you.to_string() } else if m.from_citizen { q.citizen.to_string() } else { m.provider_name.clone() };
        view! {
            <li class="mb-2 quote-message">
                <span class="fw-semibold">{author}</span>
                {(provider.is_none() && m.from_citizen).then(|| format!(" → {}", m.provider_name))}
                " · " <time datetime=m.created_at.clone()>{when(&m.created_at)}</time>
                <div>{m.body.clone()}</div>
            </li>
        }
    }).collect_view();
    let to_options = d.recipients.iter().map(|r| view! { <option value=r.provider_id.to_string()>{r.provider_name.clone()}</option> }).collect_view();
    let message_fields = if provider.is_none() {
        view! {
            <div class="form-group">
                <label for="quote-message-to" class="active">{q.to_provider}</label>
                <select id="quote-message-to" name="provider_id" class="form-select">{to_options}</select>
            </div>
            <div class="form-group">
                <label for="quote-message-body" class="active">{q.write}</label>
                <textarea id="quote-message-body" name="body" class="form-control" rows="2" maxlength="2000" required></textarea>
            </div>
        }.into_any()
    } else {
        view! {
            <div class="form-group">
                <label for="quote-message-body" class="active">{q.write}</label>
                <textarea id="quote-message-body" name="body" class="form-control" rows="2" maxlength="2000" required></textarea>
            </div>
        }.into_any()
    };
    let offer_fields = view! {
        <div class="row g-3">
            <div class="col-6 col-md-3 form-group">
                <label for="offer-price" class="active">{q.price}</label>
                <input type="text" inputmode="decimal" id="offer-price" name="price" class="form-control" required pattern="[0-9]+([.,][0-9]{1,2})?" />
            </div>
            <div class="col-6 col-md-3 form-group">
                <label for="offer-period_start" class="active">{q.period_start}</label>
                <input type="date" id="offer-period_start" name="period_start" class="form-control" required />
            </div>
            <div class="col-6 col-md-3 form-group">
                <label for="offer-period_end" class="active">{q.period_end}</label>
                <input type="date" id="offer-period_end" name="period_end" class="form-control" required />
            </div>
            <div class="col-6 col-md-3 form-group">
                <label for="offer-valid_until" class="active">{q.valid_until}</label>
                <input type="date" id="offer-valid_until" name="valid_until" class="form-control" required />
            </div>
            <div class="col-6 col-md-4 form-group">
                <label for="offer-time_slot" class="active">{t.time_slot}</label>
                <select id="offer-time_slot" name="time_slot" class="form-select">{slot_options(locale)}</select>
            </div>
            <div class="col-6 col-md-8 form-group">
                <label for="offer-operator_name" class="active">{q.operator}</label>
                <input type="text" id="offer-operator_name" name="operator_name" class="form-control" maxlength="120" />
            </div>
            <div class="col-12 form-group">
                <label for="offer-notes" class="active">{q.notes}</label>
                <textarea id="offer-notes" name="notes" class="form-control" rows="2" maxlength="2000"></textarea>
            </div>
        </div>
    }.into_any();
    let decline_fields = view! {
        <div class="form-group">
            <label for="decline-reason" class="active">{q.reason}</label>
            <textarea id="decline-reason" name="reason" class="form-control" rows="2" maxlength="1000" required></textarea>
        </div>
    }.into_any();
    view! {
        <Title text=title.clone() />
        <Breadcrumb current=title.clone() trail />
        <h1 class="mt-3">{title}</h1>
        <BuyingErrors locale />
        {query_flag("inviata").then(|| view! { <Notice text=q.sent /> })}
        {query_flag("fatto").then(|| view! { <Notice text=q.done /> })}
        <dl class="row" id="quote-summary">
            <dt class="col-sm-4">{t.status}</dt>
            <dd class="col-sm-8"><span class="badge bg-primary" id="quote-state" data-state=d.state.clone()>{(q.state_labels)(&d.state)}</span></dd>
            <dt class="col-sm-4">{q.description}</dt><dd class="col-sm-8">{d.description.clone()}</dd>
            <dt class="col-sm-4">{t.people}</dt><dd class="col-sm-8">{d.people}</dd>
            {d.preferred_date.clone().map(|p| view! { <dt class="col-sm-4">{t.preferred_date}</dt><dd class="col-sm-8">{p}</dd> })}
            <dt class="col-sm-4">{q.answer_by}</dt><dd class="col-sm-8">{when(&d.answer_by)}</dd>
            {provider.is_some().then(|| view! {
                <dt class="col-sm-4">{q.citizen}</dt>
                <dd class="col-sm-8">{format!("{} · {} · {}", d.customer_name, d.contact_email, d.contact_phone)}</dd>
            })}
            {d.order_reference.clone().map(|o| view! {
                <dt class="col-sm-4">{q.order_link}</dt>
                <dd class="col-sm-8"><a id="quote-order" href=format!("/area-personale/ordini/{o}?lang={}", locale.code())>{o.clone()}</a></dd>
            })}
        </dl>
        <section class="my-4">
            <h2 class="h4">{q.recipients}</h2>
            <ul>{recipients}</ul>
        </section>
        <section class="my-4">
            <h2 class="h4">{q.offers}</h2>
            {if d.offers.is_empty() {
                view! { <p>{q.no_offers}</p> }.into_any()
            } else {
                view! {
                    <div class="table-responsive"><table class="table align-middle" id="quote-offers">
                        <caption>{q.compare_caption}</caption>
                        <thead><tr>
                            <th scope="col">{t.provider}</th>
                            <th scope="col" class="text-end">{q.price}</th>
                            <th scope="col">{q.period}</th>
                            <th scope="col">{q.operator}</th>
                            <th scope="col">{q.valid_until}</th>
                            <th scope="col">{t.status}</th>
                            <th scope="col"><span class="visually-hidden">{t.actions}</span></th>
                        </tr></thead>
                        <tbody>{offers}</tbody>
                    </table></div>
                }.into_any()
            }}
        </section>
        {(provider.is_some() && live).then(|| view! {
            <section class="my-4 border rounded p-3" id="provider-answer">
                <h2 class="h4">{q.make_offer}</h2>
                {action_form(locale, &reference, &back, "offer", "quote-offer-form".into(), Vec::new(), offer_fields, q.make_offer, "btn btn-primary")}
                <h2 class="h5 mt-4">{q.decline_request}</h2>
                {action_form(locale, &reference, &back, "decline", "quote-decline-form".into(), Vec::new(), decline_fields, q.decline_request, "btn btn-outline-danger")}
            </section>
        })}
        <section class="my-4">
            <h2 class="h4">{q.messages}</h2>
            {if d.messages.is_empty() {
                view! { <p>{q.no_messages}</p> }.into_any()
            } else {
                view! { <ul class="list-unstyled" id="quote-messages">{messages}</ul> }.into_any()
            }}
            {live.then(|| action_form(locale, &reference, &back, "message", "quote-message-form".into(), Vec::new(), message_fields, q.send_message, "btn btn-outline-primary"))}
        </section>
        {(provider.is_none() && live).then(|| action_form(locale, &reference, &back, "withdraw_request", "quote-withdraw".into(), Vec::new(), ().into_any(), q.withdraw_request, "btn btn-outline-danger"))}
    }
}
