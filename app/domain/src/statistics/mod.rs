//! Statistics for city staff (issue 8): the period filter, month buckets, ratios and averages
//! in integer arithmetic, the cells of the tables and how CSV, XLSX and pages show them, and
//! the geometry of the bar charts. Plain computations; the server loads the rows.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::money::Money;

#[cfg(test)]
mod tests;

/// The longest period asked for (a bound on the month buckets).
pub const MAX_DAYS: i64 = 3_700;

/// A period of whole days in Rome, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

/// Why a period was refused; `code()` names the field or rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("invalid start date")]
    InvalidFrom,
    #[error("invalid end date")]
    InvalidTo,
    #[error("start after end")]
    Reversed,
    #[error("period too long")]
    TooLong,
}

impl PeriodError {
    pub fn code(self) -> &'static str {
        match self {
            PeriodError::InvalidFrom => "dal",
            PeriodError::InvalidTo => "al",
            PeriodError::Reversed => "ordine",
            PeriodError::TooLong => "lunghezza",
        }
    }
}

/// The default period: from the first day of the month eleven months ago to today (twelve
/// monthly buckets, the current one included).
pub fn default_period(today: Date) -> Period {
    let (y, m, _) = today.ymd();
    let index = y * 12 + i64::from(m) - 1 - 11;
    let from =
        Date::from_ymd(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32, 1).unwrap_or(today);
    Period { from, to: today }
}

/// The period of the form's `dal` and `al` (`YYYY-MM-DD`); an empty or missing one takes the
/// default's.
pub fn parse_period(
    from: Option<&str>,
    to: Option<&str>,
    today: Date,
) -> Result<Period, PeriodError> {
    let default = default_period(today);
    let read = |text: Option<&str>, fallback: Date, err: PeriodError| match text
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None => Ok(fallback),
        Some(t) => Date::parse(t).ok_or(err),
    };
    let from = read(from, default.from, PeriodError::InvalidFrom)?;
    let to = read(to, default.to, PeriodError::InvalidTo)?;
    if from > to {
        return Err(PeriodError::Reversed);
    }
    if to.days() - from.days() > MAX_DAYS {
        return Err(PeriodError::TooLong);
    }
    Ok(Period { from, to })
}

impl Period {
    /// Unix seconds of the first instant of the period (midnight in Rome).
    pub fn start_unix(self) -> i64 {
        midnight_in_rome(self.from)
    }

    /// Unix seconds of the first instant after the period.
    pub fn end_unix(self) -> i64 {
        midnight_in_rome(self.to.add_days(1))
    }

    /// The months the period touches, `YYYY-MM`, oldest first.
    pub fn months(self) -> Vec<String> {
        let (fy, fm, _) = self.from.ymd();
        let (ty, tm, _) = self.to.ymd();
        let (first, last) = (fy * 12 + i64::from(fm) - 1, ty * 12 + i64::from(tm) - 1);
        (first..=last)
            .map(|i| format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1))
            .collect()
    }
}

fn midnight_in_rome(day: Date) -> i64 {
    crate::rome_time::unix_from_rome_local(&format!("{day}T00:00"))
        .unwrap_or_else(|| day.start_unix_seconds(3_600))
}

/// The month (`YYYY-MM`, Rome) of an instant.
pub fn month_of(unix: i64) -> String {
    let (y, m, ..) = crate::rome_time::rome_from_unix(unix);
    format!("{y:04}-{m:02}")
}

/// Sums `(instant, value)` pairs into the given months (values outside them are ignored).
pub fn bucket_by_month(months: &[String], items: &[(i64, i64)]) -> Vec<i64> {
    let mut sums = vec![0i64; months.len()];
    for (at, value) in items {
        let month = month_of(*at);
        if let Some(i) = months.iter().position(|m| *m == month) {
            sums[i] += value;
        }
    }
    sums
}

/// `part / whole` in hundredths of a percent (basis points), rounded half up; `None` when
/// `whole` is zero.
pub fn ratio_basis_points(part: i64, whole: i64) -> Option<i64> {
    if whole <= 0 {
        return None;
    }
    let scaled = i128::from(part) * 10_000;
    Some(((scaled * 2 + i128::from(whole)) / (2 * i128::from(whole))) as i64)
}

/// `sum / count` in hundredths, rounded half up; `None` when `count` is zero.
pub fn average_hundredths(sum: i64, count: i64) -> Option<i64> {
    if count <= 0 {
        return None;
    }
    let scaled = i128::from(sum) * 100;
    Some(((scaled * 2 + i128::from(count)) / (2 * i128::from(count))) as i64)
}

/// One cell of a statistics table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// Money, integer cents.
    Cents(i64),
    /// A number with two decimals (an average), in hundredths; `None`: no data.
    Hundredths(Option<i64>),
    /// A percentage in basis points (hundredths of a percent); `None`: no data.
    Percent(Option<i64>),
}

/// Digits grouped by `.` (Italian thousands separator).
fn grouped(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(d);
    }
    out
}

/// `value / 100` with two decimals and `sep` as the decimal separator, no grouping.
fn two_decimals(value: i64, sep: char) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let v = value.unsigned_abs();
    format!("{sign}{}{sep}{:02}", v / 100, v % 100)
}

impl Cell {
    /// How pages show the cell (Italian number format: "1.234,50 €", "4,33", "12,50 %").
    pub fn display(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => grouped(*n),
            Cell::Cents(c) => format!("{} €", Money::from_cents(*c).format_it()),
            Cell::Hundredths(Some(h)) => two_decimals(*h, ','),
            Cell::Percent(Some(bp)) => format!("{} %", two_decimals(*bp, ',')),
            Cell::Hundredths(None) | Cell::Percent(None) => "—".into(),
        }
    }

    /// The cell in a `;`-separated CSV (decimal comma, formulas neutralised).
    pub fn csv(&self) -> String {
        match self {
            Cell::Text(t) => crate::payouts::field(t),
            Cell::Int(n) => n.to_string(),
            Cell::Cents(c) => crate::payouts::amount(*c),
            Cell::Hundredths(Some(h)) | Cell::Percent(Some(h)) => two_decimals(*h, ','),
            Cell::Hundredths(None) | Cell::Percent(None) => String::new(),
        }
    }

    /// The cell in a spreadsheet: a number (`.` decimal point, euros for money, a percentage
    /// as its number) or a text.
    pub fn sheet(&self) -> SheetValue {
        match self {
            Cell::Text(t) => SheetValue::Text(t.clone()),
            Cell::Int(n) => SheetValue::Number(n.to_string()),
            Cell::Cents(c) | Cell::Hundredths(Some(c)) | Cell::Percent(Some(c)) => {
                SheetValue::Number(two_decimals(*c, '.'))
            }
            Cell::Hundredths(None) | Cell::Percent(None) => SheetValue::Text(String::new()),
        }
    }

    /// The magnitude a chart draws (cents, hundredths, counts); texts and missing values: 0.
    pub fn magnitude(&self) -> i64 {
        match self {
            Cell::Int(n) | Cell::Cents(n) => *n,
            Cell::Hundredths(Some(n)) | Cell::Percent(Some(n)) => *n,
            _ => 0,
        }
    }
}

/// A spreadsheet cell's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetValue {
    /// The number as the XML writes it (`1234.50`).
    Number(String),
    Text(String),
}

/// A table as CSV: byte order mark (for spreadsheets), header, rows, CRLF line ends.
pub fn csv(columns: &[String], rows: &[Vec<Cell>]) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = columns.iter().map(|c| crate::payouts::field(c)).collect();
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row.iter().map(Cell::csv).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// Width of a chart's viewBox.
pub const CHART_WIDTH: u32 = 720;
/// Room for the labels left of the bars.
pub const LABEL_WIDTH: u32 = 260;
/// Room for the value right of the longest bar.
pub const VALUE_WIDTH: u32 = 130;
pub const BAR_HEIGHT: u32 = 22;
pub const BAR_GAP: u32 = 10;
/// The longest bar.
pub const MAX_BAR: u32 = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;

/// One bar of a horizontal bar chart, in viewBox units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub y: u32,
    pub length: u32,
}

/// The geometry of a horizontal bar chart of `values` (one bar a row, top to bottom).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarChart {
    pub width: u32,
    pub height: u32,
    pub bars: Vec<Bar>,
}

/// Scales the values to bars: the largest gets `MAX_BAR`, the others proportionally (rounded
/// down, integer arithmetic); zero and negative values get no bar.
pub fn bar_chart(values: &[i64]) -> BarChart {
    let max = values.iter().copied().max().unwrap_or(0).max(0);
    let bars = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let length = if max == 0 || *v <= 0 {
                0
            } else {
                (i128::from(*v) * i128::from(MAX_BAR) / i128::from(max)) as u32
            };
            Bar {
                y: BAR_GAP + i as u32 * (BAR_HEIGHT + BAR_GAP),
                length,
            }
        })
        .collect();
    BarChart {
        width: CHART_WIDTH,
        height: BAR_GAP + values.len() as u32 * (BAR_HEIGHT + BAR_GAP),
        bars,
    }
}

/// A label cut to `max` characters with an ellipsis (the table below has it whole).
pub fn short_label(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}
