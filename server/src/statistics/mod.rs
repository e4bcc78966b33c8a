//! Statistics for city staff (issue 8): loads the period's rows (`store::statistics`) and lays
//! them out as the page's sections of tables, in the person's language, with
//! `domain::statistics` bucketing months and computing ratios and averages. The page, the CSV
//! and the XLSX export show the same tables.

pub mod xlsx;

use app::i18n::Locale;
use app::i18n::statistics::{state_label, statistics_texts};
use app::model::{StatSection, StatTable, StatisticsView};
use app::ports::StoreError;
use domain::statistics::{Cell, Period, average_hundredths, bucket_by_month, ratio_basis_points};
use time::OffsetDateTime;

use crate::store::Db;
use crate::store::statistics as store;

fn instant(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn table(
    name: &str,
    title: &str,
    columns: &[&str],
    rows: Vec<Vec<Cell>>,
    chart_column: Option<usize>,
) -> StatTable {
    StatTable {
        name: name.to_string(),
        title: title.to_string(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
        chart_column,
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// The figures of `period` in `locale`.
pub async fn build(db: &Db, period: Period, locale: Locale) -> Result<StatisticsView, StoreError> {
    let t = statistics_texts(locale);
    let (from, to) = (instant(period.start_unix()), instant(period.end_unix()));
    let months = period.months();
    let unix = |at: &OffsetDateTime| at.unix_timestamp();

    // 1. The catalogue.
    let categories = store::services_by_category(db)
        .await?
        .into_iter()
        .map(|(it, en, n)| {
            let name = match locale {
                Locale::It => it,
                Locale::En if en.is_empty() => it,
                Locale::En => en,
            };
            vec![text(name), Cell::Int(n)]
        })
        .collect();
    let providers = store::top_providers(db)
        .await?
        .into_iter()
        .map(|(name, n)| vec![text(name), Cell::Int(n)])
        .collect();

    // 2. Orders and revenue per month.
    let orders = store::paid_orders(db, from, to).await?;
    let counts: Vec<(i64, i64)> = orders.iter().map(|(at, _)| (unix(at), 1)).collect();
    let cents: Vec<(i64, i64)> = orders.iter().map(|(at, c)| (unix(at), *c)).collect();
    let (order_counts, revenue) = (
        bucket_by_month(&months, &counts),
        bucket_by_month(&months, &cents),
    );
    let order_rows = months
        .iter()
        .enumerate()
        .map(|(i, m)| vec![text(m), Cell::Int(order_counts[i]), Cell::Cents(revenue[i])])
        .collect();

    // 3. Quotes: requests, offers, purchases and conversion per month.
    let requests = store::quote_requests(db, from, to).await?;
    let request_counts = bucket_by_month(
        &months,
        &requests
            .iter()
            .map(|(at, _)| (unix(at), 1))
            .collect::<Vec<_>>(),
    );
    let purchases = bucket_by_month(
        &months,
        &requests
            .iter()
            .map(|(at, bought)| (unix(at), *bought))
            .collect::<Vec<_>>(),
    );
    let offers = store::quote_offers(db, from, to).await?;
    let offer_counts = bucket_by_month(
        &months,
        &offers.iter().map(|at| (unix(at), 1)).collect::<Vec<_>>(),
    );
    let quote_rows = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                text(m),
                Cell::Int(request_counts[i]),
                Cell::Int(offer_counts[i]),
                Cell::Int(purchases[i]),
                Cell::Percent(ratio_basis_points(purchases[i], request_counts[i])),
            ]
        })
        .collect();

    // 4. Vouchers.
    let vouchers = store::voucher_spending(db, from, to)
        .await?
        .into_iter()
        .map(|(scheme, c)| vec![text(scheme), Cell::Cents(c)])
        .collect();

    // 5. Domestic work.
    let applications = store::applications_by_status(db, from, to)
        .await?
        .into_iter()
        .map(|(s, n)| vec![text(state_label(locale, &s)), Cell::Int(n)])
        .collect();
    let family = store::family_requests(db, from, to).await?;
    let family_counts = bucket_by_month(
        &months,
        &family.iter().map(|at| (unix(at), 1)).collect::<Vec<_>>(),
    );
    let family_rows = months
        .iter()
        .zip(family_counts)
        .map(|(m, n)| vec![text(m), Cell::Int(n)])
        .collect();
    let proposals = store::proposals_by_state(db, from, to).await?;
    let hires: i64 = proposals
        .iter()
        .filter(|(s, _)| s == "hired")
        .map(|(_, n)| n)
        .sum();
    let proposal_rows = proposals
        .into_iter()
        .map(|(s, n)| vec![text(state_label(locale, &s)), Cell::Int(n)])
        .collect();

    // 6. Ratings.
    let (count, punctuality, professionalism, kindness) = store::review_sums(db, from, to).await?;
    let review_rows = if count == 0 {
        Vec::new()
    } else {
        [
            (t.punctuality, punctuality),
            (t.professionalism, professionalism),
            (t.kindness, kindness),
        ]
        .into_iter()
        .map(|(label, sum)| {
            vec![
                text(label),
                Cell::Hundredths(average_hundredths(sum, count)),
                Cell::Int(count),
            ]
        })
        .collect()
    };
    let feedback_rows = store::page_feedback(db, from, to)
        .await?
        .into_iter()
        .map(|(page, n, sum)| {
            vec![
                text(page),
                Cell::Hundredths(average_hundredths(sum, n)),
                Cell::Int(n),
            ]
        })
        .collect();

    let sections = vec![
        StatSection {
            title: t.catalogue.into(),
            note: Some(t.catalogue_note.into()),
            tables: vec![
                table(
                    "servizi-categoria",
                    t.services_by_category,
                    &[t.category, t.published_services],
                    categories,
                    Some(1),
                ),
                table(
                    "enti-servizi",
                    t.top_providers,
                    &[t.provider, t.published_services],
                    providers,
                    Some(1),
                ),
            ],
        },
        StatSection {
            title: t.orders.into(),
            note: Some(t.orders_note.into()),
            tables: vec![table(
                "ordini-mese",
                t.orders_by_month,
                &[t.month, t.orders_count, t.revenue],
                order_rows,
                Some(2),
            )],
        },
        StatSection {
            title: t.quotes.into(),
            note: Some(t.quotes_note.into()),
            tables: vec![table(
                "preventivi-mese",
                t.quotes_by_month,
                &[t.month, t.requests, t.offers, t.purchases, t.conversion],
                quote_rows,
                Some(1),
            )],
        },
        StatSection {
            title: t.vouchers.into(),
            note: None,
            tables: vec![table(
                "voucher-misura",
                t.voucher_spending,
                &[t.scheme, t.spent],
                vouchers,
                Some(1),
            )],
        },
        StatSection {
            title: t.domestic.into(),
            note: Some(format!("{}: {hires}", t.hires)),
            tables: vec![
                table(
                    "candidature-stato",
                    t.applications_by_status,
                    &[t.status, t.count],
                    applications,
                    Some(1),
                ),
                table(
                    "richieste-famiglie-mese",
                    t.family_requests_by_month,
                    &[t.month, t.count],
                    family_rows,
                    Some(1),
                ),
                table(
                    "proposte-stato",
                    t.proposals_by_state,
                    &[t.status, t.count],
                    proposal_rows,
                    Some(1),
                ),
            ],
        },
        StatSection {
            title: t.feedback.into(),
            note: None,
            tables: vec![
                table(
                    "recensioni",
                    t.review_averages,
                    &[t.criterion, t.average, t.reviews_count],
                    review_rows,
                    Some(1),
                ),
                table(
                    "valutazioni-pagine",
                    t.page_feedback,
                    &[t.page, t.average, t.answers],
                    feedback_rows,
                    Some(1),
                ),
            ],
        },
    ];
    Ok(StatisticsView {
        from: period.from.to_string(),
        to: period.to.to_string(),
        sections,
    })
}
