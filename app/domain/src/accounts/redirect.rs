//! Where a browser may be sent after logging in: only a path of this site. Browsers drop tabs
//! and newlines from URLs and read `\` as `/`, so `/\t/evil.example` would become
//! `//evil.example` (another site): anything but printable, non-space characters is refused.

/// Where to go when the requested destination is refused or missing.
pub const DEFAULT_AFTER_LOGIN: &str = "/area-personale";

/// The destination if it is a local path, else the default.
pub fn local_path_or_default(next: Option<&str>) -> String {
    next.filter(|p| is_local_path(p))
        .unwrap_or(DEFAULT_AFTER_LOGIN)
        .to_string()
}

pub fn is_local_path(path: &str) -> bool {
    let bytes = path.as_bytes();
    path.len() <= 500
        && bytes.first() == Some(&b'/')
        && !matches!(bytes.get(1), Some(b'/' | b'\\'))
        && path.chars().all(|c| c.is_ascii_graphic() && c != '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths() {
        assert_eq!(
            local_path_or_default(Some("/servizi?q=tata")),
            "/servizi?q=tata"
        );
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/%09/ok-as-text-but-\u{7f}",
            "https://evil.example",
            "evil.example",
            "/ spazio",
            "",
        ] {
            assert_eq!(
                local_path_or_default(Some(bad)),
                DEFAULT_AFTER_LOGIN,
                "{bad:?}"
            );
        }
        assert_eq!(local_path_or_default(None), DEFAULT_AFTER_LOGIN);
    }
}
