//! Password rules after NIST SP 800-63B-4 §3.1.1.2 ("Password verifiers"): a minimum length
//! (15 characters, the figure for passwords used on their own), a generous maximum, any
//! characters including spaces and accented letters, no composition rules (no "one capital
//! and one digit"), and a refusal of passwords that are known to be common or that are made of
//! an obvious pattern or of the person's own data. Passwords are compared after Unicode
//! normalization (NFKC), so the same passphrase typed on two keyboards is the same password.

use unicode_normalization::UnicodeNormalization;

pub const MIN_CHARS: usize = 15;
pub const MAX_CHARS: usize = 128;

/// Why a password cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// On the list of common passwords, or a common word padded with digits and symbols.
    Common,
    /// One character or a short group repeated, or a run like "abcdef…" / "123456…".
    Pattern,
    /// Contains the person's e-mail name or the portal's name.
    Personal,
}

/// Words that, padded with digits or symbols or repeated, make most "long" weak passwords.
const COMMON_WORDS: &[&str] = &[
    "password",
    "passwd",
    "qwerty",
    "azerty",
    "iloveyou",
    "admin",
    "welcome",
    "letmein",
    "ciao",
    "amore",
    "tiamo",
    "milano",
    "juventus",
    "inter",
    "napoli",
    "milan",
    "roma",
    "dragon",
    "monkey",
    "football",
    "calcio",
    "sunshine",
    "princess",
    "master",
    "wemi",
    "comune",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
];

fn common_list() -> impl Iterator<Item = &'static str> {
    include_str!("common_passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The form a password is hashed and compared in.
pub fn normalize(password: &str) -> String {
    password.nfkc().collect()
}

/// Checks a new password for the person with this e-mail address.
pub fn check(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let normalized = normalize(password);
    let length = normalized.chars().count();
    if length < MIN_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let lower = normalized.to_lowercase();
    if common_list().any(|c| c == lower) {
        return Err(PasswordProblem::Common);
    }
    let letters: String = lower.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || is_repeat_of_common_word(&letters) {
        return Err(PasswordProblem::Common);
    }
    if is_pattern(&lower) {
        return Err(PasswordProblem::Pattern);
    }
    let local = email.split('@').next().unwrap_or("").to_lowercase();
    let local: String = local.chars().filter(|c| c.is_alphanumeric()).collect();
    let compact: String = lower.chars().filter(|c| c.is_alphanumeric()).collect();
    if (local.chars().count() >= 4 && compact.contains(&local)) || letters == "wemi" {
        return Err(PasswordProblem::Personal);
    }
    Ok(())
}

/// "passwordpassword", "milano" + digits (after dropping non-letters), "ciaociaociao".
fn is_repeat_of_common_word(letters: &str) -> bool {
    COMMON_WORDS.iter().any(|word| {
        letters.len().is_multiple_of(word.len())
            && letters
                .as_bytes()
                .chunks(word.len())
                .all(|c| c == word.as_bytes())
    })
}

/// One short group repeated ("abcabcabc…", "aaaa…"), or a run of consecutive characters.
fn is_pattern(password: &str) -> bool {
    let chars: Vec<char> = password.chars().filter(|c| !c.is_whitespace()).collect();
    if chars.is_empty() {
        return true;
    }
    let repeated = (1..=4)
        .any(|unit| chars.len() > unit && chars.chunks(unit).all(|c| c == &chars[..c.len()]));
    let run = |step: i32| {
        chars
            .windows(2)
            .all(|w| (w[1] as i32 - w[0] as i32) == step)
    };
    repeated || run(1) || run(-1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMAIL: &str = "giulia.bianchi@example.it";

    #[test]
    fn passphrases_are_welcome() {
        assert_eq!(check("gatto viola sul tram numero 9", EMAIL), Ok(()));
        assert_eq!(check("Città-di-Milano-sotto-la-neve", EMAIL), Ok(()));
        assert_eq!(check("correct horse battery staple", EMAIL), Ok(()));
    }

    #[test]
    fn length_limits() {
        assert_eq!(check("breve", EMAIL), Err(PasswordProblem::TooShort));
        assert_eq!(
            check("quattordici ch", EMAIL),
            Err(PasswordProblem::TooShort)
        );
        assert_eq!(
            check(&"parola ".repeat(20), EMAIL),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn common_and_patterns_are_refused() {
        assert_eq!(
            check("passwordpassword", EMAIL),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check("Password12345678!", EMAIL),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check("Juventus1897!!!!", EMAIL),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check("123456789012345", EMAIL),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check("aaaaaaaaaaaaaaaa", EMAIL),
            Err(PasswordProblem::Pattern)
        );
        assert_eq!(
            check("xyzxyzxyzxyzxyzxyz", EMAIL),
            Err(PasswordProblem::Pattern)
        );
        assert_eq!(
            check("abcdefghijklmnopq", EMAIL),
            Err(PasswordProblem::Pattern)
        );
        assert_eq!(
            check("ponmlkjihgfedcba", EMAIL),
            Err(PasswordProblem::Pattern)
        );
    }

    #[test]
    fn personal_data_is_refused() {
        assert_eq!(
            check("giuliabianchi 2026 ok", EMAIL),
            Err(PasswordProblem::Personal)
        );
    }

    #[test]
    fn normalization_makes_equivalent_input_equal() {
        // "é" as one code point and as "e" + combining acute accent.
        assert_eq!(normalize("caf\u{e9}"), normalize("cafe\u{301}"));
    }
}
