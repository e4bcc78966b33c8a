//! The cart: lines priced by the server from the price list at every read, an anonymous cart
//! per browser that moves into the person's cart at login, and the voucher split preview.

use std::collections::HashMap;

use app::i18n::Locale;
use app::model::{CartGroup, CartLine, CartView, PriceTier as TierRow};
use app::ports::{BuyingError, CartOwner, NewCartItem};
use domain::money::Money;
use domain::pricing::{self, PriceBasis, PriceTier, PricingError};

use super::{BuyingService, internal, now, today_in_rome};
use crate::auth::tokens;
use crate::store::cart::{self as store, LineRow};

pub const MAX_NOTES: usize = 500;
pub const TIME_SLOTS: [&str; 4] = ["", "morning", "afternoon", "evening"];

/// The cart `owner` has now, after moving a browser cart into the person's; `None` when an
/// anonymous browser has none yet.
pub(super) async fn resolve(
    s: &BuyingService,
    owner: &CartOwner,
) -> Result<Option<i64>, BuyingError> {
    let browser = match &owner.browser_token {
        Some(token) => store::for_browser(&s.db, &tokens::digest(token))
            .await
            .map_err(internal)?,
        None => None,
    };
    match owner.user_id {
        Some(user) => {
            let cart = store::for_user(&s.db, user, now())
                .await
                .map_err(internal)?;
            if let Some(from) = browser.filter(|from| *from != cart) {
                store::merge(&s.db, from, cart).await.map_err(internal)?;
            }
            Ok(Some(cart))
        }
        None => Ok(browser),
    }
}

fn tiers_of(rows: &[TierRow]) -> Result<Vec<PriceTier>, PricingError> {
    rows.iter()
        .map(|t| {
            PriceTier::from_row(
                t.min_people,
                t.max_people,
                t.min_quantity,
                t.max_quantity,
                t.unit_price_cents,
            )
        })
        .collect()
}

/// A line's price: (unit, total) in cents. Shared services: the tier for everyone taking part
/// once these seats are added (`taken` already booked); the people are the seats.
pub(super) fn price(
    row: &LineRow,
    tiers: &[TierRow],
    taken: i64,
) -> Result<(i64, i64), BuyingError> {
    if row.status != "validated" {
        return Err(BuyingError::NotFound);
    }
    if row.quote_required {
        return Err(BuyingError::NotPurchasable);
    }
    let field = |e: &PricingError| BuyingError::Price(e.field().unwrap_or("quantity"));
    pricing::check_count("quantity", row.quantity, pricing::MAX_QUANTITY).map_err(|e| field(&e))?;
    pricing::check_count("people", row.people, pricing::MAX_PEOPLE).map_err(|e| field(&e))?;
    if row.pricing != "paid" {
        return Ok((0, 0));
    }
    let tiers = tiers_of(tiers).map_err(|_| BuyingError::NotPurchasable)?;
    if row.mode == "shared" {
        let capacity = row.capacity.unwrap_or(0);
        if row.people > capacity - taken {
            return Err(BuyingError::SeatsUnavailable);
        }
        let participants = taken + row.people;
        let total = pricing::shared_line_total(&tiers, participants, row.people, row.quantity)
            .map_err(|e| field(&e))?;
        let unit = pricing::shared_price_per_family(&tiers, participants).map_err(|e| field(&e))?;
        Ok((unit.to_cents(), total.to_cents()))
    } else {
        let unit = pricing::unit_price(&tiers, row.people, row.quantity).map_err(|e| field(&e))?;
        let total = pricing::line_total(&tiers, row.people, row.quantity, PriceBasis::PerUnit)
            .map_err(|e| field(&e))?;
        Ok((unit.to_cents(), total.to_cents()))
    }
}

/// A cart line with its (unit, total) price in cents, or why it cannot be bought now.
pub(super) type PricedLine = (LineRow, Result<(i64, i64), BuyingError>);

/// The lines of a cart with their prices (or what is wrong with them), by provider.
pub(super) async fn priced(
    s: &BuyingService,
    cart_id: i64,
) -> Result<Vec<PricedLine>, BuyingError> {
    let rows = store::lines(&s.db, cart_id).await.map_err(internal)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.service_id).collect();
    let tiers = store::tiers(&s.db, &ids).await.map_err(internal)?;
    let mut taken: HashMap<i64, i64> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let already = if row.mode == "shared" {
            match taken.get(&row.service_id) {
                Some(n) => *n,
                None => {
                    let n = store::seats_taken(&s.db, row.service_id)
                        .await
                        .map_err(internal)?;
                    taken.insert(row.service_id, n);
                    n
                }
            }
        } else {
            0
        };
        let empty = Vec::new();
        let price = price(&row, tiers.get(&row.service_id).unwrap_or(&empty), already);
        out.push((row, price));
    }
    Ok(out)
}

/// The voucher balance a person can spend today (0 without a fiscal code).
pub(super) async fn voucher_balance(s: &BuyingService, user_id: i64) -> Result<i64, BuyingError> {
    let Some(code) = crate::store::payments::fiscal_code_of(&s.db, user_id)
        .await
        .map_err(internal)?
    else {
        return Ok(0);
    };
    let vouchers = crate::store::payments::vouchers(&s.db, &code, &today_in_rome())
        .await
        .map_err(internal)?;
    Ok(vouchers
        .iter()
        .filter(|v| v.usable_today)
        .map(|v| v.balance_cents)
        .sum())
}

/// The key of the checkout of this cart's current content: the confirmation form carries it,
/// and a resubmission (double click, retry) with it finds the orders already created.
pub(super) fn checkout_key(cart_id: i64, lines: &[PricedLine]) -> String {
    let content: Vec<String> = lines
        .iter()
        .map(|(l, _)| {
            format!(
                "{}:{}:{}:{}",
                l.id,
                l.quantity,
                l.people,
                l.added_at.unix_timestamp_nanos()
            )
        })
        .collect();
    tokens::digest(&format!("cart {cart_id} {}", content.join(",")))[..32].to_string()
}

pub(super) async fn view(
    s: &BuyingService,
    owner: &CartOwner,
    locale: Locale,
) -> Result<CartView, BuyingError> {
    let Some(cart_id) = resolve(s, owner).await? else {
        return Ok(CartView::default());
    };
    let lines = priced(s, cart_id).await?;
    let draft = store::draft(&s.db, cart_id).await.map_err(internal)?;
    let balance = match owner.user_id {
        Some(user) => voucher_balance(s, user).await?,
        None => 0,
    };
    let key = checkout_key(cart_id, &lines);
    let item_count = lines.len();
    let mut groups: Vec<CartGroup> = Vec::new();
    for (row, price) in lines {
        let (unit, total, problem) = match price {
            Ok((unit, total)) => (unit, total, None),
            Err(err) => (0, 0, Some(err.message(locale))),
        };
        let line = CartLine {
            id: row.id,
            service_id: row.service_id,
            service_slug: row.slug,
            service_name_it: row.name_it,
            service_name_en: row.name_en,
            provider_id: row.provider_id,
            provider_name: row.provider_name.clone(),
            unit: row.unit,
            quantity: row.quantity,
            people: row.people,
            preferred_date: row.preferred_date,
            time_slot: row.time_slot,
            notes: row.notes,
            unit_price_cents: unit,
            total_cents: total,
            accepts_vouchers: row.accepts_vouchers,
            shared: row.mode == "shared",
            problem,
        };
        match groups.iter_mut().find(|g| g.provider_id == row.provider_id) {
            Some(group) => group.lines.push(line),
            None => groups.push(CartGroup {
                provider_id: row.provider_id,
                provider_name: row.provider_name,
                lines: vec![line],
                total_cents: 0,
                voucher_cents: 0,
            }),
        }
    }
    let mut left = if draft.use_vouchers { balance } else { 0 };
    for group in &mut groups {
        group.total_cents = group.lines.iter().map(|l| l.total_cents).sum();
        let eligible: i64 = group
            .lines
            .iter()
            .filter(|l| l.accepts_vouchers)
            .map(|l| l.total_cents)
            .sum();
        let split = domain::vouchers::ledger::split_payment(
            Money::from_cents(eligible),
            Money::from_cents(left),
            true,
        );
        group.voucher_cents = split.voucher.to_cents();
        left -= group.voucher_cents;
    }
    Ok(CartView {
        total_cents: groups.iter().map(|g| g.total_cents).sum(),
        voucher_cents: groups.iter().map(|g| g.voucher_cents).sum(),
        voucher_balance_cents: balance,
        groups,
        draft,
        checkout_key: key,
        item_count,
    })
}

/// Checks a new line's fields (not its price: that needs the service).
fn check_item(item: &NewCartItem) -> Result<(), BuyingError> {
    if item.quantity < 1 || item.quantity > pricing::MAX_QUANTITY {
        return Err(BuyingError::InvalidField("quantity"));
    }
    if item.people < 1 || item.people > pricing::MAX_PEOPLE {
        return Err(BuyingError::InvalidField("people"));
    }
    if let Some(date) = &item.preferred_date {
        let valid =
            domain::date::Date::parse(date).is_some() && date.as_str() >= today_in_rome().as_str();
        if !valid {
            return Err(BuyingError::InvalidField("preferred_date"));
        }
    }
    if !TIME_SLOTS.contains(&item.time_slot.as_str()) {
        return Err(BuyingError::InvalidField("time_slot"));
    }
    if item.notes.chars().count() > MAX_NOTES {
        return Err(BuyingError::InvalidField("notes"));
    }
    Ok(())
}

pub(super) async fn add(
    s: &BuyingService,
    owner: &CartOwner,
    item: &NewCartItem,
) -> Result<Option<String>, BuyingError> {
    check_item(item)?;
    // The line must be priceable now (the same rules as the cart's), before it is stored.
    let row = store::service_as_line(&s.db, item)
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)?;
    let tiers = store::tiers(&s.db, &[item.service_id])
        .await
        .map_err(internal)?;
    let taken = if row.mode == "shared" {
        store::seats_taken(&s.db, item.service_id)
            .await
            .map_err(internal)?
    } else {
        0
    };
    price(
        &row,
        tiers
            .get(&item.service_id)
            .map(Vec::as_slice)
            .unwrap_or(&[]),
        taken,
    )?;
    let (cart, new_token) = match resolve(s, owner).await? {
        Some(cart) => (cart, None),
        None => {
            let token = tokens::random_token();
            let cart = store::create_for_browser(&s.db, &tokens::digest(&token), now())
                .await
                .map_err(internal)?;
            (cart, Some(token))
        }
    };
    store::add(&s.db, cart, item, now())
        .await
        .map_err(internal)?;
    Ok(new_token)
}

pub(super) async fn update(
    s: &BuyingService,
    owner: &CartOwner,
    line_id: i64,
    quantity: i64,
    people: i64,
) -> Result<(), BuyingError> {
    if !(1..=pricing::MAX_QUANTITY).contains(&quantity) {
        return Err(BuyingError::InvalidField("quantity"));
    }
    if !(1..=pricing::MAX_PEOPLE).contains(&people) {
        return Err(BuyingError::InvalidField("people"));
    }
    let cart = resolve(s, owner).await?.ok_or(BuyingError::NotFound)?;
    if store::update(&s.db, cart, line_id, quantity, people)
        .await
        .map_err(internal)?
    {
        Ok(())
    } else {
        Err(BuyingError::NotFound)
    }
}

pub(super) async fn remove(
    s: &BuyingService,
    owner: &CartOwner,
    line_id: i64,
) -> Result<(), BuyingError> {
    let cart = resolve(s, owner).await?.ok_or(BuyingError::NotFound)?;
    if store::remove(&s.db, cart, line_id)
        .await
        .map_err(internal)?
    {
        Ok(())
    } else {
        Err(BuyingError::NotFound)
    }
}
