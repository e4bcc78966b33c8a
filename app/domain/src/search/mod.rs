//! Catalogue search rules shared by both database engines: how text becomes terms, typo
//! tolerance, and the parameters a search accepts.

pub mod params;
pub mod results;
pub mod text;
pub mod typo;

pub use params::{ParamError, SearchParams};

/// The terms one query word may match: the word's own stem, plus, when that stem is not an
/// indexed term itself and the word is long enough, the indexed terms one edit away
/// ("babysiter" → "babysitter", but "pasti" stays "pasti" and does not drift to "posta").
/// `candidates` are the terms the typo index proposed (the stem itself among them when it is
/// indexed).
pub fn expand(stem: &str, word_chars: usize, candidates: &[String]) -> Vec<String> {
    let mut out = vec![stem.to_string()];
    let known = candidates.iter().any(|c| c == stem);
    if word_chars >= typo::MIN_TYPO_CHARS && !known {
        for c in candidates {
            if !out.contains(c) && typo::within_one_edit(stem, c) {
                out.push(c.clone());
            }
        }
    }
    out
}

/// A query split into words: each is (stem, length of the word before stemming). At most
/// `MAX_QUERY_WORDS` words are kept, duplicates dropped.
pub fn query_words(q: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for w in text::words(q) {
        let stem = text::stem(&w);
        if !out.iter().any(|(s, _)| *s == stem) {
            out.push((stem, w.chars().count()));
        }
        if out.len() == MAX_QUERY_WORDS {
            break;
        }
    }
    out
}

pub const MAX_QUERY_WORDS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expansion_keeps_only_one_edit_neighbours() {
        let cands = vec!["babysitter".to_string(), "babysitting".to_string()];
        assert_eq!(
            expand("babysiter", 9, &cands),
            vec!["babysiter", "babysitter"]
        );
        // Short words are not expanded.
        assert_eq!(expand("cas", 4, &["cos".to_string()]), vec!["cas"]);
        // Known words are not expanded either.
        let cands = vec!["past".to_string(), "post".to_string()];
        assert_eq!(expand("past", 5, &cands), vec!["past"]);
    }

    #[test]
    fn query_words_are_stemmed_distinct_and_capped() {
        let words = query_words("Anziani anziano ANZIANI a domicilio");
        assert_eq!(
            words,
            vec![("anzian".to_string(), 7), ("domicil".to_string(), 9)]
        );
        assert_eq!(query_words(&"parola ".repeat(3)).len(), 1);
        let many: String = (0..20).map(|i| format!("w{i}x ")).collect();
        assert_eq!(query_words(&many).len(), MAX_QUERY_WORDS);
    }
}
