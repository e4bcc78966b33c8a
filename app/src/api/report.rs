use leptos::prelude::*;

/// The kinds of problem a report can be about (the values of the form's radio buttons).
pub const REPORT_CATEGORIES: [&str; 5] =
    ["portal", "service", "information", "accessibility", "other"];

/// Checks a problem report; `Err` names the first field that is wrong.
pub fn validate_report(category: &str, description: &str, email: &str) -> Result<(), &'static str> {
    if !REPORT_CATEGORIES.contains(&category) {
        return Err("category");
    }
    let length = description.trim().chars().count();
    if !(10..=2000).contains(&length) {
        return Err("description");
    }
    let email = email.trim();
    let plausible = email.len() <= 254
        && email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
        })
        && !email.chars().any(char::is_whitespace);
    if !email.is_empty() && !plausible {
        return Err("email");
    }
    Ok(())
}

/// Stores a problem report for the city's offices. A plain form post is sent back to the
/// page, with the thanks or with the field to correct.
#[server(prefix = "/fn", endpoint = "problem_report")]
pub async fn submit_problem_report(
    category: Option<String>,
    description: String,
    email: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = crate::i18n::Locale::from_param(lang.as_deref());
    let category = category.unwrap_or_default();
    let email = email.unwrap_or_default();
    let back = format!("/segnala-disservizio?lang={}", locale.code());
    if let Err(field) = validate_report(&category, &description, &email) {
        let texts = crate::i18n::info::info(locale);
        let message = match field {
            "category" => texts.report_invalid_category,
            "email" => texts.report_invalid_email,
            _ => texts.report_invalid_description,
        };
        if super::is_plain_form_post() {
            leptos_axum::redirect(&format!("{back}&errore={field}#report-form-title"));
            return Ok(());
        }
        return Err(super::bad_input(message));
    }
    let email = Some(email.trim()).filter(|e| !e.is_empty());
    super::store()?
        .record_problem_report(&category, description.trim(), email)
        .await
        .map_err(super::internal)?;
    leptos_axum::redirect(&format!("{back}&inviata=1"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::validate_report;

    #[test]
    fn reports_are_checked() {
        assert_eq!(
            validate_report("portal", "La pagina non si apre", ""),
            Ok(())
        );
        assert_eq!(
            validate_report("portal", "La pagina non si apre", "a@b.it"),
            Ok(())
        );
        assert_eq!(
            validate_report("x", "La pagina non si apre", ""),
            Err("category")
        );
        assert_eq!(validate_report("portal", "corto", ""), Err("description"));
        assert_eq!(
            validate_report("portal", &"a".repeat(2001), ""),
            Err("description")
        );
        assert_eq!(
            validate_report("portal", "La pagina non si apre", "nobody"),
            Err("email")
        );
        assert_eq!(
            validate_report("portal", "La pagina non si apre", "a@b"),
            Err("email")
        );
    }
}
