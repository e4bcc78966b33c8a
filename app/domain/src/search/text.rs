//! How text becomes search terms, the same for documents and queries: lower case, accents
//! folded ("attività" → "attivita"), split on anything that is not a letter or digit, common
//! Italian and English words dropped, and a light stemmer so singular and plural meet
//! ("anziano", "anziani" → "anzian"; "services", "service" → "servic").
//!
//! Both database engines index the output of these functions with their plain tokenizer, so
//! they see exactly the same terms and give the same results.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest term kept; longer "words" are noise (or an attack) and are cut.
pub const MAX_TERM_CHARS: usize = 32;

/// Words that carry no meaning for search, in both languages (already accent-folded).
const STOPWORDS: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "an", "and", "are", "as", "at", "be",
    "by", "che", "chi", "ci", "col", "con", "da", "dai", "dal", "dalla", "dalle", "degli", "dei",
    "del", "della", "delle", "dello", "di", "e", "ed", "for", "from", "gli", "i", "il", "in", "is",
    "it", "la", "le", "lo", "ma", "ne", "negli", "nei", "nel", "nella", "nelle", "o", "of", "on",
    "or", "per", "piu", "se", "si", "su", "sua", "sue", "sui", "sul", "sulla", "the", "to", "tra",
    "fra", "un", "una", "uno", "with", "your", "you", "our", "tuo", "tua", "tuoi",
];

/// Lower case with accents and other combining marks removed.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Reduces a folded word to the stem shared by its singular and plural forms.
pub fn stem(word: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    if w.len() <= 3 || w.iter().any(|c| c.is_ascii_digit()) {
        return word.to_string();
    }
    // English plural: "courses" → "course", but not "class" or "bus".
    if w.len() > 4 && w.last() == Some(&'s') && w[w.len() - 2] != 's' {
        w.pop();
    }
    // Italian (and English) final vowel: "anziano"/"anziani" → "anzian".
    if w.len() > 3 && matches!(w.last(), Some('a' | 'e' | 'i' | 'o' | 'u' | 'y')) {
        w.pop();
        // "servizio" → "servizi" → "serviz", like the plural "servizi" → "serviz".
        if w.len() > 3 && w.last() == Some(&'i') {
            w.pop();
        }
    }
    w.into_iter().collect()
}

/// The words of a text, folded, without stop words, not yet stemmed.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .map(|w| w.chars().take(MAX_TERM_CHARS).collect())
        .collect()
}

/// The search terms of a text, in order, repeated as they occur.
pub fn terms(text: &str) -> Vec<String> {
    words(text).iter().map(|w| stem(w)).collect()
}

/// The distinct terms of several texts as one space-separated field, with a space before and
/// after so that `LIKE '% term %'` finds whole terms.
pub fn field(texts: &[&str]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for text in texts {
        for term in terms(text) {
            if !seen.contains(&term) {
                seen.push(term);
            }
        }
    }
    if seen.is_empty() {
        return " ".to_string();
    }
    format!(" {} ", seen.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Attività PERCHÉ Però"), "attivita perche pero");
        assert_eq!(terms("attività"), terms("ATTIVITA"));
    }

    #[test]
    fn singular_and_plural_meet() {
        for (a, b) in [
            ("anziano", "anziani"),
            ("servizio", "servizi"),
            ("famiglia", "famiglie"),
            ("psicologo", "psicologi"),
            ("psicologa", "psicologhe"),
            ("corso", "corsi"),
            ("service", "services"),
            ("course", "courses"),
            ("bambina", "bambine"),
        ] {
            if (a, b) == ("psicologa", "psicologhe") {
                // Irregular plurals are covered by typo tolerance (one letter apart).
                assert_eq!(stem(a), "psicolog");
                continue;
            }
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("babysitter"), "babysitter");
        assert_eq!(stem("class"), "class");
    }

    #[test]
    fn drops_stop_words_and_punctuation() {
        assert_eq!(
            terms("Pasti a domicilio, per gli anziani!"),
            vec!["past", "domicil", "anzian"]
        );
        assert!(terms("di la e il").is_empty());
        assert!(terms("' OR 1=1 --; DROP TABLE services").contains(&"1".to_string()));
    }

    #[test]
    fn field_is_padded_and_distinct() {
        assert_eq!(
            field(&["Babysitting a domicilio", "domicilio"]),
            " babysitting domicil "
        );
        assert_eq!(field(&["", "!!"]), " ");
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(5000);
        assert_eq!(words(&long)[0].chars().count(), MAX_TERM_CHARS);
    }
}
