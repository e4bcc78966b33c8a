//! `/area-personale/ordini` (the citizen's orders) and `/ente/ordini` (orders received by the
//! provider whose staff the person is): the same table, paginated.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{euros, when};
use crate::api::buying::{my_orders, my_waitlist, provider_orders};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::buying::{state_label, texts};
use crate::locale::use_locale;
use crate::model::{OrderSummary, Paged};
use crate::pages::account::{Notice, load_error, query_flag, query_value};

fn page_param() -> u32 {
    query_value("pagina")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
}

#[component]
pub fn MyOrdersPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let page = page_param();
    let orders = Resource::new(
        move || page,
        move |p| my_orders(p, Some(locale.code().to_string())),
    );
    let trail = vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )];
    view! {
        <Title text=t.orders_title />
        <div class="container my-4" id="orders-page">
            <Breadcrumb current=t.orders_title trail />
            <h1 class="mt-3">{t.orders_title}</h1>
            {query_flag("creati").then(|| view! { <Notice text=t.orders_created /> })}
            <Suspense fallback=|| ()>
                {move || orders.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(paged) => view! { <OrderTable paged locale base="/area-personale/ordini" provider=false /> }.into_any(),
                })}
            </Suspense>
            <MyWaitlists locale />
        </div>
    }
}

/// The shared services the person waits for, each with a form to leave.
#[component]
fn MyWaitlists(locale: Locale) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let w = crate::i18n::waitlist::waitlist_texts(locale);
    let entries = Resource::new(
        move || (),
        move |_| my_waitlist(Some(locale.code().to_string())),
    );
    view! {
        {query_flag("uscito").then(|| view! { <Notice text=w.left /> })}
        <Suspense fallback=|| ()>
            {move || entries.get().map(|result| match result {
                Ok(list) if !list.is_empty() => {
                    let items = list.into_iter().map(|e| {
                        let name = match locale {
                            Locale::It => e.service_name_it.clone(),
                            Locale::En => e.service_name_en.clone(),
                        };
                        view! {
                            <li class="list-group-item d-flex flex-wrap justify-content-between align-items-center gap-2 waitlist-entry">
                                <div>
                                    <a href=format!("/servizi/{}?lang={}", e.service_slug, locale.code())>{name}</a>
                                    <div class="small">{(w.position)(e.position, e.seats)}" · "{when(&e.since)}</div>
                                    {e.told_at.is_some().then(|| view! { <div class="small text-success">{w.told}</div> })}
                                </div>
                                <form method="post" action=crate::api::buying::LeaveWaitlist::url()>
                                    <crate::pages::account::CsrfField />
                                    <input type="hidden" name="lang" value=locale.code() />
                                    <input type="hidden" name="service_id" value=e.service_id.to_string() />
                                    <button type="submit" class="btn btn-outline-secondary btn-sm">{w.leave}</button>
                                </form>
                            </li>
                        }
                    }).collect_view();
                    view! {
                        <section class="my-4" id="liste-attesa">
                            <h2 class="h4">{w.mine_title}</h2>
                            <ul class="list-group">{items}</ul>
                        </section>
                    }.into_any()
                }
                _ => ().into_any(),
            })}
        </Suspense>
    }
}

#[component]
pub fn ProviderOrdersPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let page = page_param();
    let orders = Resource::new(
        move || page,
        move |p| provider_orders(p, Some(locale.code().to_string())),
    );
    view! {
        <Title text=t.provider_orders_title />
        <div class="container my-4" id="provider-orders-page">
            <Breadcrumb current=t.provider_orders_title />
            <h1 class="mt-3">{t.provider_orders_title}</h1>
            <p class="lead">{t.provider_orders_lead}</p>
            <PayoutForm locale />
            <Suspense fallback=|| ()>
                {move || orders.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(paged) => view! { <OrderTable paged locale base="/ente/ordini" provider=true /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn OrderTable(
    paged: Paged<OrderSummary>,
    locale: Locale,
    base: &'static str,
    provider: bool,
) -> impl IntoView {
    let t = texts(locale);
    if paged.items.is_empty() {
        return view! { <p id="orders-empty">{t.orders_empty}</p> }.into_any();
    }
    let rows = paged
        .items
        .iter()
        .map(|o| {
            let href = format!("{base}/{}?lang={}", o.reference, locale.code());
            let service = crate::model::pick(locale, &o.first_service_it, &o.first_service_en).to_string();
            let more = if o.line_count > 1 { format!(" (+{})", o.line_count - 1) } else { String::new() };
            view! {
                <tr class="order-row" data-reference=o.reference.clone()>
                    <th scope="row"><a href=href>{o.reference.clone()}</a></th>
                    <td>{format!("{service}{more}")}</td>
                    <td>{if provider { o.customer_name.clone() } else { o.provider_name.clone() }}</td>
                    <td><time datetime=o.created_at.clone()>{when(&o.created_at)}</time></td>
                    <td class="order-state" data-state=o.state.clone()>{state_label(locale, &o.state)}</td>
                    <td class="text-end">{euros(o.total_cents, locale)}</td>
                </tr>
            }
        })
        .collect_view();
    let per_page = i64::from(paged.per_page.max(1));
    let pages = ((paged.total + per_page - 1) / per_page).max(1);
    let current = i64::from(paged.page);
    let link = move |p: i64| format!("?lang={}&pagina={p}", locale.code());
    view! {
        <div class="table-responsive">
            <table class="table" id="orders-table">
                <caption>{format!("{} — {}", t.orders_title, paged.total)}</caption>
                <thead><tr>
                    <th scope="col">{t.reference}</th>
                    <th scope="col">{t.service}</th>
                    <th scope="col">{if provider { t.customer } else { t.provider }}</th>
                    <th scope="col">{t.created}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col" class="text-end">{t.total}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav aria-label=t.orders_title class="d-flex gap-3">
            {(current > 1).then(|| view! { <a href=link(current - 1) rel="prev">"←"</a> })}
            <span>{format!("{current} / {pages}")}</span>
            {(current < pages).then(|| view! { <a href=link(current + 1) rel="next">"→"</a> })}
        </nav>
    }
    .into_any()
}

/// The monthly payout report: a plain GET form that downloads the CSV.
#[component]
fn PayoutForm(locale: Locale) -> impl IntoView {
    let p = crate::i18n::payment_accounts::payment_account_texts(locale);
    view! {
        <form method="get" action="/ente/ordini/rendiconto.csv" class="d-flex flex-wrap gap-3 align-items-end mb-4" id="payout-form">
            <input type="hidden" name="lang" value=locale.code() />
            <div class="form-group mb-0">
                <label for="payout-month" class="active">{format!("{} — {}", p.payout_title, p.payout_month)}</label>
                <input type="month" id="payout-month" name="mese" class="form-control" />
            </div>
            <button type="submit" class="btn btn-outline-primary">{p.payout_download}</button>
        </form>
    }
}
