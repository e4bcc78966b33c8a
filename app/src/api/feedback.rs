use leptos::prelude::*;

/// Records a page-feedback answer, then (for a plain HTML post) sends the visitor back to the
/// page with a thank-you. Rejects a rating outside 1–5 and over-long text.
#[server(prefix = "/fn", endpoint = "page_feedback")]
pub async fn submit_page_feedback(
    page: String,
    rating: u8,
    answer: Option<String>,
    comment: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = crate::i18n::Locale::from_param(lang.as_deref());
    if !(1..=5).contains(&rating) {
        return Err(super::bad_input(locale.t().feedback_invalid));
    }
    // Only paths of this site, never a full URL: the redirect below must stay on the portal.
    let page = if page.starts_with('/') && !page.starts_with("//") && page.len() <= 300 {
        page
    } else {
        "/".to_string()
    };
    let clean = |s: Option<String>| {
        s.map(|s| s.trim().chars().take(200).collect::<String>())
            .filter(|s| !s.is_empty())
    };
    let (answer, comment) = (clean(answer), clean(comment));
    super::store()?
        .record_page_feedback(&page, rating, answer.as_deref(), comment.as_deref())
        .await
        .map_err(super::internal)?;
    leptos_axum::redirect(&format!(
        "{page}?feedback=ok&lang={}#feedback",
        locale.code()
    ));
    Ok(())
}
