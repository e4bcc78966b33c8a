//! The result under the form: the headline figures, then every line explained, section by
//! section ([`super::summary`]), and the PDF download.

use leptos::prelude::*;

use super::summary::{Columns, Section, headline, sections};
use super::values::{Computed, money};
use crate::i18n::Locale;
use crate::i18n::calculator::calc;

/// The result of a successful calculation. `pdf_href` repeats the form's query.
pub fn result_view(locale: Locale, computed: &Computed, pdf_href: String) -> AnyView {
    let t = calc(locale);
    let r = &computed.result;
    let cards = [
        (
            t.annual_cost,
            money(locale, r.annual_employer_cost),
            "calc-annual-cost",
        ),
        (
            t.monthly_average,
            money(locale, r.monthly_average_cost),
            "calc-monthly-average",
        ),
        (
            t.worker_net,
            money(locale, r.worker_net_monthly),
            "calc-worker-net",
        ),
    ]
    .into_iter()
    .map(|(label, value, id)| {
        view! {
            <div class="col-12 col-md-4 mb-3">
                <div class="card card-bg h-100">
                    <div class="card-body">
                        <p class="card-text mb-1">{label}</p>
                        <p class="h4 mb-0" id=id>{value}</p>
                    </div>
                </div>
            </div>
        }
    })
    .collect_view();
    let body = sections(locale, computed)
        .into_iter()
        .map(|s| section_view(locale, s).into_any())
        .collect_view();
    view! {
        <section class="calculator-result" aria-labelledby="calc-result-title" id="calc-result">
            <h2 id="calc-result-title" class="h3">{t.result_title}</h2>
            <div aria-live="polite" aria-atomic="true">
                <p class="calc-headline">{headline(locale, computed)}</p>
                <div class="row">{cards}</div>
            </div>
            <p class="d-print-none">
                <a class="btn btn-outline-primary" href=pdf_href download="">{t.download_pdf}</a>
            </p>
            {body}
        </section>
    }
    .into_any()
}

fn section_view(locale: Locale, section: Section) -> impl IntoView {
    let t = calc(locale);
    let title_id = format!("{}-title", section.id);
    let labelledby = title_id.clone();
    let head = match section.columns {
        Columns::Value => view! {
            <th scope="col" class="text-end">{t.col_value}</th>
        }
        .into_any(),
        Columns::MonthAndYear => view! {
            <th scope="col" class="text-end">{t.col_monthly}</th>
            <th scope="col" class="text-end">{t.col_annual}</th>
        }
        .into_any(),
    };
    let columns = section.columns;
    let rows = section
        .rows
        .into_iter()
        .map(|row| {
            let cell = |value: Option<String>| {
                view! { <td class="text-end text-nowrap">{value.unwrap_or_default()}</td> }
            };
            let annual = (columns == Columns::MonthAndYear).then(|| cell(row.annual.clone()));
            view! {
                <tr class:fw-bold=row.strong>
                    <th scope="row">{row.label}</th>
                    {cell(row.first)}
                    {annual}
                    <td class="small">{row.explanation}</td>
                </tr>
            }
        })
        .collect_view();
    let has_rows = !rows.is_empty();
    let table = has_rows.then(|| {
        view! {
            <div class="table-responsive">
                <table class="table table-sm calc-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_item}</th>
                            {head}
                            <th scope="col">{t.col_how}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let list_title = section
        .list_title
        .map(|title| view! { <h4 class="h6">{title}</h4> });
    let list = (!section.list.is_empty()).then(|| {
        let items = section
            .list
            .into_iter()
            .map(|item| view! { <li>{item}</li> })
            .collect_view();
        view! { <ul>{items}</ul> }
    });
    let notes = section
        .notes
        .into_iter()
        .map(|note| view! { <p class="small">{note}</p> })
        .collect_view();
    let link = section.link.map(|(href, text)| {
        view! {
            <p>
                <a href=href class="calc-services-link">{text}</a>
            </p>
        }
    });
    view! {
        <section class="mt-4" id=section.id aria-labelledby=labelledby>
            <h3 class="h5" id=title_id>{section.title}</h3>
            {table}
            {list_title}
            {list}
            {notes}
            {link}
        </section>
    }
}
