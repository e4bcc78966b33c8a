use proptest::prelude::*;

use super::*;
use crate::date::Date;
use crate::money::Money;

fn eur(cents: i64) -> Money {
    Money::from_cents(cents)
}

fn day(text: &str) -> Date {
    Date::parse(text).expect(text)
}

// ---- Splitting a payment ----

#[test]
fn vouchers_pay_what_they_can() {
    assert_eq!(
        split_payment(eur(10_000), eur(3_000), true),
        Split {
            voucher: eur(3_000),
            card: eur(7_000)
        }
    );
    assert_eq!(
        split_payment(eur(2_000), eur(3_000), true),
        Split {
            voucher: eur(2_000),
            card: Money::ZERO
        }
    );
    assert_eq!(
        split_payment(eur(2_000), eur(3_000), false),
        Split {
            voucher: Money::ZERO,
            card: eur(2_000)
        }
    );
    assert_eq!(
        split_payment(eur(2_000), eur(-500), true).voucher,
        Money::ZERO
    );
    assert_eq!(
        split_payment_up_to(eur(10_000), eur(8_000), true, eur(2_500)),
        Split {
            voucher: eur(2_500),
            card: eur(7_500)
        }
    );
    let sub_cent = Money::parse("10.005").expect("amount");
    assert_eq!(
        split_payment(eur(5_000), sub_cent, true).voucher,
        eur(1_000)
    );
}

proptest! {
    #[test]
    fn split_invariants(
        total in 0i64..10_000_000,
        balance in -1_000i64..10_000_000,
        wanted in -1_000i64..10_000_000,
        eligible: bool,
    ) {
        let split = split_payment_up_to(eur(total), eur(balance), eligible, eur(wanted));
        prop_assert_eq!(split.total(), eur(total));
        prop_assert!(!split.voucher.is_negative() && !split.card.is_negative());
        prop_assert!(split.voucher <= eur(balance).max(Money::ZERO));
        prop_assert!(split.voucher <= eur(wanted).max(Money::ZERO));
        if !eligible {
            prop_assert!(split.voucher.is_zero());
        }
        let most = split_payment(eur(total), eur(balance), eligible);
        prop_assert!(split.voucher <= most.voucher);
    }
}

// ---- Ledger ----

#[test]
fn debits_never_overdraw() {
    assert_eq!(apply_debit(eur(5_000), eur(2_000)), Ok(eur(3_000)));
    assert_eq!(apply_debit(eur(5_000), eur(5_000)), Ok(Money::ZERO));
    assert_eq!(
        apply_debit(eur(5_000), eur(5_001)),
        Err(LedgerError::InsufficientBalance {
            balance: eur(5_000),
            requested: eur(5_001)
        })
    );
    assert_eq!(
        apply_debit(eur(5_000), Money::ZERO),
        Err(LedgerError::NotPositive)
    );
    assert_eq!(
        apply_debit(eur(5_000), eur(-1)),
        Err(LedgerError::NotPositive)
    );
    let sub_cent = Money::parse("0.001").expect("amount");
    assert_eq!(apply_debit(eur(5_000), sub_cent), Err(LedgerError::SubCent));
    assert_eq!(apply_credit(eur(100), eur(50)), Ok(eur(150)));
    let message = LedgerError::InsufficientBalance {
        balance: eur(1_200),
        requested: eur(2_000),
    }
    .message_it();
    assert!(
        message.contains("12,00 €") && message.contains("20,00 €"),
        "{message}"
    );
}

#[test]
fn replay_finds_the_overdraft() {
    let entries = [
        LedgerEntry::Grant(eur(10_000)),
        LedgerEntry::Debit(eur(4_000)),
        LedgerEntry::Reversal(eur(1_000)),
        LedgerEntry::Debit(eur(7_000)),
        LedgerEntry::Revocation(eur(1)),
    ];
    assert_eq!(
        replay(&entries),
        Err((
            4,
            LedgerError::InsufficientBalance {
                balance: Money::ZERO,
                requested: eur(1)
            }
        ))
    );
    assert_eq!(replay(&entries[..4]), Ok(Money::ZERO));
    let json = serde_json::to_string(&entries[1]).expect("json");
    assert_eq!(json, r#"{"kind":"debit","amount":"40.00"}"#);
}

proptest! {
    /// Concurrent buyers are serialized by the database; whatever order the debits arrive in,
    /// applying only the accepted ones never takes the balance below zero, and the balance is
    /// always grants + reversals − accepted debits.
    #[test]
    fn ledger_never_negative(
        grant in 1i64..100_000,
        ops in proptest::collection::vec((any::<bool>(), 1i64..50_000), 0..40),
    ) {
        let mut balance = apply_credit(Money::ZERO, eur(grant)).expect("grant");
        let mut entries = vec![LedgerEntry::Grant(eur(grant))];
        for (is_debit, cents) in ops {
            let amount = eur(cents);
            if is_debit {
                if let Ok(next) = apply_debit(balance, amount) {
                    entries.push(LedgerEntry::Debit(amount));
                    balance = next;
                } else {
                    prop_assert!(amount > balance);
                }
            } else {
                balance = apply_credit(balance, amount).expect("credit");
                entries.push(LedgerEntry::Reversal(amount));
            }
            prop_assert!(!balance.is_negative());
        }
        prop_assert_eq!(replay(&entries), Ok(balance));
    }
}

// ---- Refunds ----

#[test]
fn refunds_are_proportional() {
    let paid = Split {
        voucher: eur(3_000),
        card: eur(7_000),
    };
    // Full refund: each part back exactly.
    assert_eq!(split_refund(paid, Money::ZERO, eur(10_000)), Ok(paid));
    // Half: half of each.
    assert_eq!(
        split_refund(paid, Money::ZERO, eur(5_000)),
        Ok(Split {
            voucher: eur(1_500),
            card: eur(3_500)
        })
    );
    // The odd cent goes to the card.
    assert_eq!(
        split_refund(paid, Money::ZERO, eur(1)),
        Ok(Split {
            voucher: Money::ZERO,
            card: eur(1)
        })
    );
    assert_eq!(
        split_refund(paid, eur(9_000), eur(1_001)),
        Err(LedgerError::RefundExceeds {
            refundable: eur(1_000)
        })
    );
    let card_only = Split {
        voucher: Money::ZERO,
        card: eur(500),
    };
    assert_eq!(
        split_refund(card_only, Money::ZERO, eur(500)),
        Ok(card_only)
    );
}

proptest! {
    /// Partial refunds in any slices add up to the same as one refund of their sum; no part
    /// is ever negative or more than was paid that way.
    #[test]
    fn refund_slices_add_up(
        voucher in 0i64..500_000,
        card in 0i64..500_000,
        slices in proptest::collection::vec(1i64..200_000, 1..10),
    ) {
        let paid = Split { voucher: eur(voucher), card: eur(card) };
        let mut refunded = Money::ZERO;
        let mut back = Split::default();
        for cents in slices {
            let amount = eur(cents);
            match split_refund(paid, refunded, amount) {
                Ok(part) => {
                    prop_assert!(!part.voucher.is_negative() && !part.card.is_negative());
                    prop_assert_eq!(part.total(), amount);
                    back.voucher += part.voucher;
                    back.card += part.card;
                    refunded += amount;
                }
                Err(LedgerError::RefundExceeds { refundable }) => prop_assert!(amount > refundable),
                Err(other) => prop_assert!(false, "unexpected {:?}", other),
            }
            prop_assert!(back.voucher <= paid.voucher && back.card <= paid.card);
        }
        if refunded.is_zero() {
            return Ok(());
        }
        let at_once = split_refund(paid, Money::ZERO, refunded).expect("sum is refundable");
        prop_assert_eq!(at_once, back);
        let rest = paid.total() - refunded;
        if !rest.is_zero() {
            let last = split_refund(paid, refunded, rest).expect("rest");
            prop_assert_eq!(back.voucher + last.voucher, paid.voucher);
            prop_assert_eq!(back.card + last.card, paid.card);
        }
    }
}

// ---- Several vouchers, validity ----

fn voucher(id: i64, cents: i64, from: &str, until: &str) -> Voucher {
    Voucher {
        id,
        balance: eur(cents),
        valid_from: day(from),
        valid_until: day(until),
    }
}

#[test]
fn validity_is_inclusive() {
    let v = voucher(1, 100, "2026-01-01", "2026-12-31");
    assert!(v.is_valid_on(day("2026-01-01")));
    assert!(v.is_valid_on(day("2026-12-31")));
    assert!(!v.is_valid_on(day("2025-12-31")));
    assert!(!v.is_valid_on(day("2027-01-01")));
}

#[test]
fn earliest_expiry_pays_first() {
    let vouchers = [
        voucher(1, 5_000, "2026-01-01", "2026-12-31"),
        voucher(2, 2_000, "2026-01-01", "2026-06-30"),
        voucher(3, 9_000, "2026-07-01", "2026-12-31"),
        voucher(4, 9_000, "2025-01-01", "2025-12-31"),
    ];
    let today = day("2026-03-15");
    assert_eq!(spendable_balance(&vouchers, today), eur(7_000));
    assert_eq!(
        allocate_debit(&vouchers, eur(3_000), today),
        Ok(vec![(2, eur(2_000)), (1, eur(1_000))])
    );
    assert_eq!(
        allocate_debit(&vouchers, eur(7_001), today),
        Err(LedgerError::InsufficientBalance {
            balance: eur(7_000),
            requested: eur(7_001)
        })
    );
}

#[test]
fn reversals_go_to_the_longest_lived_voucher() {
    let debits = [
        VoucherDebit {
            voucher_id: 2,
            outstanding: eur(2_000),
            valid_until: day("2026-06-30"),
        },
        VoucherDebit {
            voucher_id: 1,
            outstanding: eur(1_000),
            valid_until: day("2026-12-31"),
        },
    ];
    assert_eq!(
        allocate_reversal(&debits, eur(1_500)),
        Ok(vec![(1, eur(1_000)), (2, eur(500))])
    );
    assert_eq!(
        allocate_reversal(&debits, eur(3_001)),
        Err(LedgerError::RefundExceeds {
            refundable: eur(3_000)
        })
    );
}

proptest! {
    #[test]
    fn allocations_sum_up_and_respect_balances(
        balances in proptest::collection::vec((0i64..10_000, 0i64..3, 0i64..3), 0..6),
        amount in 1i64..40_000,
    ) {
        let base = day("2026-01-01");
        let today = base.add_days(1);
        let vouchers: Vec<Voucher> = balances
            .iter()
            .enumerate()
            .map(|(i, &(cents, from, until))| Voucher {
                id: i as i64,
                balance: eur(cents),
                valid_from: base.add_days(from),
                valid_until: base.add_days(from + until),
            })
            .collect();
        match allocate_debit(&vouchers, eur(amount), today) {
            Ok(debits) => {
                let sum: Money = debits.iter().map(|(_, m)| *m).sum();
                prop_assert_eq!(sum, eur(amount));
                for (id, taken) in debits {
                    let v = &vouchers[usize::try_from(id).expect("id")];
                    prop_assert!(v.is_valid_on(today));
                    prop_assert!(taken > Money::ZERO && taken <= v.balance);
                }
            }
            Err(LedgerError::InsufficientBalance { balance, .. }) => {
                prop_assert!(eur(amount) > balance);
                prop_assert_eq!(balance, spendable_balance(&vouchers, today));
            }
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}

// ---- The city's file ----

const GOOD_CF: &str = "RSSMRA80A01H501U";
const OTHER_CF: &str = "BNCLRA85T52F205E";

#[test]
fn a_semicolon_file_from_excel() {
    let text = format!(
        "\u{feff}Codice fiscale;Importo;Misura;Valido dal;Valido al\r\n\
         {GOOD_CF};150,50;Bonus anziani 2026;01/03/2026;31/12/2026\r\n\
         \r\n\
         {OTHER_CF};\"1.500,00\";\"Voucher \"\"famiglie\"\"\";2026-01-01;2026-01-01\r\n"
    );
    let report = parse_import(&text);
    assert_eq!(report.errors, vec![]);
    assert_eq!(report.rows.len(), 2);
    let (line, row) = &report.rows[0];
    assert_eq!(*line, 2);
    assert_eq!(row.fiscal_code, GOOD_CF);
    assert_eq!(row.amount, eur(15_050));
    assert_eq!(row.scheme, "Bonus anziani 2026");
    assert_eq!(row.valid_from, day("2026-03-01"));
    let (line, row) = &report.rows[1];
    assert_eq!(*line, 4);
    assert_eq!(row.amount, eur(150_000));
    assert_eq!(row.scheme, "Voucher \"famiglie\"");
}

#[test]
fn english_header_in_another_order_with_extra_columns() {
    let text = format!(
        "note,valid_until,amount,fiscal_code,valid_from,scheme\n\
         hello,2026-12-31,€ 80,{},2026-01-01,Caregiver\n",
        GOOD_CF.to_lowercase()
    );
    let report = parse_import(&text);
    assert_eq!(report.errors, vec![]);
    assert_eq!(report.rows[0].1.amount, eur(8_000));
    assert_eq!(report.rows[0].1.fiscal_code, GOOD_CF);
}

#[test]
fn a_file_without_header() {
    let text = format!("{GOOD_CF};20;Bonus;2026-01-01;2026-02-01\n");
    let report = parse_import(&text);
    assert_eq!(report.errors, vec![]);
    assert_eq!(report.rows[0].0, 1);
}

fn problems(text: &str) -> Vec<(usize, &'static str, RowProblem)> {
    parse_import(text)
        .errors
        .into_iter()
        .map(|e| (e.line, e.field, e.problem))
        .collect()
}

#[test]
fn every_problem_names_line_and_column() {
    let header = "codice_fiscale;importo;misura;valido_dal;valido_al";
    let text = format!(
        "{header}\n\
         RSSMRA80A01H501A;10;X;2026-01-01;2026-01-02\n\
         {GOOD_CF};0;X;2026-01-01;2026-01-02\n\
         {GOOD_CF};1.500;X;2026-01-01;2026-01-02\n\
         {GOOD_CF};dieci;X;2026-01-01;2026-01-02\n\
         {GOOD_CF};200000;X;2026-01-01;2026-01-02\n\
         {GOOD_CF};10;;2026-01-01;2026-01-02\n\
         {GOOD_CF};10;X;31/02/2026;2026-01-02\n\
         {GOOD_CF};10;X;2026-02-01;2026-01-02\n\
         {GOOD_CF};10;X;2026-01-01\n\
         {GOOD_CF};10;\"X;2026-01-01;2026-01-02\n\
         {GOOD_CF};10;Y;2026-01-01;2026-01-02\n\
         {GOOD_CF};12;y;2026-01-01;2026-01-02\n\
         {GOOD_CF};-5;X;2026-01-01;2026-01-02\n"
    );
    use super::FiscalCodeError::CheckCharacter;
    assert_eq!(
        problems(&text),
        vec![
            (
                2,
                "fiscal_code",
                RowProblem::FiscalCode(CheckCharacter { expected: 'U' })
            ),
            (3, "amount", RowProblem::AmountNotPositive),
            (4, "amount", RowProblem::AmountDecimals),
            (5, "amount", RowProblem::AmountInvalid),
            (6, "amount", RowProblem::AmountTooLarge),
            (7, "scheme", RowProblem::Missing),
            (8, "valid_from", RowProblem::DateInvalid),
            (9, "valid_until", RowProblem::DateOrder),
            (
                10,
                "row",
                RowProblem::FieldCount {
                    expected: 5,
                    found: 4
                }
            ),
            (11, "row", RowProblem::UnclosedQuote),
            (13, "fiscal_code", RowProblem::Duplicate { first_line: 12 }),
            (14, "amount", RowProblem::AmountNotPositive),
        ]
    );
    let report = parse_import(&text);
    assert_eq!(report.rows.len(), 1);
    let first = &report.errors[0];
    assert!(
        first
            .message_it()
            .starts_with("Riga 2, colonna «codice fiscale»: Il codice fiscale non è corretto")
    );
    assert!(
        first
            .message_en()
            .starts_with("Line 2, column \"fiscal code\": The fiscal code is not correct")
    );
    assert!(report.errors[2].message_it().contains("1.500,00"));
}

#[test]
fn comma_files_must_quote_decimal_commas() {
    let text = format!(
        "fiscal_code,amount,scheme,valid_from,valid_until\n{GOOD_CF},150,50,X,2026-01-01,2026-01-02\n"
    );
    assert_eq!(
        problems(&text),
        vec![(
            2,
            "row",
            RowProblem::FieldCount {
                expected: 5,
                found: 6
            }
        )]
    );
    // Trailing empty fields (spreadsheet padding) are fine.
    let padded = format!(
        "fiscal_code,amount,scheme,valid_from,valid_until\n{GOOD_CF},\"150,50\",X,2026-01-01,2026-01-02,,\n"
    );
    assert_eq!(problems(&padded), vec![]);
}

#[test]
fn header_problems_stop_the_file() {
    assert_eq!(
        problems("codice_fiscale;importo;misura;valido_dal\nx;y;z;w\n"),
        vec![(1, "valid_until", RowProblem::MissingColumn)]
    );
    assert_eq!(
        problems("cf;importo;importo;misura;dal;al\n"),
        vec![(1, "amount", RowProblem::DuplicateColumn)]
    );
    assert_eq!(
        problems("Codice;Euro;Iniziativa;Inizio;Fine\nx;y;z;w;v\n"),
        vec![(1, "fiscal_code", RowProblem::MissingColumn)]
    );
    assert_eq!(problems(""), vec![(1, "row", RowProblem::EmptyFile)]);
    assert_eq!(problems("\n \r\n"), vec![(1, "row", RowProblem::EmptyFile)]);
    assert_eq!(
        problems("cf;importo;misura;dal;al\n"),
        vec![(1, "row", RowProblem::EmptyFile)]
    );
    let missing = RowError {
        line: 1,
        field: "valid_until",
        problem: RowProblem::MissingColumn,
    };
    assert!(missing.message_it().contains("«valido al»"));
    assert!(missing.message_en().contains("\"valid until\""));
}

#[test]
fn parse_row_directly() {
    let row = parse_row(7, [GOOD_CF, "10,5", " Bonus ", "1/1/2026", "2026-01-31"]).expect("row");
    assert_eq!(row.amount, eur(1_050));
    assert_eq!(row.scheme, "Bonus");
    let error = parse_row(7, [GOOD_CF, "10", "Bonus\u{7}", "2026-01-01", "2026-01-31"])
        .expect_err("control character");
    assert_eq!(error.problem, RowProblem::SchemeInvalid);
    let long = "x".repeat(81);
    let error = parse_row(7, [GOOD_CF, "10", &long, "2026-01-01", "2026-01-31"]).expect_err("long");
    assert_eq!(
        (error.line, error.field, error.problem),
        (7, "scheme", RowProblem::SchemeTooLong)
    );
}

#[test]
fn every_row_problem_has_both_messages() {
    let all = [
        RowProblem::EmptyFile,
        RowProblem::MissingColumn,
        RowProblem::DuplicateColumn,
        RowProblem::TooManyRows,
        RowProblem::UnclosedQuote,
        RowProblem::FieldCount {
            expected: 5,
            found: 3,
        },
        RowProblem::Missing,
        RowProblem::FiscalCode(FiscalCodeError::Month),
        RowProblem::AmountInvalid,
        RowProblem::AmountNotPositive,
        RowProblem::AmountDecimals,
        RowProblem::AmountTooLarge,
        RowProblem::SchemeTooLong,
        RowProblem::SchemeInvalid,
        RowProblem::DateInvalid,
        RowProblem::DateOrder,
        RowProblem::Duplicate { first_line: 2 },
    ];
    for problem in all {
        let error = RowError {
            line: 3,
            field: "amount",
            problem,
        };
        let (it, en) = (error.message_it(), error.message_en());
        assert!(it.ends_with('.') && en.ends_with('.'), "{it} / {en}");
        assert_ne!(it, en);
    }
}

proptest! {
    /// The parser never panics, whatever the file.
    #[test]
    fn any_text_is_handled(text in "\\PC{0,300}") {
        let report = parse_import(&text);
        prop_assert!(report.rows.len() + report.errors.len() >= 1);
    }
}

#[test]
fn files_are_read_as_utf8_or_windows_1252() {
    use super::import::decode_text;
    assert_eq!(decode_text("Niccolò € 150".as_bytes()), "Niccolò € 150");
    // The same text as Excel in Italian saves it.
    assert_eq!(decode_text(b"Niccol\xf2 \x80 150"), "Niccolò € 150");
    assert_eq!(decode_text(b""), "");
}
