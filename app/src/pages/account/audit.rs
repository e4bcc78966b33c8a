//! `/amministrazione/registro-attivita`: the audit log for city administrators with the audit
//! permission (the route rule refuses everyone else).

use leptos::prelude::*;
use leptos_meta::Title;

use super::query_value;
use crate::api::accounts::audit_log;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::accounts::texts;
use crate::locale::use_locale;

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let page: u32 = query_value("pagina")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    let person: Option<i64> = query_value("persona").and_then(|p| p.parse().ok());
    let events = Resource::new(
        move || (page, person),
        |(page, person)| audit_log(page, person),
    );
    view! {
        <Title text=t.audit_title />
        <div class="container my-4" id="audit-page">
            <Breadcrumb current=t.audit_title />
            <h1 class="mt-3">{t.audit_title}</h1>
            <p class="lead">{t.audit_lead}</p>
            <form method="get" class="row g-2 align-items-end mb-4" id="audit-filter">
                <input type="hidden" name="lang" value=locale.code() />
                <div class="col-auto form-group mb-0">
                    <label for="audit-person" class="active">{t.audit_person_filter}</label>
                    <input type="number" min="1" id="audit-person" name="persona" class="form-control"
                        value=person.map(|p| p.to_string()).unwrap_or_default() />
                </div>
                <div class="col-auto"><button type="submit" class="btn btn-primary">{t.audit_filter_button}</button></div>
            </form>
            <Suspense fallback=|| ()>
                {move || events.get().map(|result| match result {
                    Err(e) => super::load_error(&e),
                    Ok(paged) if paged.items.is_empty() => view! { <p>{t.audit_empty}</p> }.into_any(),
                    Ok(paged) => {
                        let rows = paged.items.iter().map(|e| {
                            let who = match (&e.actor_name, e.actor_user_id) {
                                (Some(n), Some(id)) => format!("{n} (#{id})"),
                                (None, Some(id)) => format!("#{id}"),
                                _ => "—".to_string(),
                            };
                            let details = [e.target.as_str(), e.reason.as_str(), e.ip.as_str()]
                                .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                            view! {
                                <tr>
                                    <td><time datetime=e.at.clone()>{domain::rome_time::rfc3339_in_rome(&e.at)}</time></td>
                                    <td>{who}</td>
                                    <td>{e.on_behalf_of_user_id.map(|id| format!("#{id}")).unwrap_or_default()}</td>
                                    <td><code>{e.action.clone()}</code></td>
                                    <td>{e.subject_user_id.map(|id| format!("#{id}")).unwrap_or_default()}</td>
                                    <td>{details}</td>
                                </tr>
                            }
                        }).collect_view();
                        let per_page = i64::from(paged.per_page.max(1));
                        let pages = ((paged.total + per_page - 1) / per_page).max(1);
                        let link = move |p: i64| {
                            let person = person.map(|x| format!("&persona={x}")).unwrap_or_default();
                            format!("?lang={}&pagina={p}{person}", locale.code())
                        };
                        let current = i64::from(paged.page);
                        view! {
                            <div class="table-responsive">
                                <table class="table table-sm">
                                    <caption>{format!("{} — {}", t.audit_title, paged.total)}</caption>
                                    <thead><tr>
                                        <th scope="col">{t.audit_when}</th>
                                        <th scope="col">{t.audit_who}</th>
                                        <th scope="col">{t.audit_on_behalf}</th>
                                        <th scope="col">{t.audit_action}</th>
                                        <th scope="col">{t.audit_subject}</th>
                                        <th scope="col">{t.audit_details}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            <nav aria-label=t.audit_title class="d-flex gap-3">
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
