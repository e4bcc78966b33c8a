//! Result pages as links (Bootstrap Italia pagination), a window around the current page.

use domain::search::SearchParams;
use leptos::prelude::*;

use super::links::href;
use crate::i18n::catalog::catalog;
use crate::locale::use_locale;

#[component]
pub fn Pagination(path: &'static str, params: SearchParams, total: i64) -> impl IntoView {
    let t = catalog(use_locale());
    let per_page = i64::from(params.per_page.max(1));
    let pages = ((total + per_page - 1) / per_page).max(1) as u32;
    let current = params.page;
    if pages <= 1 {
        return ().into_any();
    }
    let link = |page: u32| href(path, &params.on_page(page));
    let first = current.saturating_sub(2).max(1);
    let last = (first + 4).min(pages);
    let numbers = (first..=last)
        .map(|n| {
            if n == current {
                view! {
                    <li class="page-item">
                        <a class="page-link" href=link(n) aria-current="page">
                            <span class="visually-hidden">{(t.page_n)(n)}</span>
                            <span aria-hidden="true">{n}</span>
                        </a>
                    </li>
                }
                .into_any()
            } else {
                view! {
                    <li class="page-item">
                        <a class="page-link" href=link(n) aria-label=(t.page_n)(n)>{n}</a>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    let previous = (current > 1).then(|| {
        view! {
            <li class="page-item">
                <a class="page-link" href=link(current - 1) rel="prev">{t.previous_page}</a>
            </li>
        }
    });
    let next = (current < pages).then(|| {
        view! {
            <li class="page-item">
                <a class="page-link" href=link(current + 1) rel="next">{t.next_page}</a>
            </li>
        }
    });
    view! {
        <nav class="pagination-wrapper mt-3" aria-label=t.pagination_label>
            <p class="small text-muted">{(t.current_page)(current.min(pages), pages)}</p>
            <ul class="pagination flex-wrap">{previous} {numbers} {next}</ul>
        </nav>
    }
    .into_any()
}
