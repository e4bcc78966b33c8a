//! Buying: the one implementation of `app::ports::Buying`, used by the pages' server functions;
//! the gateways' webhooks and the scheduled jobs come in through `payments.rs` and `jobs.rs`.
//!
//! The rules are the domain's (`domain::pricing`, `domain::orders`, `domain::vouchers`,
//! `domain::seats`); this module loads what they need, asks them, and writes the outcome in
//! one transaction (`store::orders`). Reviews of completed orders (`reviews.rs`) implement
//! `app::ports::Reviews` on the same service.

pub mod accreditation;
pub mod appointments;
mod cart;
mod checkout;
pub mod jobs;
mod mails;
mod notifications;
mod orders;
mod payment_accounts;
pub mod payments;
pub mod payouts;
pub mod quotes;
pub mod receipts;
pub mod reviews;
pub mod voucher_import;
pub mod waitlist;
// Statistics (issue 8).
pub mod statistics;

use std::sync::Arc;

use app::i18n::Locale;
use app::model::{
    CartView, CheckoutDraft, DemoCheckout, OrderDetail, OrderSummary, PageRequest, Paged,
    QuoteDetail, QuoteStart, QuoteSummary, SessionUser, VoucherView,
};
use app::ports::{
    Buying, BuyingError, CartOwner, ClientInfo, DemoOutcome, NewCartItem, NewQuoteRequest,
    OrderActionForm, QuoteActionForm, StoreError,
};
use async_trait::async_trait;
use time::OffsetDateTime;

use crate::mail::MailHandle;
use crate::payments::Gateway;
use crate::payments::demo::DemoGateway;
use crate::store::Db;

pub struct BuyingService {
    db: Db,
    gateway: Arc<dyn Gateway>,
    demo: Option<Arc<DemoGateway>>,
    mail: MailHandle,
    public_url: String,
    /// Encrypts providers' gateway accounts (`WEMI_SECRET_KEY`); `None`: they cannot be set.
    account_key: Option<crate::payments::accounts::SecretKey>,
}

pub(crate) fn internal(err: StoreError) -> BuyingError {
    match err {
        StoreError::NotFound => BuyingError::NotFound,
        other => {
            tracing::error!(err = %other, "buying storage failed");
            BuyingError::Internal
        }
    }
}

pub(crate) fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// Today in Milan, `YYYY-MM-DD` (voucher validity is by calendar day there).
pub(crate) fn today_in_rome() -> String {
    let (y, m, d, ..) = domain::rome_time::rome_from_unix(now().unix_timestamp());
    format!("{y:04}-{m:02}-{d:02}")
}

impl BuyingService {
    /// With a real gateway (Stripe, PayPal), configured by its adapter.
    pub fn new(
        db: Db,
        gateway: Arc<dyn Gateway>,
        mail: MailHandle,
        public_url: String,
    ) -> BuyingService {
        BuyingService {
            db,
            gateway,
            demo: None,
            mail,
            public_url,
            account_key: None,
        }
    }

    /// The demo gateway (the default): its webhooks go to this server's own `/webhooks/demo`.
    pub fn with_demo_gateway(
        db: Db,
        secret: String,
        own_address: std::net::SocketAddr,
        mail: MailHandle,
        public_url: String,
    ) -> BuyingService {
        let demo = Arc::new(DemoGateway::new(
            db.clone(),
            secret,
            format!("http://{own_address}/webhooks/demo"),
        ));
        BuyingService {
            db,
            gateway: demo.clone(),
            demo: Some(demo),
            mail,
            public_url,
            account_key: None,
        }
    }

    /// With the key that encrypts providers' gateway accounts.
    pub fn with_account_key(
        mut self,
        key: Option<crate::payments::accounts::SecretKey>,
    ) -> BuyingService {
        self.account_key = key;
        self
    }

    pub fn gateway(&self) -> &Arc<dyn Gateway> {
        &self.gateway
    }
}

#[async_trait]
impl Buying for BuyingService {
    fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    async fn cart(&self, owner: &CartOwner, locale: Locale) -> Result<CartView, BuyingError> {
        cart::view(self, owner, locale).await
    }

    async fn add_to_cart(
        &self,
        owner: &CartOwner,
        item: &NewCartItem,
    ) -> Result<Option<String>, BuyingError> {
        cart::add(self, owner, item).await
    }

    async fn update_cart_line(
        &self,
        owner: &CartOwner,
        line_id: i64,
        quantity: i64,
        people: i64,
    ) -> Result<(), BuyingError> {
        cart::update(self, owner, line_id, quantity, people).await
    }

    async fn remove_cart_line(&self, owner: &CartOwner, line_id: i64) -> Result<(), BuyingError> {
        cart::remove(self, owner, line_id).await
    }

    async fn save_draft(
        &self,
        who: &SessionUser,
        draft: &CheckoutDraft,
    ) -> Result<(), BuyingError> {
        checkout::save_draft(self, who, draft).await
    }

    async fn place_orders(
        &self,
        who: &SessionUser,
        checkout_key: &str,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<Vec<String>, BuyingError> {
        checkout::place(self, who, checkout_key, locale, client).await
    }

    async fn my_orders(
        &self,
        who: &SessionUser,
        page: PageRequest,
    ) -> Result<Paged<OrderSummary>, BuyingError> {
        crate::store::orders::page(&self.db, Some(who.user_id), &[], page)
            .await
            .map_err(internal)
    }

    async fn order(&self, who: &SessionUser, reference: &str) -> Result<OrderDetail, BuyingError> {
        orders::detail(self, who, reference).await
    }

    async fn pay(
        &self,
        who: &SessionUser,
        reference: &str,
        client: &ClientInfo,
    ) -> Result<String, BuyingError> {
        payments::start(self, who, reference, client).await
    }

    async fn refresh_payment(&self, who: &SessionUser, reference: &str) -> Result<(), BuyingError> {
        payments::refresh(self, who, reference).await
    }

    async fn order_action(
        &self,
        who: &SessionUser,
        reference: &str,
        form: &OrderActionForm,
        client: &ClientInfo,
    ) -> Result<(), BuyingError> {
        orders::act(self, who, reference, form, client).await
    }

    async fn provider_orders(
        &self,
        who: &SessionUser,
        page: PageRequest,
    ) -> Result<Paged<OrderSummary>, BuyingError> {
        if who.assisted_by.is_some() {
            return Err(BuyingError::Forbidden);
        }
        let providers = crate::store::orders::staff_providers(&self.db, who.user_id)
            .await
            .map_err(internal)?;
        if providers.is_empty() {
            return Err(BuyingError::Forbidden);
        }
        crate::store::orders::page(&self.db, None, &providers, page)
            .await
            .map_err(internal)
    }

    async fn join_waitlist(
        &self,
        who: &SessionUser,
        service_id: i64,
        seats: i64,
    ) -> Result<(), BuyingError> {
        waitlist::join(self, who, service_id, seats).await
    }

    async fn leave_waitlist(&self, who: &SessionUser, service_id: i64) -> Result<(), BuyingError> {
        waitlist::leave(self, who, service_id).await
    }

    async fn my_waitlist(
        &self,
        who: &SessionUser,
    ) -> Result<Vec<app::model::WaitlistEntry>, BuyingError> {
        waitlist::mine(self, who).await
    }

    async fn payment_accounts(
        &self,
        who: &SessionUser,
    ) -> Result<app::model::PaymentAccountsView, BuyingError> {
        payment_accounts::view(self, who).await
    }

    async fn set_payment_account(
        &self,
        who: &SessionUser,
        gateway: &str,
        reference: &str,
        client: &ClientInfo,
    ) -> Result<(), BuyingError> {
        payment_accounts::set(self, who, gateway, reference, client).await
    }

    async fn notifications(
        &self,
        who: &SessionUser,
        page: PageRequest,
    ) -> Result<app::model::NotificationsPage, BuyingError> {
        notifications::page(self, who, page).await
    }

    async fn mark_notifications_read(&self, who: &SessionUser) -> Result<(), BuyingError> {
        notifications::mark_read(self, who).await
    }

    async fn find_vouchers(
        &self,
        who: &SessionUser,
        fiscal_code: &str,
    ) -> Result<Vec<app::model::AdminVoucherView>, BuyingError> {
        voucher_import::find(self, who, fiscal_code).await
    }

    async fn assign_voucher(
        &self,
        who: &SessionUser,
        fields: [&str; 5],
        client: &ClientInfo,
    ) -> Result<i64, BuyingError> {
        voucher_import::assign(self, who, fields, client).await
    }

    async fn revoke_voucher(
        &self,
        who: &SessionUser,
        voucher_id: i64,
        reason: &str,
        client: &ClientInfo,
    ) -> Result<(), BuyingError> {
        voucher_import::revoke(self, who, voucher_id, reason, client).await
    }

    async fn voucher_preview(
        &self,
        who: &SessionUser,
        preview_id: i64,
    ) -> Result<app::model::VoucherPreview, BuyingError> {
        voucher_import::preview(self, who, preview_id).await
    }

    async fn confirm_voucher_import(
        &self,
        who: &SessionUser,
        preview_id: i64,
        client: &ClientInfo,
    ) -> Result<i64, BuyingError> {
        voucher_import::confirm(self, who, preview_id, client).await
    }

    async fn discard_voucher_import(
        &self,
        who: &SessionUser,
        preview_id: i64,
    ) -> Result<(), BuyingError> {
        voucher_import::discard(self, who, preview_id).await
    }

    async fn voucher_imports(
        &self,
        who: &SessionUser,
    ) -> Result<Vec<app::model::VoucherImportView>, BuyingError> {
        voucher_import::list(self, who).await
    }

    async fn vouchers(&self, who: &SessionUser) -> Result<Vec<VoucherView>, BuyingError> {
        let Some(code) = crate::store::payments::fiscal_code_of(&self.db, who.user_id)
            .await
            .map_err(internal)?
        else {
            return Ok(Vec::new());
        };
        crate::store::payments::vouchers(&self.db, &code, &today_in_rome())
            .await
            .map_err(internal)
    }

    async fn quote_start(&self, service_slug: &str) -> Result<QuoteStart, BuyingError> {
        quotes::start(self, service_slug).await
    }

    async fn request_quotes(
        &self,
        who: &SessionUser,
        form: &NewQuoteRequest,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<String, BuyingError> {
        quotes::create(self, who, form, locale, client).await
    }

    async fn quote_requests(
        &self,
        who: &SessionUser,
        received: bool,
        page: PageRequest,
    ) -> Result<Paged<QuoteSummary>, BuyingError> {
        if !received {
            return crate::store::quotes::page(&self.db, Some(who.user_id), &[], page)
                .await
                .map_err(internal);
        }
        if who.assisted_by.is_some() {
            return Err(BuyingError::Forbidden);
        }
        let providers = crate::store::orders::staff_providers(&self.db, who.user_id)
            .await
            .map_err(internal)?;
        if providers.is_empty() {
            return Err(BuyingError::Forbidden);
        }
        crate::store::quotes::page(&self.db, None, &providers, page)
            .await
            .map_err(internal)
    }

    async fn quote_request(
        &self,
        who: &SessionUser,
        reference: &str,
    ) -> Result<QuoteDetail, BuyingError> {
        quotes::detail(self, who, reference).await
    }

    async fn quote_action(
        &self,
        who: &SessionUser,
        reference: &str,
        form: &QuoteActionForm,
        client: &ClientInfo,
    ) -> Result<Option<String>, BuyingError> {
        quotes::act(self, who, reference, form, client).await
    }

    async fn demo_checkout(&self, gateway_ref: &str) -> Result<DemoCheckout, BuyingError> {
        let demo = self.demo.as_ref().ok_or(BuyingError::NotFound)?;
        let (amount_cents, description, status, return_url) = demo
            .session(gateway_ref)
            .await
            .map_err(|_| BuyingError::Gateway)?
            .ok_or(BuyingError::NotFound)?;
        Ok(DemoCheckout {
            gateway_ref: gateway_ref.to_string(),
            amount_cents,
            description,
            status,
            return_url,
        })
    }

    async fn demo_outcome(
        &self,
        gateway_ref: &str,
        outcome: DemoOutcome,
    ) -> Result<String, BuyingError> {
        let demo = self.demo.as_ref().ok_or(BuyingError::NotFound)?;
        let status = match outcome {
            DemoOutcome::Pay => "paid",
            DemoOutcome::Decline => "declined",
            DemoOutcome::Cancel => "cancelled",
        };
        demo.decide(gateway_ref, status)
            .await
            .map_err(|err| match err {
                crate::payments::GatewayError::Unknown => BuyingError::NotFound,
                _ => BuyingError::Gateway,
            })
    }
}
