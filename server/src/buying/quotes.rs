//! Quote requests: a citizen asks 1..5 providers (each through one of its services); each may
//! write, decline with a reason or make an offer; the citizen compares and buys one, which
//! becomes an order while every other open offer closes — in one transaction. The rules are
//! `domain::quotes::QuoteRequest`'s; this module loads the aggregate, asks it, and writes the
//! difference back if nobody changed the request meanwhile.

use app::i18n::Locale;
use app::model::{QuoteDetail, QuoteStart, SessionUser};
use app::ports::{BuyingError, ClientInfo, NewQuoteRequest, QuoteActionForm};
use domain::money::Money;
use domain::quotes::{
    MAX_PROVIDERS, Offer, OfferState, OfferTerms, QuoteError, QuoteRequest, Recipient,
    RecipientState, RequestState,
};
use time::{Duration, OffsetDateTime};

use super::{BuyingService, internal, mails, now};
use crate::mail::OutgoingMail;
use crate::mail::templates::letter;
use crate::store::orders::{
    self as order_store, PlaceError, Placement, PlannedLine, PlannedOrder, QuoteAcceptance,
};
use crate::store::quotes::{self as store, Change, Loaded, NEW_OFFER_ID, NewOffer, NewRequest};
use crate::store::{audit, cart as cart_store};

pub const MAX_DESCRIPTION: usize = 2_000;
pub const MAX_MESSAGE: usize = 2_000;

fn quote(e: QuoteError) -> BuyingError {
    BuyingError::Quote(e)
}

/// End of a day in Rome (`YYYY-MM-DD` 23:59), Unix seconds.
fn end_of_day(date: &str) -> Option<i64> {
    domain::rome_time::unix_from_rome_local(&format!("{}T23:59", date.trim()))
}

fn start_of_day(date: &str) -> Option<i64> {
    domain::rome_time::unix_from_rome_local(&format!("{}T00:00", date.trim()))
}

fn ts(t: OffsetDateTime) -> i64 {
    t.unix_timestamp()
}

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap_or_else(|_| now())
}

/// The domain's aggregate of a loaded request.
fn aggregate(l: &Loaded) -> QuoteRequest {
    QuoteRequest {
        state: RequestState::parse(&l.request.state).unwrap_or(RequestState::Closed),
        answer_by: ts(l.request.answer_by),
        recipients: l
            .recipients
            .iter()
            .map(|r| Recipient {
                provider_id: r.provider_id,
                state: RecipientState::parse(&r.state).unwrap_or(RecipientState::Waiting),
            })
            .collect(),
        offers: l
            .offers
            .iter()
            .map(|o| Offer {
                id: o.id,
                provider_id: o.provider_id,
                state: OfferState::parse(&o.state).unwrap_or(OfferState::Closed),
                terms: OfferTerms {
                    price: Money::from_cents(o.price_cents),
                    valid_until: ts(o.valid_until),
                    period_start: start_of_day(&o.period_start).unwrap_or(0),
                    period_end: end_of_day(&o.period_end).unwrap_or(0),
                },
            })
            .collect(),
    }
}

/// The writes that turn `before` into `after` (states of the request, recipients, offers).
fn change(l: &Loaded, after: &QuoteRequest, reasons: &[(i64, String)]) -> Change {
    let before = aggregate(l);
    Change {
        request_id: l.request.id,
        version: l.request.version,
        state: after.state.as_str().to_string(),
        recipients: after
            .recipients
            .iter()
            .filter(|r| {
                before
                    .recipients
                    .iter()
                    .any(|b| b.provider_id == r.provider_id && b.state != r.state)
            })
            .map(|r| {
                let reason = reasons
                    .iter()
                    .find(|(p, _)| *p == r.provider_id)
                    .map(|(_, x)| x.clone())
                    .unwrap_or_default();
                (r.provider_id, r.state.as_str().to_string(), reason)
            })
            .collect(),
        offers: after
            .offers
            .iter()
            .filter(|o| o.id != NEW_OFFER_ID)
            .filter(|o| {
                before
                    .offers
                    .iter()
                    .any(|b| b.id == o.id && b.state != o.state)
            })
            .map(|o| (o.id, o.state.as_str().to_string()))
            .collect(),
        ..Default::default()
    }
}

fn new_reference() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    let code: String = (0..6)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect();
    let (y, m, d, ..) = domain::rome_time::rome_from_unix(ts(now()));
    format!("PR-{y:04}{m:02}{d:02}-{code}")
}

pub(super) async fn start(s: &BuyingService, slug: &str) -> Result<QuoteStart, BuyingError> {
    let (service, others) = store::candidates(&s.db, slug, 20)
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)?;
    Ok(QuoteStart { service, others })
}

fn simple_mail(
    to: &str,
    name: &str,
    locale: Locale,
    subject: (&str, &str),
    lines: Vec<String>,
) -> OutgoingMail {
    let subject = match locale {
        Locale::It => subject.0.to_string(),
        Locale::En => subject.1.to_string(),
    };
    OutgoingMail::new(to, (subject, letter(locale, name, &lines)))
}

pub(super) async fn create(
    s: &BuyingService,
    who: &SessionUser,
    form: &NewQuoteRequest,
    locale: Locale,
    client: &ClientInfo,
) -> Result<String, BuyingError> {
    let description = form.description.trim();
    if description.chars().count() < 10 || description.chars().count() > MAX_DESCRIPTION {
        return Err(BuyingError::InvalidField("description"));
    }
    if !(1..=domain::pricing::MAX_PEOPLE).contains(&form.people) {
        return Err(BuyingError::InvalidField("people"));
    }
    if !super::cart::TIME_SLOTS.contains(&form.time_slot.as_str()) {
        return Err(BuyingError::InvalidField("time_slot"));
    }
    let today = super::today_in_rome();
    if let Some(date) = &form.preferred_date
        && (domain::date::Date::parse(date).is_none() || date.as_str() < today.as_str())
    {
        return Err(BuyingError::InvalidField("preferred_date"));
    }
    let phone = form.contact_phone.trim();
    if phone.len() > 20
        || !phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-./".contains(c))
    {
        return Err(BuyingError::InvalidField("contact_phone"));
    }
    let answer_by = end_of_day(&form.answer_by).ok_or(BuyingError::InvalidField("answer_by"))?;
    let mut ids = form.service_ids.clone();
    ids.dedup();
    if ids.len() > MAX_PROVIDERS {
        return Err(quote(QuoteError::TooManyProviders));
    }
    let services = store::services(&s.db, &ids).await.map_err(internal)?;
    if services.len() != ids.len() {
        return Err(BuyingError::NotFound);
    }
    let providers: Vec<i64> = services.iter().map(|c| c.provider_id).collect();
    QuoteRequest::new(&providers, answer_by, ts(now())).map_err(quote)?;
    let reference = new_reference();
    let emails = crate::store::quotes::provider_emails(&s.db, &providers)
        .await
        .map_err(internal)?;
    let mails = emails
        .iter()
        .map(|(name, email)| {
            simple_mail(
                email,
                name,
                Locale::It,
                ("Nuova richiesta di preventivo – WeMi", ""),
                vec![
                    format!("un cittadino vi chiede un preventivo (richiesta {reference})."),
                    format!(
                        "Potete rispondere entro le {}: {}/ente/preventivi/{reference}",
                        domain::rome_time::format_rome(answer_by),
                        s.public_url
                    ),
                ],
            )
        })
        .collect();
    let request = NewRequest {
        reference: reference.clone(),
        user_id: who.user_id,
        description: description.to_string(),
        people: form.people,
        preferred_date: form.preferred_date.clone(),
        time_slot: form.time_slot.clone(),
        contact_email: who.email.clone(),
        contact_phone: phone.to_string(),
        answer_by: at(answer_by),
        locale: locale.code().to_string(),
        recipients: services
            .iter()
            .map(|c| (c.provider_id, c.service_id))
            .collect(),
        mails,
        now: now(),
    };
    store::insert(&s.db, &request).await.map_err(internal)?;
    s.mail.wake();
    audit_action(s, who, client, "quote.requested", &reference, None).await;
    Ok(reference)
}

async fn audit_action(
    s: &BuyingService,
    who: &SessionUser,
    client: &ClientInfo,
    action: &str,
    target: &str,
    subject: Option<i64>,
) {
    audit::record_session_action(&s.db, who, client, action, subject, target, "").await;
}

/// The provider `who` answers for on this request, if they are staff of a recipient.
async fn staff_of(
    s: &BuyingService,
    who: &SessionUser,
    l: &Loaded,
) -> Result<Option<i64>, BuyingError> {
    if who.assisted_by.is_some() {
        return Ok(None);
    }
    let mine = order_store::staff_providers(&s.db, who.user_id)
        .await
        .map_err(internal)?;
    Ok(l.recipients
        .iter()
        .map(|r| r.provider_id)
        .find(|p| mine.contains(p)))
}

async fn load(s: &BuyingService, reference: &str) -> Result<Loaded, BuyingError> {
    store::load(&s.db, reference.trim())
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)
}

pub(super) async fn detail(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
) -> Result<QuoteDetail, BuyingError> {
    let l = load(s, reference).await?;
    let viewer = if l.request.user_id == Some(who.user_id) {
        None
    } else {
        let provider = staff_of(s, who, &l).await?.ok_or(BuyingError::NotFound)?;
        audit_action(
            s,
            who,
            &ClientInfo::default(),
            "quote.viewed",
            &l.request.reference,
            l.request.user_id,
        )
        .await;
        Some(provider)
    };
    let mine = |p: i64| viewer.is_none_or(|v| v == p);
    let r = &l.request;
    Ok(QuoteDetail {
        reference: r.reference.clone(),
        description: r.description.clone(),
        people: r.people,
        preferred_date: r.preferred_date.clone(),
        time_slot: r.time_slot.clone(),
        contact_email: r.contact_email.clone(),
        contact_phone: r.contact_phone.clone(),
        customer_name: r.customer_name.clone(),
        state: r.state.clone(),
        answer_by: crate::store::accounts::rfc3339(r.answer_by),
        created_at: crate::store::accounts::rfc3339(r.created_at),
        order_reference: if viewer.is_none() {
            r.order_reference.clone()
        } else {
            None
        },
        recipients: l
            .recipient_views()
            .into_iter()
            .filter(|x| mine(x.provider_id))
            .collect(),
        offers: l
            .offers
            .iter()
            .filter(|o| mine(o.provider_id))
            .map(|o| o.view())
            .collect(),
        messages: l
            .messages
            .iter()
            .filter(|m| mine(m.provider_id))
            .cloned()
            .collect(),
        viewer_provider_id: viewer,
    })
}

fn text_of(value: &str, max: usize, field: &'static str) -> Result<String, BuyingError> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(BuyingError::InvalidField(field));
    }
    Ok(value.to_string())
}

pub(super) async fn act(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
    form: &QuoteActionForm,
    client: &ClientInfo,
) -> Result<Option<String>, BuyingError> {
    let l = load(s, reference).await?;
    let citizen = l.request.user_id == Some(who.user_id);
    let provider = if citizen {
        None
    } else {
        staff_of(s, who, &l).await?
    };
    if !citizen && provider.is_none() {
        return Err(BuyingError::NotFound);
    }
    let now_ts = ts(now());
    let mut q = aggregate(&l);
    let locale = Locale::from_code(&l.request.locale).unwrap_or_default();
    let citizen_link = format!(
        "{}/area-personale/preventivi/{}",
        s.public_url, l.request.reference
    );
    let provider_link = format!("{}/ente/preventivi/{}", s.public_url, l.request.reference);
    let to_citizen = |subject: (&str, &str), line: String| {
        simple_mail(
            &l.request.contact_email,
            &l.request.customer_name,
            locale,
            subject,
            vec![line, citizen_link.clone()],
        )
    };
    let provider_mail = |provider_id: i64, line: String| {
        l.recipients
            .iter()
            .find(|r| r.provider_id == provider_id)
            .map(|r| {
                simple_mail(
                    &r.provider_email,
                    &r.provider_name,
                    Locale::It,
                    ("Richiesta di preventivo aggiornata – WeMi", ""),
                    vec![line, provider_link.clone()],
                )
            })
    };
    let mut reasons = Vec::new();
    let mut new_offer = None;
    let mut message = None;
    let mut mails = Vec::new();
    match (form.action.as_str(), provider) {
        ("message", Some(p)) => {
            let body = text_of(&form.body, MAX_MESSAGE, "body")?;
            mails.push(to_citizen(
                (
                    "Nuovo messaggio sulla tua richiesta di preventivo – WeMi",
                    "New message about your quote request – WeMi",
                ),
                format!(
                    "{}: {body}",
                    l.recipients
                        .iter()
                        .find(|r| r.provider_id == p)
                        .map(|r| r.provider_name.as_str())
                        .unwrap_or("")
                ),
            ));
            message = Some((p, false, who.user_id, body));
        }
        ("message", None) => {
            let p = form
                .provider_id
                .filter(|p| l.recipients.iter().any(|r| r.provider_id == *p))
                .ok_or(BuyingError::InvalidField("provider_id"))?;
            let body = text_of(&form.body, MAX_MESSAGE, "body")?;
            mails.extend(provider_mail(p, format!("il cittadino ha scritto: {body}")));
            message = Some((p, true, who.user_id, body));
        }
        ("decline", Some(p)) => {
            let reason = domain::quotes::validate_reason(&form.reason)
                .map_err(quote)?
                .to_string();
            q.decline_request(p, &reason, now_ts).map_err(quote)?;
            mails.push(to_citizen(
                (
                    "Un ente non può rispondere alla tua richiesta – WeMi",
                    "A provider cannot answer your request – WeMi",
                ),
                reason.clone(),
            ));
            reasons.push((p, reason));
        }
        ("offer", Some(p)) => {
            let price = Money::parse(&form.price.trim().replace(',', "."))
                .map_err(|_| quote(QuoteError::PriceNotPositive))?;
            let valid_until =
                end_of_day(&form.valid_until).ok_or(BuyingError::InvalidField("valid_until"))?;
            let period_start = start_of_day(&form.period_start)
                .ok_or(BuyingError::InvalidField("period_start"))?;
            let period_end =
                end_of_day(&form.period_end).ok_or(BuyingError::InvalidField("period_end"))?;
            if !super::cart::TIME_SLOTS.contains(&form.time_slot.as_str()) {
                return Err(BuyingError::InvalidField("time_slot"));
            }
            let operator = form.operator_name.trim();
            let notes = form.notes.trim();
            if operator.chars().count() > 120 || notes.chars().count() > MAX_MESSAGE {
                return Err(BuyingError::InvalidField("notes"));
            }
            let terms = OfferTerms {
                price,
                valid_until,
                period_start,
                period_end,
            };
            q.add_offer(NEW_OFFER_ID, p, terms, now_ts).map_err(quote)?;
            new_offer = Some(NewOffer {
                provider_id: p,
                price_cents: price.to_cents(),
                valid_until: at(valid_until),
                period_start: form.period_start.trim().to_string(),
                period_end: form.period_end.trim().to_string(),
                time_slot: form.time_slot.clone(),
                operator_name: operator.to_string(),
                notes: notes.to_string(),
            });
            mails.push(to_citizen(
                (
                    "Hai ricevuto un'offerta – WeMi",
                    "You have received an offer – WeMi",
                ),
                format!("€ {}", price.format_it()),
            ));
        }
        ("withdraw_offer", Some(p)) => {
            let offer = form.offer_id.ok_or(BuyingError::InvalidField("offer_id"))?;
            q.withdraw_offer(offer, p, now_ts).map_err(quote)?;
        }
        ("decline_offer", None) => {
            let offer = form.offer_id.ok_or(BuyingError::InvalidField("offer_id"))?;
            q.decline_offer(offer, now_ts).map_err(quote)?;
            if let Some(o) = l.offers.iter().find(|o| o.id == offer) {
                mails.extend(provider_mail(
                    o.provider_id,
                    "il cittadino ha rifiutato la vostra offerta.".into(),
                ));
            }
        }
        ("withdraw_request", None) => {
            q.withdraw_request(now_ts).map_err(quote)?;
        }
        ("accept_offer", None) => {
            let offer = form.offer_id.ok_or(BuyingError::InvalidField("offer_id"))?;
            return accept(s, who, &l, q, offer, locale, client).await.map(Some);
        }
        _ => return Err(BuyingError::NotAllowedNow),
    }
    let mut c = change(&l, &q, &reasons);
    c.new_offer = new_offer;
    c.message = message;
    c.mails = mails;
    match store::apply(&s.db, &c, now()).await.map_err(internal)? {
        Some(_) => {}
        None => return Err(BuyingError::NotAllowedNow),
    }
    s.mail.wake();
    let action = format!("quote.{}", form.action);
    audit_action(
        s,
        who,
        client,
        &action,
        &l.request.reference,
        l.request.user_id,
    )
    .await;
    Ok(None)
}

/// The citizen buys an offer: the order is created, the offer accepted and every other open
/// offer closed, in one transaction.
async fn accept(
    s: &BuyingService,
    who: &SessionUser,
    l: &Loaded,
    mut q: QuoteRequest,
    offer_id: i64,
    locale: Locale,
    client: &ClientInfo,
) -> Result<String, BuyingError> {
    let key = format!("quote-{}-{offer_id}", l.request.id);
    let existing = order_store::by_checkout_key(&s.db, who.user_id, &key)
        .await
        .map_err(internal)?;
    if let Some(first) = existing.first() {
        return Ok(first.clone());
    }
    q.accept_offer(offer_id, ts(now())).map_err(quote)?;
    let offer = l
        .offers
        .iter()
        .find(|o| o.id == offer_id)
        .ok_or(BuyingError::NotFound)?;
    let recipient = l
        .recipients
        .iter()
        .find(|r| r.provider_id == offer.provider_id)
        .ok_or(BuyingError::NotFound)?;
    let c = change(l, &q, &[]);
    // Billing data: the checkout draft if the person filled one, else the account's.
    let cart = cart_store::for_user(&s.db, who.user_id, now())
        .await
        .map_err(internal)?;
    let draft = cart_store::draft(&s.db, cart).await.map_err(internal)?;
    let draft = super::checkout::validate_draft(&draft).unwrap_or(app::model::CheckoutDraft {
        billing_name: who.name.clone(),
        billing_email: who.email.clone(),
        payment_method: "card".into(),
        ..Default::default()
    });
    let created = now();
    let due = created + Duration::seconds(domain::orders::timing::DEFAULT_PAYMENT_WINDOW_SECS);
    let reference = {
        use rand::Rng;
        const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        let mut rng = rand::thread_rng();
        let code: String = (0..6)
            .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
            .collect();
        let (y, m, d, ..) = domain::rome_time::rome_from_unix(ts(created));
        format!("WM-{y:04}{m:02}{d:02}-{code}")
    };
    let mails = vec![
        mails::placed(
            locale,
            &draft.billing_email,
            &draft.billing_name,
            &reference,
            &recipient.provider_name,
            offer.price_cents,
            false,
            &domain::rome_time::format_rome(ts(due)),
            &format!("{}/area-personale/ordini/{reference}", s.public_url),
        ),
        mails::provider_new_order(
            &recipient.provider_email,
            &recipient.provider_name,
            &reference,
            &format!("{}/ente/ordini/{reference}", s.public_url),
        ),
    ];
    let placement = Placement {
        user_id: who.user_id,
        cart_id: None,
        quote: Some(QuoteAcceptance {
            request_id: l.request.id,
            version: l.request.version,
            request_state: c.state.clone(),
            offer_states: c.offers.clone(),
        }),
        checkout_key: key,
        locale: locale.code().to_string(),
        billing_name: draft.billing_name.clone(),
        billing_fiscal_code: draft.billing_fiscal_code.clone(),
        billing_address: draft.billing_address.clone(),
        billing_email: draft.billing_email.clone(),
        billing_phone: draft.billing_phone.clone(),
        orders: vec![PlannedOrder {
            reference,
            provider_id: offer.provider_id,
            payment_method: "card".into(),
            gateway: Some(s.gateway.name().to_string()),
            total_cents: offer.price_cents,
            voucher_debits: Vec::new(),
            payment_due_at: due,
            lines: vec![PlannedLine {
                service_id: recipient.service_id,
                service_name: recipient.service_name_it.clone(),
                unit: recipient.unit.clone(),
                quantity: 1,
                people: l.request.people,
                preferred_date: Some(offer.period_start.clone()),
                time_slot: offer.time_slot.clone(),
                notes: format!(
                    "Preventivo {}: {} – {}{}",
                    l.request.reference,
                    offer.period_start,
                    offer.period_end,
                    if offer.operator_name.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", offer.operator_name)
                    }
                ),
                unit_price_cents: offer.price_cents,
                total_cents: offer.price_cents,
                voucher_eligible: false,
                shared: None,
            }],
            mails,
        }],
        now: created,
    };
    let references = match order_store::place(&s.db, &placement).await {
        Ok(refs) => refs,
        Err(PlaceError::Stale) => return Err(BuyingError::NotAllowedNow),
        Err(PlaceError::Seats) => return Err(BuyingError::SeatsUnavailable),
        Err(PlaceError::Vouchers) => return Err(BuyingError::VoucherBalance),
        Err(PlaceError::Store(e)) => return Err(internal(e)),
    };
    s.mail.wake();
    audit_action(
        s,
        who,
        client,
        "quote.accept_offer",
        &l.request.reference,
        l.request.user_id,
    )
    .await;
    references.into_iter().next().ok_or(BuyingError::Internal)
}

/// The scheduled job: offers and requests past their deadlines expire. Returns how many
/// requests changed.
pub async fn expire_due(s: &BuyingService) -> Result<usize, BuyingError> {
    let mut changed = 0;
    for id in store::due(&s.db, now()).await.map_err(internal)? {
        let Some(l) = store::load_by_id(&s.db, id).await.map_err(internal)? else {
            continue;
        };
        let mut q = aggregate(&l);
        q.expire(ts(now()));
        let c = change(&l, &q, &[]);
        if c.state == l.request.state && c.offers.is_empty() {
            continue;
        }
        if store::apply(&s.db, &c, now())
            .await
            .map_err(internal)?
            .is_some()
        {
            changed += 1;
        }
    }
    Ok(changed)
}

/// Largest quote document a provider may attach.
pub const MAX_OFFER_PDF_BYTES: usize = 5 * 1024 * 1024;

/// The provider attaches its quote document (a PDF) to one of its pending offers.
pub async fn attach_offer_pdf(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
    offer_id: i64,
    pdf: &[u8],
    client: &ClientInfo,
) -> Result<(), BuyingError> {
    let l = load(s, reference).await?;
    let provider = staff_of(s, who, &l).await?.ok_or(BuyingError::NotFound)?;
    if !l
        .offers
        .iter()
        .any(|o| o.id == offer_id && o.provider_id == provider)
    {
        return Err(BuyingError::NotFound);
    }
    // A PDF by its signature, not by the name or type the browser claims.
    if pdf.is_empty() || pdf.len() > MAX_OFFER_PDF_BYTES || !pdf.starts_with(b"%PDF-") {
        return Err(BuyingError::InvalidField("pdf"));
    }
    if !store::set_offer_pdf(&s.db, offer_id, provider, pdf)
        .await
        .map_err(internal)?
    {
        return Err(BuyingError::NotAllowedNow);
    }
    audit_action(
        s,
        who,
        client,
        "quote.offer_pdf",
        &l.request.reference,
        l.request.user_id,
    )
    .await;
    Ok(())
}

/// An offer's quote document, for the citizen who asked and the provider who offered.
pub async fn offer_pdf(
    s: &BuyingService,
    who: &SessionUser,
    reference: &str,
    offer_id: i64,
) -> Result<Vec<u8>, BuyingError> {
    let l = load(s, reference).await?;
    let offer = l
        .offers
        .iter()
        .find(|o| o.id == offer_id)
        .ok_or(BuyingError::NotFound)?;
    let allowed = l.request.user_id == Some(who.user_id)
        || staff_of(s, who, &l).await? == Some(offer.provider_id);
    if !allowed {
        return Err(BuyingError::NotFound);
    }
    store::offer_pdf(&s.db, offer_id)
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)
}
