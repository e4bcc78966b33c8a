//! The city's voucher file: one row per voucher — fiscal code, amount, scheme, valid from,
//! valid until — as a spreadsheet exports it.
//!
//! Accepted, because that is what Italian offices produce: `;` (Excel in Italian), `,` or tab
//! as separator, detected from the header; a UTF-8 byte-order mark; `"quoted"` fields with
//! `""` for a quote; CRLF line ends; blank lines; amounts with a decimal comma or dot
//! (`150,00`, `150.5`, `1.500,00`, `€ 150`); dates as `2026-03-01` or `01/03/2026`. The header
//! names the columns in Italian or English, in any order (other columns are ignored); a file
//! without a header (its first line starts with a fiscal code) must have the five columns in
//! the order above.
//!
//! Every problem is reported with the line number a spreadsheet shows (the header is line 1)
//! and the column, so the office can fix the file; the server imports nothing unless every
//! row is valid.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::fiscal_code::{FiscalCodeError, normalize_fiscal_code};
use crate::money::Money;

/// The largest voucher accepted: a guard against a slipped separator, not a policy.
pub const MAX_AMOUNT_CENTS: i64 = 10_000_000;
/// Most data rows in one file.
pub const MAX_ROWS: usize = 200_000;
/// Longest scheme name.
pub const MAX_SCHEME_CHARS: usize = 80;

/// One valid voucher row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherRow {
    /// Upper case, checked.
    pub fiscal_code: String,
    /// Positive, whole cents.
    pub amount: Money,
    /// The city's name for the measure (e.g. "Bonus anziani 2026"), trimmed.
    pub scheme: String,
    pub valid_from: Date,
    pub valid_until: Date,
}

/// Column codes, in the order of a file without header.
pub const COLUMNS: [&str; 5] = [
    "fiscal_code",
    "amount",
    "scheme",
    "valid_from",
    "valid_until",
];

/// Header names recognised for each column (lower case, spaces and dashes as `_`).
const ALIASES: [&[&str]; 5] = [
    &["fiscal_code", "codice_fiscale", "cf"],
    &["amount", "importo"],
    &["scheme", "misura"],
    &["valid_from", "valido_dal", "dal"],
    &["valid_until", "valido_al", "al"],
];

/// What is wrong with a row (or the file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The file has no rows at all.
    EmptyFile,
    /// The header lacks a column (field: the column).
    MissingColumn,
    /// The header names a column twice (field: the column).
    DuplicateColumn,
    /// More rows than [`MAX_ROWS`].
    TooManyRows,
    /// A quoted field is not closed on its line.
    UnclosedQuote,
    /// The row has another number of fields than the header.
    FieldCount {
        expected: usize,
        found: usize,
    },
    /// The field is empty.
    Missing,
    FiscalCode(FiscalCodeError),
    /// Not a number.
    AmountInvalid,
    AmountNotPositive,
    /// More than two decimals (e.g. `1.500` read as one euro and a half-cent fraction).
    AmountDecimals,
    AmountTooLarge,
    SchemeTooLong,
    /// Control characters in the scheme name.
    SchemeInvalid,
    DateInvalid,
    /// valid_until before valid_from.
    DateOrder,
    /// The same fiscal code, scheme and period already appear at `first_line`.
    Duplicate {
        first_line: usize,
    },
    /// The person already has this voucher (same scheme and period) from an earlier file.
    AlreadyAssigned,
}

/// A problem at a line of the file; `field` is one of [`COLUMNS`], `header` or `row`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub field: &'static str,
    pub problem: RowProblem,
}

fn column_it(field: &str) -> &'static str {
    match field {
        "fiscal_code" => "codice fiscale",
        "amount" => "importo",
        "scheme" => "misura",
        "valid_from" => "valido dal",
        "valid_until" => "valido al",
        "header" => "intestazione",
        _ => "riga",
    }
}

fn column_en(field: &str) -> &'static str {
    match field {
        "fiscal_code" => "fiscal code",
        "amount" => "amount",
        "scheme" => "scheme",
        "valid_from" => "valid from",
        "valid_until" => "valid until",
        "header" => "header",
        _ => "row",
    }
}

impl RowError {
    /// "Riga 12, colonna «importo»: …", for the office that prepared the file.
    pub fn message_it(&self) -> String {
        let max_euro = Money::from_cents(MAX_AMOUNT_CENTS).format_it();
        let what = match &self.problem {
            RowProblem::EmptyFile => return "Il file è vuoto: non contiene alcun voucher.".into(),
            RowProblem::TooManyRows => {
                return format!(
                    "Il file contiene più di {MAX_ROWS} righe: dividilo in più file e caricali uno alla volta."
                );
            }
            RowProblem::MissingColumn => format!(
                "manca la colonna «{}». Le colonne richieste sono: codice_fiscale, importo, misura, valido_dal, valido_al.",
                column_it(self.field)
            ),
            RowProblem::DuplicateColumn => {
                format!("la colonna «{}» compare due volte.", column_it(self.field))
            }
            RowProblem::UnclosedQuote => {
                "un campo tra virgolette non è chiuso sulla stessa riga.".into()
            }
            RowProblem::FieldCount { expected, found } => format!(
                "la riga ha {found} campi invece di {expected}. Se il separatore è la virgola, scrivi gli importi tra virgolette (\"150,50\") oppure usa il punto e virgola come separatore."
            ),
            RowProblem::Missing => "il valore è mancante.".into(),
            RowProblem::FiscalCode(error) => return self.at_it(&error.message_it()),
            RowProblem::AmountInvalid => {
                "l'importo non è un numero valido (esempi corretti: 150 oppure 150,50).".into()
            }
            RowProblem::AmountNotPositive => "l'importo deve essere maggiore di zero.".into(),
            RowProblem::AmountDecimals => {
                "l'importo può avere al massimo due decimali (per millecinquecento euro scrivi 1500 oppure 1.500,00).".into()
            }
            RowProblem::AmountTooLarge => {
                format!("l'importo supera il massimo consentito di {max_euro} €.")
            }
            RowProblem::SchemeTooLong => {
                format!("il nome della misura supera i {MAX_SCHEME_CHARS} caratteri.")
            }
            RowProblem::SchemeInvalid => {
                "il nome della misura contiene caratteri non ammessi.".into()
            }
            RowProblem::DateInvalid => {
                "la data non è valida (formati ammessi: 31/12/2026 oppure 2026-12-31).".into()
            }
            RowProblem::DateOrder => {
                "la data di fine validità è precedente alla data di inizio.".into()
            }
            RowProblem::Duplicate { first_line } => format!(
                "lo stesso codice fiscale ha già un voucher per questa misura e questo periodo alla riga {first_line}."
            ),
            RowProblem::AlreadyAssigned => {
                "questa persona ha già ricevuto un voucher per questa misura e questo periodo con un file precedente.".into()
            }
        };
        format!(
            "Riga {}, colonna «{}»: {what}",
            self.line,
            column_it(self.field)
        )
    }

    /// "Line 12, column "amount": …".
    pub fn message_en(&self) -> String {
        let max_euro = Money::from_cents(MAX_AMOUNT_CENTS);
        let what = match &self.problem {
            RowProblem::EmptyFile => return "The file is empty: it contains no vouchers.".into(),
            RowProblem::TooManyRows => {
                return format!(
                    "The file has more than {MAX_ROWS} rows: please split it and upload the parts one at a time."
                );
            }
            RowProblem::MissingColumn => format!(
                "the \"{}\" column is missing. The required columns are: fiscal_code, amount, scheme, valid_from, valid_until.",
                column_en(self.field)
            ),
            RowProblem::DuplicateColumn => {
                format!("the \"{}\" column appears twice.", column_en(self.field))
            }
            RowProblem::UnclosedQuote => "a quoted field is not closed on the same line.".into(),
            RowProblem::FieldCount { expected, found } => format!(
                "the row has {found} fields instead of {expected}. If the separator is a comma, put amounts in quotes (\"150,50\") or use semicolons as separators."
            ),
            RowProblem::Missing => "the value is missing.".into(),
            RowProblem::FiscalCode(error) => return self.at_en(&error.message_en()),
            RowProblem::AmountInvalid => {
                "the amount is not a valid number (correct examples: 150 or 150.50).".into()
            }
            RowProblem::AmountNotPositive => "the amount must be greater than zero.".into(),
            RowProblem::AmountDecimals => {
                "the amount may have at most two decimals (for one thousand five hundred euro write 1500 or 1500.00).".into()
            }
            RowProblem::AmountTooLarge => {
                format!("the amount is above the maximum allowed, €{max_euro}.")
            }
            RowProblem::SchemeTooLong => {
                format!("the scheme name is longer than {MAX_SCHEME_CHARS} characters.")
            }
            RowProblem::SchemeInvalid => "the scheme name contains characters that are not allowed.".into(),
            RowProblem::DateInvalid => {
                "the date is not valid (accepted formats: 31/12/2026 or 2026-12-31).".into()
            }
            RowProblem::DateOrder => "the end of validity is before its start.".into(),
            RowProblem::Duplicate { first_line } => format!(
                "the same fiscal code already has a voucher for this scheme and period on line {first_line}."
            ),
            RowProblem::AlreadyAssigned => {
                "this person already received a voucher for this scheme and period with an earlier file.".into()
            }
        };
        format!(
            "Line {}, column \"{}\": {what}",
            self.line,
            column_en(self.field)
        )
    }

    fn at_it(&self, sentence: &str) -> String {
        format!(
            "Riga {}, colonna «{}»: {sentence}",
            self.line,
            column_it(self.field)
        )
    }

    fn at_en(&self, sentence: &str) -> String {
        format!(
            "Line {}, column \"{}\": {sentence}",
            self.line,
            column_en(self.field)
        )
    }
}

/// Reads one data row given as its five fields in [`COLUMNS`] order.
pub fn parse_row(line: usize, fields: [&str; 5]) -> Result<VoucherRow, RowError> {
    let error = |field: &'static str, problem: RowProblem| RowError {
        line,
        field,
        problem,
    };
    let [fiscal_code, amount, scheme, valid_from, valid_until] = fields.map(str::trim);
    for (field, value) in COLUMNS.iter().zip(fields) {
        if value.trim().is_empty() {
            return Err(error(field, RowProblem::Missing));
        }
    }
    let fiscal_code = normalize_fiscal_code(fiscal_code)
        .map_err(|e| error("fiscal_code", RowProblem::FiscalCode(e)))?;
    let amount = parse_amount(amount).map_err(|p| error("amount", p))?;
    let scheme = parse_scheme(scheme).map_err(|p| error("scheme", p))?;
    let valid_from =
        Date::parse(valid_from).ok_or_else(|| error("valid_from", RowProblem::DateInvalid))?;
    let valid_until =
        Date::parse(valid_until).ok_or_else(|| error("valid_until", RowProblem::DateInvalid))?;
    if valid_until < valid_from {
        return Err(error("valid_until", RowProblem::DateOrder));
    }
    Ok(VoucherRow {
        fiscal_code,
        amount,
        scheme,
        valid_from,
        valid_until,
    })
}

fn parse_amount(text: &str) -> Result<Money, RowProblem> {
    let text = text
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .trim();
    let amount = Money::parse(text).map_err(|_| RowProblem::AmountInvalid)?;
    if amount.is_negative() || amount.is_zero() {
        Err(RowProblem::AmountNotPositive)
    } else if amount.as_decimal().scale() > 2 {
        // On the text, not the value: "1.500" is exactly 1.5 but was surely meant as 1500.
        Err(RowProblem::AmountDecimals)
    } else if amount > Money::from_cents(MAX_AMOUNT_CENTS) {
        Err(RowProblem::AmountTooLarge)
    } else {
        Ok(amount)
    }
}

fn parse_scheme(text: &str) -> Result<String, RowProblem> {
    if text.chars().any(char::is_control) {
        Err(RowProblem::SchemeInvalid)
    } else if text.chars().count() > MAX_SCHEME_CHARS {
        Err(RowProblem::SchemeTooLong)
    } else {
        Ok(text.to_owned())
    }
}

/// The result of reading a whole file: the valid rows with their line, and every problem.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: Vec<(usize, VoucherRow)>,
    pub errors: Vec<RowError>,
}

/// Reads a whole file. Every line is checked (not only up to the first error), so the office
/// gets the full list of corrections at once. Identical fiscal code + scheme + period twice in
/// one file is reported as a duplicate: importing both would credit the person twice.
pub fn parse_import(text: &str) -> ImportReport {
    let mut report = ImportReport::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((first_number, first)) = lines.next() else {
        report
            .errors
            .push(file_error(1, "row", RowProblem::EmptyFile));
        return report;
    };
    let delimiter = detect_delimiter(first);
    let first_fields = match split_fields(first, delimiter) {
        Ok(fields) => fields,
        Err(problem) => {
            report.errors.push(file_error(first_number, "row", problem));
            return report;
        }
    };
    let (positions, width, first_data) = match header_positions(&first_fields) {
        HeaderKind::Header(Ok(positions)) => (positions, first_fields.len(), None),
        HeaderKind::Header(Err((field, problem))) => {
            report.errors.push(file_error(first_number, field, problem));
            return report;
        }
        HeaderKind::NoHeader => (
            [0, 1, 2, 3, 4],
            COLUMNS.len(),
            Some((first_number, Ok(first_fields))),
        ),
    };
    let mut seen: HashMap<(String, String, Date, Date), usize> = HashMap::new();
    let data = first_data
        .into_iter()
        .chain(lines.map(|(number, line)| (number, split_fields(line, delimiter))));
    for (count, (number, fields)) in data.enumerate() {
        if count >= MAX_ROWS {
            report
                .errors
                .push(file_error(number, "row", RowProblem::TooManyRows));
            break;
        }
        let fields = match fields {
            Ok(fields) => fields,
            Err(problem) => {
                report.errors.push(file_error(number, "row", problem));
                continue;
            }
        };
        // Spreadsheets pad short rows with empty trailing fields: those are harmless. Any
        // other difference means a separator inside a value (e.g. `150,00` in a file
        // separated by commas) and the columns would shift silently.
        let padding_only =
            fields.len() > width && fields[width..].iter().all(|f| f.trim().is_empty());
        if fields.len() != width && !padding_only {
            report.errors.push(file_error(
                number,
                "row",
                RowProblem::FieldCount {
                    expected: width,
                    found: fields.len(),
                },
            ));
            continue;
        }
        let values = positions.map(|p| fields[p].as_str());
        match parse_row(number, values) {
            Ok(row) => {
                let key = (
                    row.fiscal_code.clone(),
                    row.scheme.to_lowercase(),
                    row.valid_from,
                    row.valid_until,
                );
                if let Some(&first_line) = seen.get(&key) {
                    report.errors.push(file_error(
                        number,
                        "fiscal_code",
                        RowProblem::Duplicate { first_line },
                    ));
                } else {
                    seen.insert(key, number);
                    report.rows.push((number, row));
                }
            }
            Err(error) => report.errors.push(error),
        }
    }
    if report.rows.is_empty() && report.errors.is_empty() {
        report
            .errors
            .push(file_error(first_number, "row", RowProblem::EmptyFile));
    }
    report
}

fn file_error(line: usize, field: &'static str, problem: RowProblem) -> RowError {
    RowError {
        line,
        field,
        problem,
    }
}

fn detect_delimiter(header: &str) -> char {
    [';', '\t', ',']
        .into_iter()
        .find(|d| header.contains(*d))
        .unwrap_or(';')
}

/// Splits one line into fields; `""` inside quotes is a quote.
fn split_fields(line: &str, delimiter: char) -> Result<Vec<String>, RowProblem> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c if c == delimiter && !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    if quoted {
        return Err(RowProblem::UnclosedQuote);
    }
    fields.push(field);
    Ok(fields)
}

enum HeaderKind {
    Header(Result<[usize; 5], (&'static str, RowProblem)>),
    NoHeader,
}

fn header_positions(fields: &[String]) -> HeaderKind {
    let names: Vec<String> = fields
        .iter()
        .map(|f| f.trim().to_lowercase().replace([' ', '-'], "_"))
        .collect();
    let column_of = |name: &str| ALIASES.iter().position(|aliases| aliases.contains(&name));
    if names.iter().all(|n| column_of(n).is_none()) {
        // No known column name: data from the first line if it starts with a fiscal code,
        // otherwise a header we do not understand (better said so than five errors on line 1).
        let starts_with_code = fields
            .first()
            .is_some_and(|f| normalize_fiscal_code(f).is_ok());
        return if starts_with_code {
            HeaderKind::NoHeader
        } else {
            HeaderKind::Header(Err((COLUMNS[0], RowProblem::MissingColumn)))
        };
    }
    let mut positions: [Option<usize>; 5] = [None; 5];
    for (index, name) in names.iter().enumerate() {
        if let Some(column) = column_of(name) {
            if positions[column].is_some() {
                return HeaderKind::Header(Err((COLUMNS[column], RowProblem::DuplicateColumn)));
            }
            positions[column] = Some(index);
        }
    }
    let mut found = [0; 5];
    for (column, position) in positions.iter().enumerate() {
        match position {
            Some(p) => found[column] = *p,
            None => {
                return HeaderKind::Header(Err((COLUMNS[column], RowProblem::MissingColumn)));
            }
        }
    }
    HeaderKind::Header(Ok(found))
}

/// The file's text: UTF-8 when it is, else Windows-1252, which Excel in Italian uses for
/// "CSV" (accented names, the euro sign). Never fails: every byte means something there.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    // Windows-1252's 0x80–0x9F differ from Latin-1; the rest is Latin-1.
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}
