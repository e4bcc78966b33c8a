//! Server functions of buying: the cart (anonymous or logged in), the checkout steps, orders,
//! payments, vouchers and the demo gateway's page. Form posts answer with redirects (every form
//! works without JavaScript); reads return shared types. Amounts never come from the browser:
//! the forms send what to buy, the server prices it.

// A server function's arguments are its form's fields, one each (forms post without JavaScript).
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::model::{
    CartView, DemoCheckout, OrderDetail, OrderSummary, Paged, VoucherImportView, VoucherView,
};

#[cfg(feature = "ssr")]
use crate::i18n::Locale;
#[cfg(feature = "ssr")]
use crate::model::{PageRequest, SessionUser};
#[cfg(feature = "ssr")]
use crate::ports::{BuyingError, CartOwner, ClientInfo, SharedBuying};

/// The cookie of an anonymous cart (a random token; the server keeps its digest).
pub const CART_COOKIE: &str = "wemi_cart";

#[cfg(feature = "ssr")]
fn buying() -> Result<SharedBuying, ServerFnError> {
    use_context::<SharedBuying>().ok_or_else(|| ServerFnError::new("buying not configured"))
}

#[cfg(feature = "ssr")]
fn client() -> ClientInfo {
    use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientInfo>().cloned())
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn who() -> Result<SessionUser, ServerFnError> {
    crate::session::session_user().ok_or_else(|| ServerFnError::new("login required"))
}

#[cfg(feature = "ssr")]
fn cart_cookie() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == CART_COOKIE)
        .map(|(_, value)| value.to_string())
        .filter(|v| !v.is_empty() && v.len() <= 100)
}

#[cfg(feature = "ssr")]
fn owner() -> CartOwner {
    CartOwner {
        user_id: crate::session::session_user().map(|u| u.user_id),
        browser_token: cart_cookie(),
    }
}

#[cfg(feature = "ssr")]
fn set_cart_cookie(value: &str, max_age_days: i64) {
    let secure = use_context::<SharedBuying>().is_some_and(|b| b.secure_cookies());
    let cookie = format!(
        "{CART_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        max_age_days * 86_400,
        if secure { "; Secure" } else { "" }
    );
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

/// The browser's cart moved into the person's: its cookie is no longer needed.
#[cfg(feature = "ssr")]
fn forget_browser_cart(owner: &CartOwner) {
    if owner.user_id.is_some() && owner.browser_token.is_some() {
        set_cart_cookie("", 0);
    }
}

#[cfg(feature = "ssr")]
fn locale_of(lang: Option<&str>) -> Locale {
    Locale::from_param(lang)
}

#[cfg(feature = "ssr")]
fn back_with_error(path: &str, err: &BuyingError) {
    let separator = if path.contains('?') { '&' } else { '?' };
    leptos_axum::redirect(&format!("{path}{separator}errore={}", err.code()));
}

/// A read's failure, as the page shows it (localized; never internals).
#[cfg(feature = "ssr")]
fn read_error(err: BuyingError, locale: Locale) -> ServerFnError {
    if matches!(err, BuyingError::NotFound)
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    ServerFnError::new(err.message(locale))
}

#[cfg(feature = "ssr")]
fn safe_back(back: Option<&str>, default: &str) -> String {
    match back {
        Some(b) if b.starts_with('/') => domain::accounts::redirect::local_path_or_default(Some(b)),
        _ => default.to_string(),
    }
}

#[server(prefix = "/fn", endpoint = "load_cart")]
pub async fn load_cart(lang: Option<String>) -> Result<CartView, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let owner = owner();
    let view = buying()?
        .cart(&owner, locale)
        .await
        .map_err(|e| read_error(e, locale))?;
    forget_browser_cart(&owner);
    Ok(view)
}

#[server(prefix = "/fn", endpoint = "add_to_cart")]
pub async fn add_to_cart(
    service_id: i64,
    quantity: Option<String>,
    people: Option<String>,
    preferred_date: Option<String>,
    time_slot: Option<String>,
    notes: Option<String>,
    back: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let count = |v: Option<String>| v.and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(0);
    let item = crate::ports::NewCartItem {
        service_id,
        quantity: count(quantity),
        people: count(people),
        preferred_date: preferred_date.filter(|d| !d.trim().is_empty()),
        time_slot: time_slot.unwrap_or_default(),
        notes: notes.unwrap_or_default().trim().to_string(),
    };
    let back = safe_back(back.as_deref(), "/servizi");
    let owner = owner();
    match buying()?.add_to_cart(&owner, &item).await {
        Ok(token) => {
            if let Some(token) = token {
                set_cart_cookie(&token, 30);
            }
            forget_browser_cart(&owner);
            leptos_axum::redirect(&format!("/carrello?lang={}&aggiunto=1", locale.code()));
        }
        Err(err) => {
            let separator = if back.contains('?') { '&' } else { '?' };
            leptos_axum::redirect(&format!(
                "{back}{separator}lang={}&errore={}#acquista",
                locale.code(),
                err.code()
            ));
        }
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "update_cart_line")]
pub async fn update_cart_line(
    line: i64,
    quantity: Option<String>,
    people: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let count = |v: Option<String>| v.and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(0);
    let path = format!("/carrello?lang={}", locale.code());
    match buying()?
        .update_cart_line(&owner(), line, count(quantity), count(people))
        .await
    {
        Ok(()) => leptos_axum::redirect(&path),
        Err(err) => back_with_error(&path, &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "remove_cart_line")]
pub async fn remove_cart_line(line: i64, lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let path = format!("/carrello?lang={}", locale.code());
    match buying()?.remove_cart_line(&owner(), line).await {
        Ok(()) => leptos_axum::redirect(&path),
        Err(err) => back_with_error(&path, &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "save_checkout_draft")]
pub async fn save_checkout_draft(
    billing_name: String,
    billing_fiscal_code: Option<String>,
    billing_address: Option<String>,
    billing_email: String,
    billing_phone: Option<String>,
    payment_method: Option<String>,
    use_vouchers: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let draft = crate::model::CheckoutDraft {
        billing_name,
        billing_fiscal_code: billing_fiscal_code.unwrap_or_default(),
        billing_address: billing_address.unwrap_or_default(),
        billing_email,
        billing_phone: billing_phone.unwrap_or_default(),
        payment_method: payment_method.unwrap_or_default(),
        use_vouchers: use_vouchers.is_some(),
    };
    match buying()?.save_draft(&who()?, &draft).await {
        Ok(()) => leptos_axum::redirect(&format!("/carrello/riepilogo?lang={}", locale.code())),
        Err(err) => back_with_error(&format!("/carrello/dati?lang={}", locale.code()), &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "place_orders")]
pub async fn place_orders(checkout_key: String, lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    match buying()?
        .place_orders(&who()?, &checkout_key, locale, &client())
        .await
    {
        Ok(refs) => {
            let first = refs.first().cloned().unwrap_or_default();
            let target = if refs.len() == 1 {
                format!(
                    "/area-personale/ordini/{first}?lang={}&creato=1",
                    locale.code()
                )
            } else {
                format!(
                    "/area-personale/ordini?lang={}&creati={}",
                    locale.code(),
                    refs.len()
                )
            };
            leptos_axum::redirect(&target);
        }
        Err(err) => back_with_error(&format!("/carrello/riepilogo?lang={}", locale.code()), &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "my_orders")]
pub async fn my_orders(
    page: u32,
    lang: Option<String>,
) -> Result<Paged<OrderSummary>, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    buying()?
        .my_orders(
            &who()?,
            PageRequest {
                page: page.max(1),
                per_page: 20,
            },
        )
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "provider_orders")]
pub async fn provider_orders(
    page: u32,
    lang: Option<String>,
) -> Result<Paged<OrderSummary>, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    buying()?
        .provider_orders(
            &who()?,
            PageRequest {
                page: page.max(1),
                per_page: 20,
            },
        )
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "load_order")]
pub async fn load_order(
    reference: String,
    refresh: Option<bool>,
    lang: Option<String>,
) -> Result<OrderDetail, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    if refresh == Some(true) {
        // Back from the gateway's page: ask it now rather than wait for its webhook. A failure
        // here only means the page shows the state as it was.
        let _ = buying()?.refresh_payment(&who()?, &reference).await;
    }
    buying()?
        .order(&who()?, &reference)
        .await
        .map_err(|e| read_error(e, locale))
}

/// Where an order's page is for this person (citizen's area or provider's).
#[cfg(feature = "ssr")]
fn order_path(back: Option<&str>, reference: &str, locale: Locale) -> String {
    let provider = back.is_some_and(|b| b.starts_with("/ente/"));
    let base = if provider {
        "/ente/ordini"
    } else {
        "/area-personale/ordini"
    };
    format!("{base}/{reference}?lang={}", locale.code())
}

#[server(prefix = "/fn", endpoint = "pay_order")]
pub async fn pay_order(reference: String, lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    match buying()?.pay(&who()?, &reference, &client()).await {
        Ok(url) => leptos_axum::redirect(&url),
        Err(err) => back_with_error(&order_path(None, &reference, locale), &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "order_action")]
pub async fn order_action(
    reference: String,
    action: String,
    reason: Option<String>,
    amount: Option<String>,
    when: Option<String>,
    back: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let form = crate::ports::OrderActionForm {
        action,
        reason: reason.unwrap_or_default(),
        amount: amount.unwrap_or_default(),
        when: when.unwrap_or_default(),
    };
    let path = order_path(back.as_deref(), &reference, locale);
    match buying()?
        .order_action(&who()?, &reference, &form, &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("{path}&fatto=1")),
        Err(err) => back_with_error(&path, &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "my_vouchers")]
pub async fn my_vouchers(lang: Option<String>) -> Result<Vec<VoucherView>, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    buying()?
        .vouchers(&who()?)
        .await
        .map_err(|e| read_error(e, locale))
}

/// "Mettimi in lista d'attesa" on a shared service with too few seats.
#[server(prefix = "/fn", endpoint = "join_waitlist")]
pub async fn join_waitlist(
    service_id: i64,
    people: Option<String>,
    back: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let seats = people
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or(0);
    let back = safe_back(back.as_deref(), "/servizi");
    let separator = if back.contains('?') { '&' } else { '?' };
    match buying()?.join_waitlist(&who()?, service_id, seats).await {
        Ok(()) => leptos_axum::redirect(&format!(
            "{back}{separator}lang={}&in_attesa=1#lista-attesa",
            locale.code()
        )),
        Err(err) => leptos_axum::redirect(&format!(
            "{back}{separator}lang={}&errore={}#lista-attesa",
            locale.code(),
            err.code()
        )),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "leave_waitlist")]
pub async fn leave_waitlist(service_id: i64, lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let path = format!("/area-personale/ordini?lang={}", locale.code());
    match buying()?.leave_waitlist(&who()?, service_id).await {
        Ok(()) => leptos_axum::redirect(&format!("{path}&uscito=1#liste-attesa")),
        Err(err) => back_with_error(&path, &err),
    }
    Ok(())
}

#[server(prefix = "/fn", endpoint = "my_waitlist")]
pub async fn my_waitlist(
    lang: Option<String>,
) -> Result<Vec<crate::model::WaitlistEntry>, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    buying()?
        .my_waitlist(&who()?)
        .await
        .map_err(|e| read_error(e, locale))
}

/// The provider's accounts at the real gateways (`/ente/pagamenti`).
#[server(prefix = "/fn", endpoint = "payment_accounts")]
pub async fn payment_accounts(
    lang: Option<String>,
) -> Result<crate::model::PaymentAccountsView, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    buying()?
        .payment_accounts(&who()?)
        .await
        .map_err(|e| read_error(e, locale))
}

/// Sets (or, empty, removes) one of the provider's gateway accounts.
#[server(prefix = "/fn", endpoint = "set_payment_account")]
pub async fn set_payment_account(
    gateway: String,
    account_ref: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let path = format!("/ente/pagamenti?lang={}", locale.code());
    let reference = account_ref.unwrap_or_default();
    match buying()?
        .set_payment_account(&who()?, &gateway, &reference, &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("{path}&fatto=1")),
        Err(err) => back_with_error(&path, &err),
    }
    Ok(())
}

/// The person's notification centre, one page (20 a page).
#[server(prefix = "/fn", endpoint = "my_notifications")]
pub async fn my_notifications(
    page: u32,
    lang: Option<String>,
) -> Result<crate::model::NotificationsPage, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let page = crate::model::PageRequest {
        page: page.max(1),
        per_page: 20,
    };
    buying()?
        .notifications(&who()?, page)
        .await
        .map_err(|e| read_error(e, locale))
}

/// "Segna tutte come lette": back to the centre.
#[server(prefix = "/fn", endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read(lang: Option<String>) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let path = format!("/area-personale/notifiche?lang={}", locale.code());
    match buying()?.mark_notifications_read(&who()?).await {
        Ok(()) => leptos_axum::redirect(&format!("{path}&lette=1")),
        Err(err) => back_with_error(&path, &err),
    }
    Ok(())
}

/// The vouchers of one fiscal code (back office, permission `vouchers`).
#[server(prefix = "/fn", endpoint = "find_vouchers")]
pub async fn find_vouchers(
    fiscal_code: String,
    lang: Option<String>,
) -> Result<Vec<crate::model::AdminVoucherView>, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    buying()?
        .find_vouchers(&who()?, &fiscal_code)
        .await
        .map_err(|e| read_error(e, locale))
}

/// One voucher assigned by hand (back office).
#[server(prefix = "/fn", endpoint = "assign_voucher")]
pub async fn assign_voucher(
    fiscal_code: String,
    amount: String,
    scheme: String,
    valid_from: String,
    valid_until: String,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let path = format!("/amministrazione/voucher?lang={}", locale.code());
    let fields = [
        fiscal_code.as_str(),
        amount.as_str(),
        scheme.as_str(),
        valid_from.as_str(),
        valid_until.as_str(),
    ];
    match buying()?.assign_voucher(&who()?, fields, &client()).await {
        Ok(_) => {
            let cf: String =
                form_urlencoded::byte_serialize(fiscal_code.trim().as_bytes()).collect();
            leptos_axum::redirect(&format!("{path}&assegnato=1&cf={cf}#ricerca"))
        }
        Err(err) => leptos_axum::redirect(&format!("{path}&errore={}#assegna", err.code())),
    }
    Ok(())
}

/// Revokes a voucher (back office); back to the fiscal code's list.
#[server(prefix = "/fn", endpoint = "revoke_voucher")]
pub async fn revoke_voucher(
    voucher_id: i64,
    reason: Option<String>,
    cf: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let cf: String =
        form_urlencoded::byte_serialize(cf.unwrap_or_default().trim().as_bytes()).collect();
    let path = format!("/amministrazione/voucher?lang={}&cf={cf}", locale.code());
    match buying()?
        .revoke_voucher(&who()?, voucher_id, &reason.unwrap_or_default(), &client())
        .await
    {
        Ok(()) => leptos_axum::redirect(&format!("{path}&revocato=1#ricerca")),
        Err(err) => leptos_axum::redirect(&format!("{path}&errore={}#ricerca", err.code())),
    }
    Ok(())
}

/// A checked voucher file waiting for confirmation.
#[server(prefix = "/fn", endpoint = "voucher_preview")]
pub async fn voucher_preview(
    preview_id: i64,
    lang: Option<String>,
) -> Result<crate::model::VoucherPreview, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    buying()?
        .voucher_preview(&who()?, preview_id)
        .await
        .map_err(|e| read_error(e, locale))
}

/// "Conferma l'importazione" (or "Annulla", with `discard`) on a previewed file.
#[server(prefix = "/fn", endpoint = "confirm_voucher_import")]
pub async fn confirm_voucher_import(
    preview_id: i64,
    discard: Option<String>,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let path = format!("/amministrazione/voucher?lang={}", locale.code());
    let who = who()?;
    let service = buying()?;
    if discard.is_some() {
        match service.discard_voucher_import(&who, preview_id).await {
            Ok(()) => leptos_axum::redirect(&format!("{path}&annullata=1")),
            Err(err) => back_with_error(&path, &err),
        }
        return Ok(());
    }
    match service
        .confirm_voucher_import(&who, preview_id, &client())
        .await
    {
        Ok(id) => leptos_axum::redirect(&format!("{path}&importazione={id}")),
        Err(err) => back_with_error(&path, &err),
    }
    Ok(())
}

/// The city's latest voucher files (back office, permission `vouchers`).
#[server(prefix = "/fn", endpoint = "voucher_imports")]
pub async fn voucher_imports(
    lang: Option<String>,
) -> Result<Vec<VoucherImportView>, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    buying()?
        .voucher_imports(&who()?)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "load_demo_checkout")]
pub async fn load_demo_checkout(
    gateway_ref: String,
    lang: Option<String>,
) -> Result<DemoCheckout, ServerFnError> {
    let locale = locale_of(lang.as_deref());
    buying()?
        .demo_checkout(&gateway_ref)
        .await
        .map_err(|e| read_error(e, locale))
}

#[server(prefix = "/fn", endpoint = "demo_outcome")]
pub async fn demo_outcome(
    gateway_ref: String,
    outcome: String,
    lang: Option<String>,
) -> Result<(), ServerFnError> {
    let locale = locale_of(lang.as_deref());
    let outcome = match outcome.as_str() {
        "pay" => crate::ports::DemoOutcome::Pay,
        "decline" => crate::ports::DemoOutcome::Decline,
        _ => crate::ports::DemoOutcome::Cancel,
    };
    match buying()?.demo_outcome(&gateway_ref, outcome).await {
        Ok(url) => leptos_axum::redirect(&url),
        Err(err) => back_with_error(
            &format!("/pagamento/demo/{gateway_ref}?lang={}", locale.code()),
            &err,
        ),
    }
    Ok(())
}
