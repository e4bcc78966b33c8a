//! The Italian codice fiscale of a person: shape and check character.
//!
//! Voucher files and the identity broker name people by fiscal code, so a mistyped code would
//! credit nobody (or somebody else). This checks what can be checked without the registry:
//! 16 characters — surname (3 letters), name (3), year (2 digits), month (a letter of
//! `ABCDEHLMPRST`), day (2 digits, +40 for women), place (a letter and 3 digits), check
//! letter — where any digit may be replaced by a letter of `LMNPQRSTUV` ("omocodia", when
//! two people would otherwise share a code), and the check letter computed by the standard
//! algorithm (DM 23/12/1976): values of odd and even positions summed, modulo 26.
//! The 11-digit numeric codes are for companies and bodies, not for citizens, and are refused.

/// Why a text is not a person's fiscal code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FiscalCodeError {
    /// Not 16 characters (after trimming).
    #[error("fiscal code has {length} characters, not 16")]
    Length { length: usize },
    /// A character that cannot stand at this (1-based) position.
    #[error("unexpected character at position {position}")]
    Character { position: usize },
    /// The month letter is not one of `ABCDEHLMPRST`.
    #[error("invalid month letter")]
    Month,
    /// The day of birth does not exist in that month.
    #[error("invalid day of birth")]
    Day,
    /// The last letter does not match the other fifteen.
    #[error("check character should be {expected}")]
    CheckCharacter { expected: char },
}

impl FiscalCodeError {
    pub fn message_it(&self) -> String {
        match self {
            FiscalCodeError::Length { length } => format!(
                "Il codice fiscale deve avere 16 caratteri, ne ha {length}."
            ),
            FiscalCodeError::Character { position } => format!(
                "Il codice fiscale contiene un carattere non valido in posizione {position}."
            ),
            FiscalCodeError::Month => {
                "Il codice fiscale contiene una lettera del mese di nascita non valida (nona posizione).".into()
            }
            FiscalCodeError::Day => {
                "Il codice fiscale contiene un giorno di nascita non valido (decima e undicesima posizione).".into()
            }
            FiscalCodeError::CheckCharacter { .. } => {
                "Il codice fiscale non è corretto: il carattere di controllo (l'ultimo) non corrisponde. Verifica di averlo trascritto esattamente.".into()
            }
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            FiscalCodeError::Length { length } => format!(
                "The fiscal code must have 16 characters; this one has {length}."
            ),
            FiscalCodeError::Character { position } => format!(
                "The fiscal code has an invalid character at position {position}."
            ),
            FiscalCodeError::Month => {
                "The fiscal code has an invalid birth-month letter (ninth position).".into()
            }
            FiscalCodeError::Day => {
                "The fiscal code has an invalid day of birth (tenth and eleventh positions).".into()
            }
            FiscalCodeError::CheckCharacter { .. } => {
                "The fiscal code is not correct: the check character (the last one) does not match. Please check it was copied exactly.".into()
            }
        }
    }
}

/// Positions (0-based) that hold digits, or their omocodia letters.
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
const MONTH_LETTERS: &[u8; 12] = b"ABCDEHLMPRST";
const OMOCODIA_LETTERS: &[u8; 10] = b"LMNPQRSTUV";

/// The code in canonical form (trimmed, upper case), if it is a well-formed fiscal code of a
/// person with the right check character.
pub fn normalize_fiscal_code(text: &str) -> Result<String, FiscalCodeError> {
    let code = text.trim().to_ascii_uppercase();
    let length = code.chars().count();
    if length != 16 {
        return Err(FiscalCodeError::Length { length });
    }
    let bytes = code.as_bytes();
    for (index, &c) in bytes.iter().enumerate() {
        let ok = if DIGIT_POSITIONS.contains(&index) {
            digit_value(c).is_some()
        } else {
            c.is_ascii_uppercase()
        };
        if !ok {
            return Err(FiscalCodeError::Character {
                position: index + 1,
            });
        }
    }
    let month = MONTH_LETTERS
        .iter()
        .position(|&m| m == bytes[8])
        .ok_or(FiscalCodeError::Month)?;
    let digit = |i: usize| digit_value(bytes[i]).unwrap_or(0);
    let day = digit(9) * 10 + digit(10);
    let day = if day > 40 { day - 40 } else { day };
    // February may have 29 days: the year's century is not in the code.
    const MONTH_DAYS: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if day == 0 || day > MONTH_DAYS[month] {
        return Err(FiscalCodeError::Day);
    }
    let expected = check_character(&bytes[..15]);
    if bytes[15] != expected {
        return Err(FiscalCodeError::CheckCharacter {
            expected: char::from(expected),
        });
    }
    Ok(code)
}

/// The value of a digit position: a digit, or the letter standing for it (omocodia).
fn digit_value(c: u8) -> Option<u8> {
    if c.is_ascii_digit() {
        Some(c - b'0')
    } else {
        OMOCODIA_LETTERS
            .iter()
            .position(|&l| l == c)
            .and_then(|p| u8::try_from(p).ok())
    }
}

/// The check letter of the first fifteen characters (upper-case letters and digits).
///
/// Characters in odd positions (1st, 3rd, …) are worth the value of the table below (a digit
/// as the letter of the same rank: 0 as A, 1 as B, …); in even positions, their rank (A and 0
/// are 0, B and 1 are 1, …). The sum modulo 26 is the letter (0 = A).
pub fn check_character(first15: &[u8]) -> u8 {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let rank = |c: u8| -> usize {
        if c.is_ascii_digit() {
            usize::from(c - b'0')
        } else {
            usize::from(c.saturating_sub(b'A')).min(25)
        }
    };
    let sum: u32 = first15
        .iter()
        .enumerate()
        .map(|(index, &c)| {
            if index % 2 == 0 {
                ODD[rank(c)]
            } else {
                rank(c) as u32
            }
        })
        .sum();
    b'A' + (sum % 26) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_codes_are_accepted() {
        for code in [
            "RSSMRA80A01H501U",
            "BNCLRA85T52F205E",
            "MRTMTT91D08F205J",
            // Omocodia: digits of the place replaced by letters.
            "RSSMRA80A01H5LMX",
        ] {
            assert_eq!(normalize_fiscal_code(code).as_deref(), Ok(code));
        }
        assert_eq!(
            normalize_fiscal_code("  rssmra80a01h501u ").as_deref(),
            Ok("RSSMRA80A01H501U")
        );
    }

    #[test]
    fn each_problem_is_named() {
        assert_eq!(
            normalize_fiscal_code("RSSMRA80A01H501"),
            Err(FiscalCodeError::Length { length: 15 })
        );
        assert_eq!(
            normalize_fiscal_code("12345678901"),
            Err(FiscalCodeError::Length { length: 11 })
        );
        assert_eq!(
            normalize_fiscal_code("RSSMRÀ80A01H501U"),
            Err(FiscalCodeError::Character { position: 6 })
        );
        assert_eq!(
            normalize_fiscal_code("RSSMRA8AA01H501U"),
            Err(FiscalCodeError::Character { position: 8 })
        );
        assert_eq!(
            normalize_fiscal_code("RSS4RA80A01H501U"),
            Err(FiscalCodeError::Character { position: 4 })
        );
        assert_eq!(
            normalize_fiscal_code("RSSMRA80F01H501U"),
            Err(FiscalCodeError::Month)
        );
        assert_eq!(
            normalize_fiscal_code("RSSMRA80B30H501U"),
            Err(FiscalCodeError::Day)
        );
        assert_eq!(
            normalize_fiscal_code("RSSMRA80A00H501U"),
            Err(FiscalCodeError::Day)
        );
        assert_eq!(
            normalize_fiscal_code("RSSMRA80A72H501U"),
            Err(FiscalCodeError::Day)
        );
        assert_eq!(
            normalize_fiscal_code("RSSMRA80A01H501A"),
            Err(FiscalCodeError::CheckCharacter { expected: 'U' })
        );
        let message = FiscalCodeError::Length { length: 15 }.message_it();
        assert!(message.contains("16 caratteri"));
    }

    proptest! {
        /// Any well-shaped code with its computed check letter is accepted; changing one
        /// letter of the first fifteen to another letter is always caught.
        #[test]
        fn check_letter_catches_single_substitutions(
            surname in "[A-Z]{6}",
            digits in proptest::collection::vec(0u8..10, 7),
            month in 0usize..12,
            place in "[A-Z]",
            position in 0usize..6,
            replacement in "[A-Z]",
        ) {
            let d: Vec<char> = digits.iter().map(|d| char::from(b'0' + d)).collect();
            let day = format!("{:02}", 1 + (u32::from(digits[2]) * 10 + u32::from(digits[3])) % 28);
            let month = char::from(MONTH_LETTERS[month]);
            let first15 = format!("{surname}{}{}{month}{day}{place}{}{}{}", d[0], d[1], d[4], d[5], d[6]);
            let check = char::from(check_character(first15.as_bytes()));
            let code = format!("{first15}{check}");
            prop_assert_eq!(normalize_fiscal_code(&code), Ok(code.clone()));
            let mut altered = code.clone().into_bytes();
            let new = replacement.as_bytes()[0];
            prop_assume!(altered[position] != new);
            altered[position] = new;
            let altered = String::from_utf8(altered).expect("ascii");
            prop_assert!(
                matches!(normalize_fiscal_code(&altered), Err(FiscalCodeError::CheckCharacter { .. })),
                "{} accepted", altered
            );
        }
    }
}
