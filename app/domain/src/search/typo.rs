//! Typo tolerance without a per-engine feature: every indexed term is stored with its
//! one-letter deletions (the "symmetric delete" method). A query term's own deletions then
//! find, with one indexed lookup on either engine, every term at most one edit away, which
//! [`within_one_edit`] confirms. "babysiter" finds "babysitter", "psicologco" finds "psicologo".

/// Shortest query word (before stemming) that gets typo tolerance: shorter words have too
/// many neighbours ("casa" / "cassa" / "causa").
pub const MIN_TYPO_CHARS: usize = 5;

/// The term itself and every string made by deleting one of its characters.
pub fn variants(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    let mut out = vec![term.to_string()];
    for skip in 0..chars.len() {
        let v: String = chars
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| *c)
            .collect();
        if !v.is_empty() && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// True when `a` becomes `b` with at most one insertion, deletion, substitution or swap of two
/// neighbouring letters.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if prefix == short.len() {
        return true; // equal, or one letter added at the end
    }
    if short.len() == long.len() {
        let i = prefix;
        // substitution
        if short[i + 1..] == long[i + 1..] {
            return true;
        }
        // transposition of neighbours
        i + 1 < short.len()
            && short[i] == long[i + 1]
            && short[i + 1] == long[i]
            && short[i + 2..] == long[i + 2..]
    } else {
        // one letter inserted at `prefix`
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_the_term_and_its_deletions() {
        assert_eq!(variants("abc"), vec!["abc", "bc", "ac", "ab"]);
        assert_eq!(variants("aab"), vec!["aab", "ab", "aa"]);
    }

    #[test]
    fn one_edit() {
        assert!(within_one_edit("babysiter", "babysitter"));
        assert!(within_one_edit("psicologc", "psicolog"));
        assert!(within_one_edit("anzain", "anzian"));
        assert!(within_one_edit("casa", "cosa"));
        assert!(within_one_edit("same", "same"));
        assert!(!within_one_edit("xab", "abx"));
        assert!(!within_one_edit("abcd", "ab"));
        assert!(!within_one_edit("anziano", "umano"));
    }

    #[test]
    fn shared_deletion_means_at_most_two_edits() {
        // The index may propose such pairs; within_one_edit filters them.
        let a = variants("xab");
        let b = variants("abx");
        assert!(a.iter().any(|v| b.contains(v)));
        assert!(!within_one_edit("xab", "abx"));
    }
}
