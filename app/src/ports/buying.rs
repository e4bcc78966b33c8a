//! The buying port: cart, checkout, orders, payments, vouchers. Implemented in
//! `server/src/buying`; pages reach it through server functions, gateways through webhooks.

use std::sync::Arc;

use async_trait::async_trait;

use crate::i18n::Locale;
use crate::model::{
    CartView, CheckoutDraft, DemoCheckout, OrderDetail, OrderSummary, PageRequest, Paged,
    QuoteDetail, QuoteStart, QuoteSummary, SessionUser, VoucherView,
};
use crate::ports::ClientInfo;

/// Whose cart: the logged-in person, a browser's anonymous cart (the cookie's token), or both
/// (right after login: the browser's cart is merged into the person's).
#[derive(Clone, Debug, Default)]
pub struct CartOwner {
    pub user_id: Option<i64>,
    pub browser_token: Option<String>,
}

/// A service to put in the cart, as the form sends it (never a price).
#[derive(Clone, Debug, Default)]
pub struct NewCartItem {
    pub service_id: i64,
    pub quantity: i64,
    pub people: i64,
    pub preferred_date: Option<String>,
    pub time_slot: String,
    pub notes: String,
}

/// What a provider's staff member sends with an action on an order.
#[derive(Clone, Debug, Default)]
pub struct OrderActionForm {
    /// `domain::orders::OrderEvent` code, or `pay` (citizen: start or resume a payment).
    pub action: String,
    pub reason: String,
    /// For partial refunds: euros as typed (`"12,50"` or `"12.50"`).
    pub amount: String,
    /// For scheduling: `YYYY-MM-DDTHH:MM`, Rome time.
    pub when: String,
}

/// A new quote request, as the form sends it.
#[derive(Clone, Debug, Default)]
pub struct NewQuoteRequest {
    /// The services (one per provider, at most five) the request goes to.
    pub service_ids: Vec<i64>,
    pub description: String,
    pub people: i64,
    pub preferred_date: Option<String>,
    pub time_slot: String,
    /// `YYYY-MM-DD`: answers are accepted until the end of that day (Rome).
    pub answer_by: String,
    pub contact_phone: String,
}

/// An action on a quote request: `message`, `decline`, `offer`, `withdraw_offer` (provider);
/// `message`, `accept_offer`, `decline_offer`, `withdraw_request` (citizen).
#[derive(Clone, Debug, Default)]
pub struct QuoteActionForm {
    pub action: String,
    /// The citizen writing to one of the providers.
    pub provider_id: Option<i64>,
    pub offer_id: Option<i64>,
    pub body: String,
    pub reason: String,
    /// Euros as typed.
    pub price: String,
    /// `YYYY-MM-DD`, Rome: the offer can be bought until the end of that day.
    pub valid_until: String,
    pub period_start: String,
    pub period_end: String,
    pub time_slot: String,
    pub operator_name: String,
    pub notes: String,
}

/// Outcome chosen on the demo gateway's hosted page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoOutcome {
    Pay,
    Cancel,
    Decline,
}

/// Why a buying operation was refused. Each has a code for `?errore=` and a localized message
/// in `i18n::buying`.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum BuyingError {
    #[error("invalid {0}")]
    InvalidField(&'static str),
    #[error("no price: {0}")]
    Price(&'static str),
    #[error("the service cannot be bought online")]
    NotPurchasable,
    #[error("not found")]
    NotFound,
    #[error("the cart is empty")]
    EmptyCart,
    #[error("the cart needs attention")]
    CartHasProblems,
    #[error("not enough seats")]
    SeatsUnavailable,
    #[error("voucher balance too low")]
    VoucherBalance,
    #[error("action not possible now")]
    NotAllowedNow,
    #[error("too late to cancel")]
    TooLate,
    #[error("the dispute window has closed")]
    DisputeClosed,
    #[error("payment service unavailable")]
    Gateway,
    #[error("not allowed")]
    Forbidden,
    #[error("payment accounts cannot be stored: no encryption key")]
    AccountsNotConfigured,
    #[error("quote refused: {0}")]
    Quote(domain::quotes::QuoteError),
    #[error("review refused: {0}")]
    Review(domain::reviews::ReviewError),
    #[error("internal error")]
    Internal,
}

impl BuyingError {
    pub fn code(&self) -> String {
        match self {
            BuyingError::InvalidField(field) => format!("field-{field}"),
            BuyingError::Price(field) => format!("price-{field}"),
            BuyingError::NotPurchasable => "not-purchasable".into(),
            BuyingError::NotFound => "not-found".into(),
            BuyingError::EmptyCart => "empty-cart".into(),
            BuyingError::CartHasProblems => "cart-problems".into(),
            BuyingError::SeatsUnavailable => "seats".into(),
            BuyingError::VoucherBalance => "voucher-balance".into(),
            BuyingError::NotAllowedNow => "not-allowed-now".into(),
            BuyingError::TooLate => "too-late".into(),
            BuyingError::DisputeClosed => "dispute-closed".into(),
            BuyingError::Gateway => "gateway".into(),
            BuyingError::AccountsNotConfigured => "accounts-not-configured".into(),
            BuyingError::Forbidden => "forbidden".into(),
            BuyingError::Quote(e) => format!("quote-{}", e.code()),
            BuyingError::Review(e) => format!("review-{}", e.code()),
            BuyingError::Internal => "internal".into(),
        }
    }

    pub fn message(&self, locale: Locale) -> String {
        crate::i18n::buying::error_message(&self.code(), locale)
    }
}

#[async_trait]
pub trait Buying: Send + Sync + 'static {
    /// Whether the portal is served over HTTPS (cookies are then `Secure`).
    fn secure_cookies(&self) -> bool;

    /// The cart, priced now. When `owner` has both a person and a browser cart, the browser's
    /// lines move into the person's cart first (the cart survives login).
    async fn cart(&self, owner: &CartOwner, locale: Locale) -> Result<CartView, BuyingError>;

    /// Adds a line; returns the browser token to set when an anonymous cart was created.
    async fn add_to_cart(
        &self,
        owner: &CartOwner,
        item: &NewCartItem,
    ) -> Result<Option<String>, BuyingError>;

    async fn update_cart_line(
        &self,
        owner: &CartOwner,
        line_id: i64,
        quantity: i64,
        people: i64,
    ) -> Result<(), BuyingError>;

    async fn remove_cart_line(&self, owner: &CartOwner, line_id: i64) -> Result<(), BuyingError>;

    /// Saves the checkout draft (billing data and payment choice), validated.
    async fn save_draft(&self, who: &SessionUser, draft: &CheckoutDraft)
    -> Result<(), BuyingError>;

    /// Confirms the checkout: one order per provider, vouchers debited, seats taken, the cart
    /// emptied, in one transaction. Resubmitting with the same key returns the same orders.
    async fn place_orders(
        &self,
        who: &SessionUser,
        checkout_key: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<Vec<String>, BuyingError>;

    async fn my_orders(
        &self,
        who: &SessionUser,
        page: PageRequest,
    ) -> Result<Paged<OrderSummary>, BuyingError>;

    /// One of the person's orders, or of the provider whose staff they are.
    async fn order(&self, who: &SessionUser, reference: &str) -> Result<OrderDetail, BuyingError>;

    /// Starts (or resumes) the payment of an order's card/PayPal part: the gateway page to go to.
    async fn pay(
        &self,
        who: &SessionUser,
        reference: &str,
        client: &ClientInfo,
    ) -> Result<String, BuyingError>;

    /// Asks the gateway about the order's open payment now (back from its page): settles it
    /// if the gateway says it is paid or refused. Never marks paid on the browser's word.
    async fn refresh_payment(&self, who: &SessionUser, reference: &str) -> Result<(), BuyingError>;

    /// An action on an order by its citizen or its provider's staff.
    async fn order_action(
        &self,
        who: &SessionUser,
        reference: &str,
        form: &OrderActionForm,
        client: &ClientInfo,
    ) -> Result<(), BuyingError>;

    /// Orders of the providers whose staff `who` is.
    async fn provider_orders(
        &self,
        who: &SessionUser,
        page: PageRequest,
    ) -> Result<Paged<OrderSummary>, BuyingError>;

    async fn vouchers(&self, who: &SessionUser) -> Result<Vec<VoucherView>, BuyingError>;

    /// Puts the person on a shared service's waitlist for `seats` seats (again: updates it).
    async fn join_waitlist(
        &self,
        who: &SessionUser,
        service_id: i64,
        seats: i64,
    ) -> Result<(), BuyingError>;

    async fn leave_waitlist(&self, who: &SessionUser, service_id: i64) -> Result<(), BuyingError>;

    /// The waitlists the person is on.
    async fn my_waitlist(
        &self,
        who: &SessionUser,
    ) -> Result<Vec<crate::model::WaitlistEntry>, BuyingError>;

    /// The accounts at the real gateways of the provider `who` works for.
    async fn payment_accounts(
        &self,
        who: &SessionUser,
    ) -> Result<crate::model::PaymentAccountsView, BuyingError>;

    /// Stores (encrypted) or, with an empty `reference`, removes the provider's account at
    /// `gateway`; the provider's admin only.
    async fn set_payment_account(
        &self,
        who: &SessionUser,
        gateway: &str,
        reference: &str,
        client: &ClientInfo,
    ) -> Result<(), BuyingError>;

    /// The person's notification centre: what others did on their orders and requests (and,
    /// for provider staff, on their provider's), newest first.
    async fn notifications(
        &self,
        who: &SessionUser,
        page: crate::model::PageRequest,
    ) -> Result<crate::model::NotificationsPage, BuyingError>;

    /// Marks every notification up to now as read.
    async fn mark_notifications_read(&self, who: &SessionUser) -> Result<(), BuyingError>;

    /// The vouchers of a fiscal code (permission `vouchers`).
    async fn find_vouchers(
        &self,
        who: &SessionUser,
        fiscal_code: &str,
    ) -> Result<Vec<crate::model::AdminVoucherView>, BuyingError>;

    /// Assigns one voucher by hand (permission `vouchers`): fiscal code, amount, scheme, valid
    /// from, valid until, checked like a file's row. Returns its import record.
    async fn assign_voucher(
        &self,
        who: &SessionUser,
        fields: [&str; 5],
        client: &ClientInfo,
    ) -> Result<i64, BuyingError>;

    /// Revokes a voucher (permission `vouchers`): its balance can no longer be spent.
    async fn revoke_voucher(
        &self,
        who: &SessionUser,
        voucher_id: i64,
        reason: &str,
        client: &ClientInfo,
    ) -> Result<(), BuyingError>;

    /// A checked voucher file waiting for confirmation (permission `vouchers`).
    async fn voucher_preview(
        &self,
        who: &SessionUser,
        preview_id: i64,
    ) -> Result<crate::model::VoucherPreview, BuyingError>;

    /// Imports a previewed file (or refuses it whole); returns the import's record.
    async fn confirm_voucher_import(
        &self,
        who: &SessionUser,
        preview_id: i64,
        client: &ClientInfo,
    ) -> Result<i64, BuyingError>;

    /// Drops a previewed file without importing it.
    async fn discard_voucher_import(
        &self,
        who: &SessionUser,
        preview_id: i64,
    ) -> Result<(), BuyingError>;

    /// The city's latest voucher files (permission `vouchers`); `Forbidden` otherwise.
    async fn voucher_imports(
        &self,
        who: &SessionUser,
    ) -> Result<Vec<crate::model::VoucherImportView>, BuyingError>;

    /// The service a quote request starts from and similar ones of other providers.
    async fn quote_start(&self, service_slug: &str) -> Result<QuoteStart, BuyingError>;

    /// Sends a quote request; returns its reference.
    async fn request_quotes(
        &self,
        who: &SessionUser,
        form: &NewQuoteRequest,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<String, BuyingError>;

    /// The person's requests, or (for provider staff) those their provider received.
    async fn quote_requests(
        &self,
        who: &SessionUser,
        received: bool,
        page: PageRequest,
    ) -> Result<Paged<QuoteSummary>, BuyingError>;

    async fn quote_request(
        &self,
        who: &SessionUser,
        reference: &str,
    ) -> Result<QuoteDetail, BuyingError>;

    /// An action on a request; accepting an offer returns the new order's reference.
    async fn quote_action(
        &self,
        who: &SessionUser,
        reference: &str,
        form: &QuoteActionForm,
        client: &ClientInfo,
    ) -> Result<Option<String>, BuyingError>;

    /// The demo gateway's hosted page.
    async fn demo_checkout(&self, gateway_ref: &str) -> Result<DemoCheckout, BuyingError>;

    /// The choice made on the demo page; the signed webhook is sent before this returns.
    /// Returns where the gateway sends the browser back.
    async fn demo_outcome(
        &self,
        gateway_ref: &str,
        outcome: DemoOutcome,
    ) -> Result<String, BuyingError>;
}

pub type SharedBuying = Arc<dyn Buying>;
