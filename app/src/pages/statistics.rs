//! Statistics for city staff (`/amministrazione/statistiche`, issue 8): a GET form choosing the
//! period, then per figure an accessible inline SVG bar chart drawn on the server and the table
//! with the same data right below it, with CSV and XLSX downloads. Works without JavaScript.

use domain::statistics::{BAR_HEIGHT, LABEL_WIDTH, bar_chart, short_label};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::statistics::statistics_page;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::statistics::statistics_texts;
use crate::locale::use_locale;
use crate::model::{StatSection, StatTable, StatisticsView};
use crate::pages::account::{load_error, query_value};

pub const PATH: &str = "/amministrazione/statistiche";

/// Percent-encodes a query value.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The query of the exports: the period shown and the language.
fn export_query(v: &StatisticsView, locale: Locale) -> String {
    format!(
        "dal={}&al={}&lang={}",
        encode(&v.from),
        encode(&v.to),
        locale.code()
    )
}

#[component]
pub fn StatisticsPage() -> impl IntoView {
    let locale = use_locale();
    let t = statistics_texts(locale);
    let from = query_value("dal").unwrap_or_default();
    let to = query_value("al").unwrap_or_default();
    let data = Resource::new(
        {
            let (from, to) = (from.clone(), to.clone());
            move || (from.clone(), to.clone())
        },
        move |(from, to)| {
            statistics_page(
                Some(from).filter(|s| !s.is_empty()),
                Some(to).filter(|s| !s.is_empty()),
                Some(locale.code().to_string()),
            )
        },
    );
    let trail = vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )];
    view! {
        <Title text=t.title />
        <div class="container my-4" id="statistics-page">
            <Breadcrumb current=t.title trail />
            <h1 class="mt-3">{t.title}</h1>
            <p class="lead">{t.lead}</p>
            <form method="get" action=PATH class="mb-4" id="statistics-filter">
                <input type="hidden" name="lang" value=locale.code() />
                <fieldset>
                    <legend class="h5">{t.filter_legend}</legend>
                    <p id="statistics-date-hint" class="form-text">{t.date_hint}</p>
                    <div class="row g-3 align-items-end">
                        <div class="col-6 col-md-3 form-group">
                            <label for="statistics-from" class="active">{t.from}</label>
                            <input type="date" id="statistics-from" name="dal" class="form-control"
                                value=from aria-describedby="statistics-date-hint" />
                        </div>
                        <div class="col-6 col-md-3 form-group">
                            <label for="statistics-to" class="active">{t.to}</label>
                            <input type="date" id="statistics-to" name="al" class="form-control"
                                value=to aria-describedby="statistics-date-hint" />
                        </div>
                        <div class="col-12 col-md-3 form-group">
                            <button type="submit" class="btn btn-primary">{t.apply}</button>
                        </div>
                    </div>
                </fieldset>
            </form>
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => view! {
                        <div id="statistics-errors">
                            <h2 class="h5">{t.errors_title}</h2>
                            {load_error(&e)}
                        </div>
                    }.into_any(),
                    Ok(v) => view! { <StatisticsBody v locale /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn StatisticsBody(v: StatisticsView, locale: Locale) -> impl IntoView {
    let t = statistics_texts(locale);
    let query = export_query(&v, locale);
    let period = format!(
        "{}: {} – {}",
        t.period,
        domain::date::Date::parse(&v.from).map_or(v.from.clone(), |d| d.format_it()),
        domain::date::Date::parse(&v.to).map_or(v.to.clone(), |d| d.format_it()),
    );
    let sections = v
        .sections
        .into_iter()
        .enumerate()
        .map(|(i, s)| section_view(i, s, locale, &query))
        .collect_view();
    view! {
        <p id="statistics-period" class="fw-semibold">{period}</p>
        <p>
            <a id="statistics-xlsx" class="btn btn-outline-primary" href=format!("{PATH}.xlsx?{query}")>
                {t.download_xlsx}
            </a>
        </p>
        {sections}
    }
}

fn section_view(index: usize, s: StatSection, locale: Locale, query: &str) -> AnyView {
    let id = format!("statistics-section-{}", index + 1);
    let tables = s
        .tables
        .into_iter()
        .map(|table| table_view(table, locale, query))
        .collect_view();
    let labelled = id.clone();
    view! {
        <section aria-labelledby=labelled class="mb-5">
            <h2 id=id class="h3">{s.title}</h2>
            {s.note.map(|n| view! { <p class="text-muted">{n}</p> })}
            {tables}
        </section>
    }
    .into_any()
}

fn table_view(table: StatTable, locale: Locale, query: &str) -> AnyView {
    let t = statistics_texts(locale);
    let id = format!("stat-{}", table.name);
    let heading_id = format!("{id}-title");
    let csv = format!("{PATH}.csv?{query}&tabella={}", table.name);
    let chart = (!table.rows.is_empty())
        .then(|| table.chart_column.map(|c| chart_view(&table, c, locale)))
        .flatten();
    let body = if table.rows.is_empty() {
        view! { <p class="statistics-empty">{t.no_data}</p> }.into_any()
    } else {
        let headers = table
            .columns
            .iter()
            .map(|c| view! { <th scope="col">{c.clone()}</th> })
            .collect_view();
        let rows = table
            .rows
            .iter()
            .map(|row| {
                let cells = row
                    .iter()
                    .enumerate()
                    .map(|(i, cell)| {
                        if i == 0 {
                            view! { <th scope="row">{cell.display()}</th> }.into_any()
                        } else {
                            view! { <td class="text-end">{cell.display()}</td> }.into_any()
                        }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-responsive">
                <table class="table table-sm" id=format!("{id}-table")>
                    <caption>{table.title.clone()}</caption>
                    <thead><tr>{headers}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="mb-4" id=id>
            <h3 class="h5" id=heading_id>{table.title.clone()}</h3>
            {chart}
            {body}
            <p><a href=csv>{t.download_csv}<span class="visually-hidden">{format!(": {}", table.title)}</span></a></p>
        </div>
    }
    .into_any()
}

/// A horizontal bar chart: labels left, bars, values right; named by its title and described,
/// dark text on white and a blue (#0066cc, 5.6:1) bar.
fn chart_view(table: &StatTable, column: usize, locale: Locale) -> AnyView {
    let t = statistics_texts(locale);
    let values: Vec<i64> = table
        .rows
        .iter()
        .map(|r| r.get(column).map_or(0, |c| c.magnitude()))
        .collect();
    let geometry = bar_chart(&values);
    let title_id = format!("chart-{}-title", table.name);
    let desc_id = format!("chart-{}-desc", table.name);
    let labelled = format!("{title_id} {desc_id}");
    let measure = table.columns.get(column).cloned().unwrap_or_default();
    let bars = table
        .rows
        .iter()
        .zip(geometry.bars.iter())
        .map(|(row, bar)| {
            let label = row.first().map(|c| c.display()).unwrap_or_default();
            let value = row.get(column).map(|c| c.display()).unwrap_or_default();
            let text_y = (bar.y + BAR_HEIGHT / 2 + 5).to_string();
            view! {
                <text x=(LABEL_WIDTH - 8).to_string() y=text_y.clone() text-anchor="end" font-size="14" fill="#1a1a1a">
                    {short_label(&label, 32)}
                </text>
                <rect x=LABEL_WIDTH.to_string() y=bar.y.to_string() width=bar.length.to_string()
                    height=BAR_HEIGHT.to_string() fill="#0066cc" />
                <text x=(LABEL_WIDTH + bar.length + 6).to_string() y=text_y font-size="14" fill="#1a1a1a">
                    {value}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="statistics-chart d-block mb-2"
            role="img"
            aria-labelledby=labelled
            viewBox=format!("0 0 {} {}", geometry.width, geometry.height)
            width="100%"
            style=format!("max-width:{}px", geometry.width)
            xmlns="http://www.w3.org/2000/svg"
        >
            <title id=title_id>{format!("{} — {}", table.title, measure)}</title>
            <desc id=desc_id>{t.chart_desc}</desc>
            <rect x="0" y="0" width=geometry.width.to_string() height=geometry.height.to_string() fill="#ffffff" />
            {bars}
        </svg>
    }
    .into_any()
}
