//! Buying as the pages show it: the cart with its checkout draft, orders with their history,
//! vouchers, and the demo gateway's hosted page. Amounts are integer cents (the server computes
//! every one of them; the browser only displays).

use serde::{Deserialize, Serialize};

/// One line of the cart, priced by the server from the service's price list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CartLine {
    pub id: i64,
    pub service_id: i64,
    pub service_slug: String,
    pub service_name_it: String,
    pub service_name_en: String,
    pub provider_id: i64,
    pub provider_name: String,
    pub unit: String,
    pub quantity: i64,
    pub people: i64,
    /// `YYYY-MM-DD`, the citizen's wish (the provider confirms the schedule).
    pub preferred_date: Option<String>,
    /// `morning`, `afternoon`, `evening` or empty.
    pub time_slot: String,
    pub notes: String,
    pub unit_price_cents: i64,
    pub total_cents: i64,
    pub accepts_vouchers: bool,
    pub shared: bool,
    /// Why the line cannot be bought as it is (price list changed, service withdrawn, seats
    /// gone), localized; checkout is refused while any line has one.
    pub problem: Option<String>,
}

impl CartLine {
    pub fn service_name(&self, locale: crate::i18n::Locale) -> &str {
        super::pick(locale, &self.service_name_it, &self.service_name_en)
    }
}

/// The checkout draft kept with the cart, so checkout can be resumed later.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckoutDraft {
    pub billing_name: String,
    pub billing_fiscal_code: String,
    pub billing_address: String,
    pub billing_email: String,
    pub billing_phone: String,
    /// `card`, `paypal` or `agreed` (the method agreed with the provider).
    pub payment_method: String,
    pub use_vouchers: bool,
}

/// The lines of one provider: they become one order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CartGroup {
    pub provider_id: i64,
    pub provider_name: String,
    pub lines: Vec<CartLine>,
    pub total_cents: i64,
    /// The part vouchers would pay (eligible lines, the citizen's balance, the draft's choice).
    pub voucher_cents: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CartView {
    pub groups: Vec<CartGroup>,
    pub total_cents: i64,
    pub voucher_cents: i64,
    /// What the citizen can spend in vouchers today (0 when anonymous or without vouchers).
    pub voucher_balance_cents: i64,
    pub draft: CheckoutDraft,
    /// A key for this checkout: resubmitting the confirmation with it finds the same orders.
    pub checkout_key: String,
    pub item_count: usize,
}

impl CartView {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
    pub fn has_problems(&self) -> bool {
        self.groups
            .iter()
            .flat_map(|g| &g.lines)
            .any(|l| l.problem.is_some())
    }
}

/// An order in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub reference: String,
    pub provider_id: i64,
    pub provider_name: String,
    /// `domain::orders::OrderState` code.
    pub state: String,
    pub payment_method: String,
    pub total_cents: i64,
    pub voucher_cents: i64,
    pub gateway_cents: i64,
    pub refunded_cents: i64,
    pub customer_name: String,
    /// UTC, RFC 3339.
    pub created_at: String,
    pub payment_due_at: String,
    pub scheduled_for: Option<String>,
    /// First line's service name (lists show it), in both languages.
    pub first_service_it: String,
    pub first_service_en: String,
    pub line_count: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    pub service_id: i64,
    pub service_name: String,
    pub unit: String,
    pub quantity: i64,
    pub people: i64,
    pub preferred_date: Option<String>,
    pub time_slot: String,
    pub notes: String,
    pub unit_price_cents: i64,
    pub total_cents: i64,
}

/// One milestone of an order's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderMilestone {
    pub at: String,
    /// `domain::orders::OrderEvent` code, or `placed`.
    pub event: String,
    pub to_state: String,
    /// `citizen`, `provider_staff`, `city`, `gateway`, `scheduler`.
    pub actor: String,
    pub reason: String,
    pub amount_cents: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderDetail {
    pub summary: OrderSummary,
    pub lines: Vec<OrderLine>,
    pub history: Vec<OrderMilestone>,
    pub billing_email: String,
    pub billing_phone: String,
    pub billing_fiscal_code: String,
    pub billing_address: String,
    /// The events the viewer may trigger now (`OrderEvent` codes), plus `pay` when a payment
    /// can be started.
    pub actions: Vec<String>,
    /// The latest time a citizen can cancel without a fee, when the terms give one (RFC 3339).
    pub free_cancellation_until: Option<String>,
    /// When the provider took the order in (its first action), RFC 3339.
    pub taken_in_at: Option<String>,
    /// The latest date the order closes by itself if nobody acts, RFC 3339.
    pub closes_by: Option<String>,
}

/// A voucher as its holder sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoucherView {
    pub id: i64,
    pub scheme: String,
    pub amount_cents: i64,
    pub balance_cents: i64,
    pub valid_from: String,
    pub valid_until: String,
    pub usable_today: bool,
}

/// The demo gateway's hosted page: what is being paid.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DemoCheckout {
    pub gateway_ref: String,
    pub amount_cents: i64,
    pub description: String,
    /// `open`, `paid`, `declined`, `cancelled`.
    pub status: String,
    pub return_url: String,
}

/// A voucher file the city uploaded, as the back office lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoucherImportView {
    pub id: i64,
    pub filename: String,
    /// `imported` or `refused`.
    pub state: String,
    pub row_count: i64,
    pub total_cents: i64,
    pub problems: Vec<ImportProblem>,
    pub user_name: String,
    /// UTC, RFC 3339.
    pub created_at: String,
}

/// One problem of a refused file, in both languages (the page shows the reader's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub line: usize,
    pub it: String,
    pub en: String,
}

/// One entry of the notification centre.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationView {
    /// `order`, `offer`, `message`, `request`.
    pub kind: String,
    pub reference: String,
    /// The order's new state or the offer's state (`domain` codes), else empty.
    pub code: String,
    /// The other party's name, when known.
    pub party: String,
    /// The page it is about.
    pub link: String,
    /// UTC, RFC 3339.
    pub at: String,
    pub unread: bool,
}

/// A page of notifications and how many are unread in all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationsPage {
    pub page: crate::model::Paged<NotificationView>,
    pub unread: i64,
}

/// The person's place on a shared service's waitlist.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaitlistEntry {
    pub service_id: i64,
    pub service_slug: String,
    pub service_name_it: String,
    pub service_name_en: String,
    pub seats: i64,
    /// 1 for the oldest request.
    pub position: i64,
    /// UTC, RFC 3339.
    pub since: String,
    /// When the person was told seats had freed up.
    pub told_at: Option<String>,
}

/// A provider's accounts at the real gateways, as its staff's page shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentAccountsView {
    pub provider_name: String,
    /// The gateway the portal uses now (`demo`, `stripe`, `paypal`).
    pub gateway_in_use: String,
    /// The portal can store accounts (its encryption key is configured).
    pub storage_ready: bool,
    /// The person may change them (the provider's admin).
    pub can_edit: bool,
    pub accounts: Vec<PaymentAccountView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentAccountView {
    /// `stripe` or `paypal`.
    pub gateway: String,
    /// The last four characters (`••••u7ix`), when one is stored.
    pub masked: Option<String>,
}

/// A voucher as the city's back office shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminVoucherView {
    pub id: i64,
    pub fiscal_code: String,
    pub scheme: String,
    pub amount_cents: i64,
    pub balance_cents: i64,
    pub valid_from: String,
    pub valid_until: String,
    /// UTC, RFC 3339, when revoked.
    pub revoked_at: Option<String>,
}

/// A checked voucher file before it is imported: what the office confirms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoucherPreview {
    pub id: i64,
    pub filename: String,
    pub row_count: i64,
    pub total_cents: i64,
    /// Per scheme: name, vouchers, cents.
    pub schemes: Vec<(String, i64, i64)>,
    /// The first rows: line, fiscal code, cents, scheme, valid from, valid until.
    pub sample: Vec<(usize, String, i64, String, String, String)>,
}
