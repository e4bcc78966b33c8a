//! `/amministrazione/valutazioni-pagine`: what visitors said of the pages, for city staff with
//! the content permission (the route rule refuses everyone else).

use leptos::prelude::*;
use leptos_meta::Title;

use super::load_error;
use crate::api::accounts::page_feedback_results;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::feedback_results::{average, feedback_result_texts, percent};
use crate::locale::use_locale;
use crate::pages::buying::when;

#[component]
pub fn FeedbackResultsPage() -> impl IntoView {
    let locale = use_locale();
    let t = feedback_result_texts(locale);
    let report = Resource::new(|| (), |_| page_feedback_results());
    let trail = vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )];
    view! {
        <Title text=t.title />
        <div class="container my-4" id="feedback-results-page">
            <Breadcrumb current=t.title trail />
            <h1 class="mt-3">{t.title}</h1>
            <p class="lead">{t.lead}</p>
            <Suspense fallback=|| ()>
                {move || report.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(r) if r.pages.is_empty() => view! { <p id="feedback-empty">{t.empty}</p> }.into_any(),
                    Ok(r) => {
                        let rows = r.pages.iter().map(|p| view! {
                            <tr class="feedback-page">
                                <th scope="row"><a href=p.page.clone()>{p.page.clone()}</a></th>
                                <td class="text-end">{p.answers}</td>
                                <td class="text-end">{average(locale, p.stars, p.answers)}</td>
                                <td class="text-end">{percent(p.positive, p.answers)}</td>
                                <td>{when(&p.latest)}</td>
                            </tr>
                        }).collect_view();
                        let comments = r.comments.iter().map(|c| view! {
                            <li class="list-group-item">
                                <div class="small text-muted">
                                    {format!("{} · {} · ", c.page, (t.stars)(c.rating))}
                                    <time datetime=c.at.clone()>{when(&c.at)}</time>
                                </div>
                                {c.answer.clone().map(|a| view! { <div class="small">{a}</div> })}
                                <div>{c.comment.clone()}</div>
                            </li>
                        }).collect_view();
                        let no_comments = r.comments.is_empty();
                        view! {
                            <div class="table-responsive"><table class="table" id="feedback-table">
                                <caption>{t.title}</caption>
                                <thead><tr>
                                    <th scope="col">{t.col_page}</th>
                                    <th scope="col" class="text-end">{t.col_answers}</th>
                                    <th scope="col" class="text-end">{t.col_average}</th>
                                    <th scope="col" class="text-end">{t.col_positive}</th>
                                    <th scope="col">{t.col_latest}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table></div>
                            <h2 class="h4 mt-4">{t.comments}</h2>
                            {if no_comments {
                                view! { <p>{t.no_comments}</p> }.into_any()
                            } else {
                                view! { <ul class="list-group" id="feedback-comments">{comments}</ul> }.into_any()
                            }}
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}
