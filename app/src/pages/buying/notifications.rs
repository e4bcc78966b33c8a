//! `/area-personale/notifiche`: the notification centre. What others did on the person's orders
//! and quote requests (and, for provider staff, on their provider's), newest first, unread ones
//! marked, paginated; one form marks them all read.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::{BuyingErrors, when};
use crate::api::buying::{MarkNotificationsRead, my_notifications};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::notifications::{describe, notification_texts};
use crate::locale::use_locale;
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let locale = use_locale();
    let t = notification_texts(locale);
    let page = query_value("pagina")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1u32);
    let feed = Resource::new(
        move || page,
        move |p| my_notifications(p, Some(locale.code().to_string())),
    );
    let trail = vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )];
    let link = move |p: i64| format!("?lang={}&pagina={p}", locale.code());
    view! {
        <Title text=t.title />
        <div class="container my-4" id="notifications-page">
            <Breadcrumb current=t.title trail />
            <h1 class="mt-3">{t.title}</h1>
            <p class="lead">{t.lead}</p>
            <BuyingErrors locale />
            {query_flag("lette").then(|| view! { <Notice text=t.marked /> })}
            <Suspense fallback=|| ()>
                {move || feed.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(feed) if feed.page.items.is_empty() => view! {
                        <p id="notifications-empty">{t.empty}</p>
                    }.into_any(),
                    Ok(feed) => {
                        let paged = feed.page;
                        let per_page = i64::from(paged.per_page.max(1));
                        let pages = ((paged.total + per_page - 1) / per_page).max(1);
                        let current = i64::from(paged.page);
                        let items = paged.items.iter().map(|n| {
                            let href = format!("{}?lang={}", n.link, locale.code());
                            view! {
                                <li class="list-group-item notification-item" class:fw-semibold=n.unread data-kind=n.kind.clone()>
                                    <time datetime=n.at.clone() class="d-block small text-muted">{when(&n.at)}</time>
                                    {n.unread.then(|| view! { <span class="badge bg-primary me-2">{t.new_badge}</span> })}
                                    <a href=href>{describe(locale, n)}</a>
                                </li>
                            }
                        }).collect_view();
                        view! {
                            <p id="notifications-unread" role="status">{(t.unread)(feed.unread)}</p>
                            {(feed.unread > 0).then(|| view! {
                                <form method="post" action=MarkNotificationsRead::url() class="mb-3">
                                    <CsrfField />
                                    <input type="hidden" name="lang" value=locale.code() />
                                    <button type="submit" class="btn btn-outline-primary btn-sm" id="mark-read">{t.mark_read}</button>
                                </form>
                            })}
                            <ul class="list-group mb-3" id="notifications">{items}</ul>
                            <nav aria-label=t.title class="d-flex gap-3">
                                {(current > 1).then(|| view! { <a href=link(current - 1) rel="prev">"←"</a> })}
                                <span>{format!("{current} / {pages}")}</span>
                                {(current < pages).then(|| view! { <a href=link(current + 1) rel="next">"→"</a> })}
                            </nav>
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}
