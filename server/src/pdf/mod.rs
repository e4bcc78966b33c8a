//! PDF documents: the domestic-work calculation summary.

pub mod receipt;
pub mod sections;
mod writer;

use app::api::calculator::{ComparisonPrices, comparison_category_slug};
use app::i18n::Locale;
use app::i18n::calculator::calc;
use app::pages::calculator::summary::{Columns, headline, inputs, sections};
use app::pages::calculator::values::{Computed, FormValues, Outcome};
use axum::extract::{Extension, Query, State};
use axum::response::{IntoResponse, Response};
use domain::calculator::CooperativeCategory;
use http::{StatusCode, header};

use crate::http::AppState;
use writer::{Document, MARGIN, PAGE_WIDTH};

/// `GET /lavoro-domestico/calcolatore.pdf?…`: the calculation of the page with the same
/// query, as a PDF to keep or print. Bad input is a `422` with the form's message.
pub async fn calculator_pdf(
    State(state): State<AppState>,
    Extension(locale): Extension<Locale>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let (form, _) =
        FormValues::from_query(|key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()));
    let mut prices = ComparisonPrices::default();
    for (category, list) in [
        (CooperativeCategory::SocialCare, &mut prices.social_care),
        (CooperativeCategory::Educational, &mut prices.educational),
    ] {
        match state
            .store
            .hourly_prices(comparison_category_slug(category))
            .await
        {
            Ok(found) => *list = found,
            Err(err) => tracing::error!("calculator PDF: prices not loaded: {err}"),
        }
    }
    match form.evaluate(locale, &prices) {
        Outcome::Computed(computed) => {
            let date = today(locale);
            let bytes = summary_pdf(locale, &form, &computed, &date);
            let filename = format!("{}-{}.pdf", calc(locale).pdf_filename, computed.input.year);
            (
                [
                    (header::CONTENT_TYPE, "application/pdf".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{filename}\""),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                bytes,
            )
                .into_response()
        }
        Outcome::Invalid(error) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            error.message,
        )
            .into_response(),
        Outcome::Empty => StatusCode::BAD_REQUEST.into_response(),
    }
}

fn today(locale: Locale) -> String {
    let date = time::OffsetDateTime::now_utc().date();
    match locale {
        Locale::It => format!(
            "{:02}/{:02}/{}",
            date.day(),
            u8::from(date.month()),
            date.year()
        ),
        Locale::En => format!(
            "{}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        ),
    }
}

/// The summary: title, date, the inputs, every section of the result and the sources.
pub fn summary_pdf(locale: Locale, form: &FormValues, computed: &Computed, date: &str) -> Vec<u8> {
    let t = calc(locale);
    let right = PAGE_WIDTH - MARGIN;
    let middle = right - 95.0;
    let mut doc = Document::new(t.pdf_title);
    doc.paragraph(locale.t().site_name, 10.0, true, true, 0.0);
    doc.paragraph(t.pdf_title, 16.0, true, false, 0.0);
    doc.paragraph(&(t.pdf_generated)(date), 9.0, false, true, 0.0);
    doc.gap(6.0);
    doc.paragraph(&headline(locale, computed), 10.0, false, false, 0.0);

    doc.gap(8.0);
    doc.paragraph(t.section_inputs, 12.0, true, false, 0.0);
    doc.rule();
    for (label, value) in inputs(locale, form, computed) {
        doc.row(&label, &[(Some(&value), right)], 9.0, false);
    }

    for section in sections(locale, computed) {
        doc.gap(10.0);
        doc.paragraph(section.title, 12.0, true, false, 0.0);
        if section.columns == Columns::MonthAndYear && !section.rows.is_empty() {
            doc.row(
                t.col_item,
                &[(Some(t.col_monthly), middle), (Some(t.col_annual), right)],
                8.0,
                true,
            );
        }
        doc.rule();
        for row in &section.rows {
            let amounts: Vec<(Option<&str>, f32)> = match section.columns {
                Columns::Value => vec![(row.first.as_deref(), right)],
                Columns::MonthAndYear => vec![
                    (row.first.as_deref(), middle),
                    (row.annual.as_deref(), right),
                ],
            };
            doc.row(&row.label, &amounts, 9.5, row.strong);
            doc.paragraph(&row.explanation, 7.5, false, true, 10.0);
            doc.gap(2.0);
        }
        if let Some(title) = section.list_title {
            doc.paragraph(title, 9.0, true, false, 0.0);
        }
        for item in &section.list {
            doc.paragraph(&format!("• {item}"), 8.5, false, false, 6.0);
        }
        for note in &section.notes {
            doc.paragraph(note, 8.0, false, true, 0.0);
        }
        if let Some((href, text)) = &section.link {
            doc.paragraph(&format!("{text}: {href}"), 8.0, false, false, 0.0);
        }
    }
    doc.finish(|n, of| (t.pdf_page)(n, of))
}
