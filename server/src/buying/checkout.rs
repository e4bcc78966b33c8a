//! Checkout: the draft (billing data and payment choice, validated and kept with the cart) and
//! the confirmation that turns the cart into one order per provider.

use app::i18n::Locale;
use app::model::{CheckoutDraft, SessionUser};
use app::ports::{BuyingError, CartOwner, ClientInfo};
use domain::money::Money;
use domain::orders::timing::DEFAULT_PAYMENT_WINDOW_SECS;
use domain::vouchers::ledger::{Voucher, allocate_debit, split_payment};
use time::Duration;

use super::cart::{checkout_key, priced, resolve};
use super::{BuyingService, internal, mails, now, today_in_rome};
use crate::store::orders::{self as store, PlaceError, Placement, PlannedLine, PlannedOrder};
use crate::store::{audit, cart as cart_store};

pub const PAYMENT_METHODS: [&str; 3] = ["card", "paypal", "agreed"];
/// Orders paid by a method agreed with the provider wait this long for its confirmation.
const AGREED_PAYMENT_DAYS: i64 = 7;

/// The draft, cleaned, or the first field that is wrong.
pub fn validate_draft(d: &CheckoutDraft) -> Result<CheckoutDraft, BuyingError> {
    let name = d.billing_name.trim();
    if name.chars().count() < 2 || name.chars().count() > 120 {
        return Err(BuyingError::InvalidField("billing_name"));
    }
    let email = domain::accounts::email::normalize(&d.billing_email)
        .ok_or(BuyingError::InvalidField("billing_email"))?;
    let fiscal_code = if d.billing_fiscal_code.trim().is_empty() {
        String::new()
    } else {
        domain::fiscal_code::normalize_fiscal_code(&d.billing_fiscal_code)
            .map_err(|_| BuyingError::InvalidField("billing_fiscal_code"))?
    };
    let phone = d.billing_phone.trim();
    let phone_ok = phone.len() <= 20
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '/'));
    if !phone_ok {
        return Err(BuyingError::InvalidField("billing_phone"));
    }
    let address = d.billing_address.trim();
    if address.chars().count() > 200 {
        return Err(BuyingError::InvalidField("billing_address"));
    }
    if !PAYMENT_METHODS.contains(&d.payment_method.as_str()) {
        return Err(BuyingError::InvalidField("payment_method"));
    }
    Ok(CheckoutDraft {
        billing_name: name.to_string(),
        billing_fiscal_code: fiscal_code,
        billing_address: address.to_string(),
        billing_email: email,
        billing_phone: phone.to_string(),
        payment_method: d.payment_method.clone(),
        use_vouchers: d.use_vouchers,
    })
}

pub(super) async fn save_draft(
    s: &BuyingService,
    who: &SessionUser,
    draft: &CheckoutDraft,
) -> Result<(), BuyingError> {
    let clean = validate_draft(draft)?;
    let owner = CartOwner {
        user_id: Some(who.user_id),
        browser_token: None,
    };
    let cart = resolve(s, &owner).await?.ok_or(BuyingError::EmptyCart)?;
    cart_store::save_draft(&s.db, cart, &clean, now())
        .await
        .map_err(internal)
}

/// "WM-20261126-7K3QX9": the date and six characters without look-alikes (no 0/O, 1/I).
fn new_reference() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    let code: String = (0..6)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    let (y, m, d, ..) = domain::rome_time::rome_from_unix(now().unix_timestamp());
    format!("WM-{y:04}{m:02}{d:02}-{code}")
}

pub(super) async fn place(
    s: &BuyingService,
    who: &SessionUser,
    key: &str,
    locale: Locale,
    client: &ClientInfo,
) -> Result<Vec<String>, BuyingError> {
    // A resubmitted confirmation finds what the first one created.
    let existing = store::by_checkout_key(&s.db, who.user_id, key)
        .await
        .map_err(internal)?;
    if !existing.is_empty() {
        return Ok(existing);
    }
    let owner = CartOwner {
        user_id: Some(who.user_id),
        browser_token: None,
    };
    let cart_id = resolve(s, &owner).await?.ok_or(BuyingError::EmptyCart)?;
    let lines = priced(s, cart_id).await?;
    if lines.is_empty() {
        return Err(BuyingError::EmptyCart);
    }
    // The summary the person confirmed must be the cart's content now.
    if checkout_key(cart_id, &lines) != key || lines.iter().any(|(_, p)| p.is_err()) {
        return Err(BuyingError::CartHasProblems);
    }
    let draft = validate_draft(&cart_store::draft(&s.db, cart_id).await.map_err(internal)?)?;

    let mut vouchers = if draft.use_vouchers {
        usable_vouchers(s, who.user_id).await?
    } else {
        Vec::new()
    };
    let today = domain::date::Date::parse(&today_in_rome()).ok_or(BuyingError::Internal)?;
    let created = now();
    let mut providers: Vec<i64> = Vec::new();
    for (line, _) in &lines {
        if !providers.contains(&line.provider_id) {
            providers.push(line.provider_id);
        }
    }
    let mut orders = Vec::new();
    for provider in providers {
        let group: Vec<_> = lines
            .iter()
            .filter(|(l, _)| l.provider_id == provider)
            .collect();
        let mut planned = Vec::new();
        let mut total = 0;
        let mut eligible = 0;
        for (line, price) in &group {
            let (unit, line_total) = price.clone()?;
            total += line_total;
            if line.accepts_vouchers {
                eligible += line_total;
            }
            let shared = (line.mode == "shared").then(|| (line.people, line.capacity.unwrap_or(0)));
            planned.push(PlannedLine {
                service_id: line.service_id,
                service_name: line.name_it.clone(),
                unit: line.unit.clone(),
                quantity: line.quantity,
                people: line.people,
                preferred_date: line.preferred_date.clone(),
                time_slot: line.time_slot.clone(),
                notes: line.notes.clone(),
                unit_price_cents: unit,
                total_cents: line_total,
                voucher_eligible: line.accepts_vouchers,
                shared,
            });
        }
        let balance: Money = vouchers
            .iter()
            .filter(|v| v.is_valid_on(today))
            .map(|v| v.balance)
            .sum();
        let split = split_payment(Money::from_cents(eligible), balance, true);
        let debits = if split.voucher.is_zero() {
            Vec::new()
        } else {
            allocate_debit(&vouchers, split.voucher, today)
                .map_err(|_| BuyingError::VoucherBalance)?
        };
        for (id, amount) in &debits {
            if let Some(v) = vouchers.iter_mut().find(|v| v.id == *id) {
                v.balance -= *amount;
            }
        }
        let voucher_cents = split.voucher.to_cents();
        let method = if total == 0 {
            "free"
        } else if voucher_cents == total {
            "voucher"
        } else {
            draft.payment_method.as_str()
        };
        let due = if method == "agreed" {
            created + Duration::days(AGREED_PAYMENT_DAYS)
        } else {
            created + Duration::seconds(DEFAULT_PAYMENT_WINDOW_SECS)
        };
        let reference = new_reference();
        let (provider_name, provider_email) = group
            .first()
            .map(|(l, _)| (l.provider_name.clone(), l.provider_email.clone()))
            .unwrap_or_default();
        let paid = total - voucher_cents == 0 && method != "agreed";
        let mails = vec![
            mails::placed(
                locale,
                &draft.billing_email,
                &draft.billing_name,
                &reference,
                &provider_name,
                total,
                paid,
                &domain::rome_time::format_rome(due.unix_timestamp()),
                &format!("{}/area-personale/ordini/{reference}", s.public_url),
            ),
            mails::provider_new_order(
                &provider_email,
                &provider_name,
                &reference,
                &format!("{}/ente/ordini/{reference}", s.public_url),
            ),
        ];
        orders.push(PlannedOrder {
            reference,
            provider_id: provider,
            payment_method: method.to_string(),
            gateway: matches!(method, "card" | "paypal").then(|| s.gateway.name().to_string()),
            total_cents: total,
            voucher_debits: debits.iter().map(|(id, m)| (*id, m.to_cents())).collect(),
            payment_due_at: due,
            lines: planned,
            mails,
        });
    }
    let placement = Placement {
        user_id: who.user_id,
        cart_id: Some(cart_id),
        quote: None,
        checkout_key: key.to_string(),
        locale: locale.code().to_string(),
        billing_name: draft.billing_name.clone(),
        billing_fiscal_code: draft.billing_fiscal_code.clone(),
        billing_address: draft.billing_address.clone(),
        billing_email: draft.billing_email.clone(),
        billing_phone: draft.billing_phone.clone(),
        orders,
        now: created,
    };
    let references = match store::place(&s.db, &placement).await {
        Ok(refs) => refs,
        Err(PlaceError::Seats) => return Err(BuyingError::SeatsUnavailable),
        Err(PlaceError::Vouchers) => return Err(BuyingError::VoucherBalance),
        Err(PlaceError::Stale) => return Err(BuyingError::NotAllowedNow),
        Err(PlaceError::Store(e)) => return Err(internal(e)),
    };
    s.mail.wake();
    let (actor, on_behalf_of) = match &who.assisted_by {
        Some(op) => (Some(op.user_id), Some(who.user_id)),
        None => (Some(who.user_id), None),
    };
    let target = references.join(",");
    let entry = audit::Entry {
        actor,
        on_behalf_of,
        action: "order.placed",
        target: &target,
        ip: &client.ip,
        request_id: &client.request_id,
        ..Default::default()
    };
    if let Err(err) = audit::record(&s.db, &entry, now()).await {
        tracing::error!(%err, "audit of order placement failed");
    }
    Ok(references)
}

/// The person's vouchers as the ledger rules take them.
async fn usable_vouchers(s: &BuyingService, user_id: i64) -> Result<Vec<Voucher>, BuyingError> {
    let Some(code) = crate::store::payments::fiscal_code_of(&s.db, user_id)
        .await
        .map_err(internal)?
    else {
        return Ok(Vec::new());
    };
    let views = crate::store::payments::vouchers(&s.db, &code, &today_in_rome())
        .await
        .map_err(internal)?;
    Ok(views
        .into_iter()
        .filter_map(|v| {
            Some(Voucher {
                id: v.id,
                balance: Money::from_cents(v.balance_cents),
                valid_from: domain::date::Date::parse(&v.valid_from)?,
                valid_until: domain::date::Date::parse(&v.valid_until)?,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> CheckoutDraft {
        CheckoutDraft {
            billing_name: "  Giulia Rossi ".into(),
            billing_fiscal_code: String::new(),
            billing_address: "Via Roma 1, Milano".into(),
            billing_email: "Giulia@Example.org".into(),
            billing_phone: "+39 02 1234".into(),
            payment_method: "card".into(),
            use_vouchers: false,
        }
    }

    #[test]
    fn a_good_draft_is_cleaned() {
        let clean = validate_draft(&draft()).unwrap();
        assert_eq!(clean.billing_name, "Giulia Rossi");
        assert_eq!(clean.billing_email, "giulia@example.org");
    }

    /// A way to spoil a draft, and the field the error must name.
    type Spoil = (fn(&mut CheckoutDraft), &'static str);

    #[test]
    fn each_bad_field_is_named() {
        let cases: [Spoil; 5] = [
            (|d| d.billing_name = "x".into(), "billing_name"),
            (|d| d.billing_email = "nope".into(), "billing_email"),
            (
                |d| d.billing_fiscal_code = "RSSMRA".into(),
                "billing_fiscal_code",
            ),
            (|d| d.billing_phone = "call me".into(), "billing_phone"),
            (|d| d.payment_method = "cash".into(), "payment_method"),
        ];
        for (spoil, field) in cases {
            let mut d = draft();
            spoil(&mut d);
            assert_eq!(validate_draft(&d), Err(BuyingError::InvalidField(field)));
        }
    }

    #[test]
    fn references_are_readable() {
        let r = new_reference();
        assert_eq!(r.len(), "WM-20261126-7K3QX9".len());
        assert!(r.starts_with("WM-"));
        assert!(!r[12..].contains(['0', 'O', '1', 'I']));
    }
}
