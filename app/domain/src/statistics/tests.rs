use super::*;

fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn default_period_is_twelve_months() {
    let p = default_period(d("2026-03-15"));
    assert_eq!(p.from, d("2025-04-01"));
    assert_eq!(p.to, d("2026-03-15"));
    assert_eq!(p.months().len(), 12);
    assert_eq!(p.months()[0], "2025-04");
    assert_eq!(p.months()[11], "2026-03");
    let jan = default_period(d("2026-01-31"));
    assert_eq!(jan.from, d("2025-02-01"));
}

#[test]
fn parse_period_checks_dates() {
    let today = d("2026-03-15");
    assert_eq!(
        parse_period(None, Some(""), today),
        Ok(default_period(today))
    );
    assert_eq!(
        parse_period(Some("2026-01-01"), Some("2026-02-10"), today)
            .unwrap()
            .months(),
        vec!["2026-01".to_string(), "2026-02".to_string()]
    );
    assert_eq!(
        parse_period(Some("2026-13-01"), None, today),
        Err(PeriodError::InvalidFrom)
    );
    assert_eq!(
        parse_period(None, Some("ieri"), today),
        Err(PeriodError::InvalidTo)
    );
    assert_eq!(
        parse_period(Some("2026-03-01"), Some("2026-02-01"), today),
        Err(PeriodError::Reversed)
    );
    assert_eq!(
        parse_period(Some("1990-01-01"), None, today),
        Err(PeriodError::TooLong)
    );
}

#[test]
fn period_bounds_are_rome_midnights() {
    let p = parse_period(Some("2026-01-01"), Some("2026-01-31"), d("2026-03-01")).unwrap();
    // Midnight in Rome (UTC+1 in winter) is 23:00 UTC the day before.
    assert_eq!(p.start_unix(), 1_767_222_000);
    assert_eq!(p.end_unix() - p.start_unix(), 31 * 86_400);
    assert_eq!(month_of(p.start_unix()), "2026-01");
    assert_eq!(month_of(p.start_unix() - 1), "2025-12");
}

#[test]
fn buckets_sum_per_month() {
    let months = vec!["2026-01".to_string(), "2026-02".to_string()];
    let jan = 1_767_222_000 + 86_400;
    let feb = jan + 40 * 86_400;
    let later = feb + 60 * 86_400;
    assert_eq!(
        bucket_by_month(&months, &[(jan, 5), (jan, 7), (feb, 1), (later, 100)]),
        vec![12, 1]
    );
}

#[test]
fn ratios_and_averages_round_half_up() {
    assert_eq!(ratio_basis_points(1, 3), Some(3_333));
    assert_eq!(ratio_basis_points(2, 3), Some(6_667));
    assert_eq!(ratio_basis_points(0, 0), None);
    assert_eq!(average_hundredths(13, 3), Some(433));
    assert_eq!(average_hundredths(11, 3), Some(367));
    assert_eq!(average_hundredths(5, 0), None);
}

#[test]
fn cells_format_for_people_csv_and_sheets() {
    assert_eq!(Cell::Cents(123_450).display(), "1.234,50 €");
    assert_eq!(Cell::Int(1_234_567).display(), "1.234.567");
    assert_eq!(Cell::Hundredths(Some(433)).display(), "4,33");
    assert_eq!(Cell::Percent(Some(3_333)).display(), "33,33 %");
    assert_eq!(Cell::Percent(None).display(), "—");
    assert_eq!(Cell::Cents(123_450).csv(), "1234,50");
    assert_eq!(Cell::Text("=HYPERLINK(1)".into()).csv(), "'=HYPERLINK(1)");
    assert_eq!(Cell::Text("a;b".into()).csv(), "\"a;b\"");
    assert_eq!(
        Cell::Cents(123_405).sheet(),
        SheetValue::Number("1234.05".into())
    );
    assert_eq!(Cell::Int(7).sheet(), SheetValue::Number("7".into()));
    let text = csv(
        &["mese".into(), "importo".into()],
        &[vec![Cell::Text("2026-01".into()), Cell::Cents(5_000)]],
    );
    assert_eq!(text, "\u{feff}mese;importo\r\n2026-01;50,00\r\n");
}

#[test]
fn bars_scale_to_the_largest() {
    let chart = bar_chart(&[10, 5, 0, -3]);
    assert_eq!(chart.bars[0].length, MAX_BAR);
    assert_eq!(chart.bars[1].length, MAX_BAR / 2);
    assert_eq!(chart.bars[2].length, 0);
    assert_eq!(chart.bars[3].length, 0);
    assert_eq!(chart.bars[1].y, BAR_GAP * 2 + BAR_HEIGHT);
    assert_eq!(chart.height, BAR_GAP + 4 * (BAR_HEIGHT + BAR_GAP));
    assert!(bar_chart(&[0, 0]).bars.iter().all(|b| b.length == 0));
    assert!(bar_chart(&[]).bars.is_empty());
}

#[test]
fn long_labels_are_cut() {
    assert_eq!(short_label("Breve", 10), "Breve");
    assert_eq!(short_label("Cooperativa sociale", 8), "Coopera…");
}
