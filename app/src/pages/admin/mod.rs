//! City administration pages (issue 8): accounts and permissions
//! (`/amministrazione/utenti`), WeMi spaces' schedules (`/amministrazione/spazi`). The forms
//! post to plain handlers (`server/src/http/admin.rs`) and come back with `?fatto=1` or
//! `?errore=code`, so they work without JavaScript.

pub mod spaces;
pub mod users;

use crate::i18n::Locale;

fn area_trail(locale: Locale) -> (String, String) {
    (
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )
}

/// Percent-encodes a query value.
fn query_escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}
