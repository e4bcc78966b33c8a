//! Quote requests, their recipients, offers and messages (both engines). A request is loaded
//! whole (the domain's aggregate decides), and written back only if nobody changed it
//! meanwhile (`version`).

use app::model::{
    QuoteCandidate, QuoteMessageView, QuoteOfferView, QuoteRecipientView, QuoteSummary,
};
use app::ports::StoreError;
use time::OffsetDateTime;

use super::accounts::rfc3339;
use super::outbox::enqueue_in;
use super::{Db, backend, on_pool};
use crate::mail::OutgoingMail;

const CANDIDATE: &str = "SELECT s.id AS service_id, s.slug AS service_slug, \
     s.name_it AS service_name_it, s.name_en AS service_name_en, s.provider_id, \
     p.name AS provider_name FROM services s JOIN providers p ON p.id = s.provider_id";

#[derive(sqlx::FromRow)]
struct CandidateRow {
    service_id: i64,
    service_slug: String,
    service_name_it: String,
    service_name_en: String,
    provider_id: i64,
    provider_name: String,
}

impl From<CandidateRow> for QuoteCandidate {
    fn from(r: CandidateRow) -> QuoteCandidate {
        QuoteCandidate {
            service_id: r.service_id,
            service_slug: r.service_slug,
            service_name_it: r.service_name_it,
            service_name_en: r.service_name_en,
            provider_id: r.provider_id,
            provider_name: r.provider_name,
        }
    }
}

/// A published service by slug, and up to `limit` published services of other providers in
/// its category.
pub async fn candidates(
    db: &Db,
    slug: &str,
    limit: i64,
) -> Result<Option<(QuoteCandidate, Vec<QuoteCandidate>)>, StoreError> {
    let one = format!("{CANDIDATE} WHERE s.slug = $1 AND s.status = 'validated'");
    let Some(service) = on_pool!(db, pool => sqlx::query_as::<_, CandidateRow>(&one)
        .bind(slug).fetch_optional(pool).await)
    .map_err(backend)?
    else {
        return Ok(None);
    };
    let others = format!(
        "{CANDIDATE} WHERE s.status = 'validated' AND s.provider_id <> $1 \
         AND s.category_id = (SELECT category_id FROM services WHERE id = $2) \
         ORDER BY p.name, s.id LIMIT $3"
    );
    let others = on_pool!(db, pool => sqlx::query_as::<_, CandidateRow>(&others)
        .bind(service.provider_id).bind(service.service_id).bind(limit).fetch_all(pool).await)
    .map_err(backend)?;
    Ok(Some((
        service.into(),
        others.into_iter().map(QuoteCandidate::from).collect(),
    )))
}

/// Published services by id (those a new request names).
pub async fn services(db: &Db, ids: &[i64]) -> Result<Vec<QuoteCandidate>, StoreError> {
    let mut out = Vec::new();
    let sql = format!("{CANDIDATE} WHERE s.id = $1 AND s.status = 'validated'");
    for id in ids {
        if let Some(row) = on_pool!(db, pool => sqlx::query_as::<_, CandidateRow>(&sql)
            .bind(id).fetch_optional(pool).await)
        .map_err(backend)?
        {
            out.push(row.into());
        }
    }
    Ok(out)
}

#[derive(Clone, Debug)]
pub struct NewRequest {
    pub reference: String,
    pub user_id: i64,
    pub description: String,
    pub people: i64,
    pub preferred_date: Option<String>,
    pub time_slot: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub answer_by: OffsetDateTime,
    pub locale: String,
    /// (provider, service) of each recipient.
    pub recipients: Vec<(i64, i64)>,
    pub mails: Vec<OutgoingMail>,
    pub now: OffsetDateTime,
}

pub async fn insert(db: &Db, r: &NewRequest) -> Result<i64, StoreError> {
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO quote_requests (reference, user_id, description, people, preferred_date, \
             time_slot, contact_email, contact_phone, state, answer_by, locale, created_at, \
             updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11, $11) \
             RETURNING id",
        )
        .bind(&r.reference).bind(r.user_id).bind(&r.description).bind(r.people)
        .bind(&r.preferred_date).bind(&r.time_slot).bind(&r.contact_email).bind(&r.contact_phone)
        .bind(r.answer_by).bind(&r.locale).bind(r.now)
        .fetch_one(&mut *tx).await?;
        for (provider, service) in &r.recipients {
            sqlx::query(
                "INSERT INTO quote_recipients (request_id, provider_id, service_id, state) \
                 VALUES ($1, $2, $3, 'waiting')",
            )
            .bind(id).bind(provider).bind(service).execute(&mut *tx).await?;
        }
        for mail in &r.mails {
            enqueue_in(&mut *tx, mail).await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(id)
    }.await)
    .map_err(backend)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub reference: String,
    pub user_id: Option<i64>,
    pub customer_name: String,
    pub description: String,
    pub people: i64,
    pub preferred_date: Option<String>,
    pub time_slot: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub state: String,
    pub answer_by: OffsetDateTime,
    pub version: i64,
    pub locale: String,
    pub order_reference: Option<String>,
    pub created_at: OffsetDateTime,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RecipientRow {
    pub provider_id: i64,
    pub provider_name: String,
    pub provider_email: String,
    pub service_id: i64,
    pub service_slug: String,
    pub service_name_it: String,
    pub service_name_en: String,
    pub unit: String,
    pub state: String,
    pub decline_reason: String,
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct OfferRow {
    pub id: i64,
    pub provider_id: i64,
    pub provider_name: String,
    pub state: String,
    pub price_cents: i64,
    pub valid_until: OffsetDateTime,
    pub period_start: String,
    pub period_end: String,
    pub time_slot: String,
    pub operator_name: String,
    pub notes: String,
    pub has_pdf: bool,
}

impl OfferRow {
    pub fn view(&self) -> QuoteOfferView {
        QuoteOfferView {
            id: self.id,
            provider_id: self.provider_id,
            provider_name: self.provider_name.clone(),
            state: self.state.clone(),
            price_cents: self.price_cents,
            valid_until: rfc3339(self.valid_until),
            period_start: self.period_start.clone(),
            period_end: self.period_end.clone(),
            time_slot: self.time_slot.clone(),
            operator_name: self.operator_name.clone(),
            notes: self.notes.clone(),
            has_pdf: self.has_pdf,
        }
    }
}

/// A request with everything around it.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub request: RequestRow,
    pub recipients: Vec<RecipientRow>,
    pub offers: Vec<OfferRow>,
    pub messages: Vec<QuoteMessageView>,
}

impl Loaded {
    pub fn recipient_views(&self) -> Vec<QuoteRecipientView> {
        self.recipients
            .iter()
            .map(|r| QuoteRecipientView {
                provider_id: r.provider_id,
                provider_name: r.provider_name.clone(),
                service_slug: r.service_slug.clone(),
                service_name_it: r.service_name_it.clone(),
                service_name_en: r.service_name_en.clone(),
                state: r.state.clone(),
                decline_reason: r.decline_reason.clone(),
            })
            .collect()
    }
}

const REQUEST: &str = "SELECT q.id, q.reference, q.user_id, COALESCE(u.name, '') AS customer_name, \
     q.description, q.people, q.preferred_date, q.time_slot, q.contact_email, q.contact_phone, \
     q.state, q.answer_by, q.version, q.locale, o.reference AS order_reference, q.created_at \
     FROM quote_requests q LEFT JOIN users u ON u.id = q.user_id \
     LEFT JOIN orders o ON o.id = q.order_id";

pub async fn load(db: &Db, reference: &str) -> Result<Option<Loaded>, StoreError> {
    let sql = format!("{REQUEST} WHERE q.reference = $1");
    let Some(request) = on_pool!(db, pool => sqlx::query_as::<_, RequestRow>(&sql)
        .bind(reference).fetch_optional(pool).await)
    .map_err(backend)?
    else {
        return Ok(None);
    };
    load_rest(db, request).await.map(Some)
}

pub async fn load_by_id(db: &Db, id: i64) -> Result<Option<Loaded>, StoreError> {
    let sql = format!("{REQUEST} WHERE q.id = $1");
    let Some(request) = on_pool!(db, pool => sqlx::query_as::<_, RequestRow>(&sql)
        .bind(id).fetch_optional(pool).await)
    .map_err(backend)?
    else {
        return Ok(None);
    };
    load_rest(db, request).await.map(Some)
}

async fn load_rest(db: &Db, request: RequestRow) -> Result<Loaded, StoreError> {
    #[derive(sqlx::FromRow)]
    struct MessageRow {
        provider_id: i64,
        provider_name: String,
        from_citizen: bool,
        body: String,
        created_at: OffsetDateTime,
    }
    let id = request.id;
    let (recipients, offers, messages) = on_pool!(db, pool => async {
        let recipients = sqlx::query_as::<_, RecipientRow>(
            "SELECT r.provider_id, p.name AS provider_name, p.email AS provider_email, \
             r.service_id, s.slug AS service_slug, s.name_it AS service_name_it, \
             s.name_en AS service_name_en, s.unit, r.state, r.decline_reason \
             FROM quote_recipients r JOIN providers p ON p.id = r.provider_id \
             JOIN services s ON s.id = r.service_id WHERE r.request_id = $1 ORDER BY p.name",
        )
        .bind(id).fetch_all(pool).await?;
        let offers = sqlx::query_as::<_, OfferRow>(
            "SELECT f.id, f.provider_id, p.name AS provider_name, f.state, f.price_cents, \
             f.valid_until, f.period_start, f.period_end, f.time_slot, f.operator_name, f.notes, \
             f.pdf IS NOT NULL AS has_pdf \
             FROM quote_offers f JOIN providers p ON p.id = f.provider_id \
             WHERE f.request_id = $1 ORDER BY f.id",
        )
        .bind(id).fetch_all(pool).await?;
        let messages = sqlx::query_as::<_, MessageRow>(
            "SELECT m.provider_id, p.name AS provider_name, m.from_citizen, m.body, m.created_at \
             FROM quote_messages m JOIN providers p ON p.id = m.provider_id \
             WHERE m.request_id = $1 ORDER BY m.id",
        )
        .bind(id).fetch_all(pool).await?;
        Ok::<_, sqlx::Error>((recipients, offers, messages))
    }.await)
    .map_err(backend)?;
    Ok(Loaded {
        request,
        recipients,
        offers,
        messages: messages
            .into_iter()
            .map(|m| QuoteMessageView {
                provider_id: m.provider_id,
                provider_name: m.provider_name,
                from_citizen: m.from_citizen,
                body: m.body,
                created_at: rfc3339(m.created_at),
            })
            .collect(),
    })
}

/// A new offer to insert with a change.
#[derive(Clone, Debug)]
pub struct NewOffer {
    pub provider_id: i64,
    pub price_cents: i64,
    pub valid_until: OffsetDateTime,
    pub period_start: String,
    pub period_end: String,
    pub time_slot: String,
    pub operator_name: String,
    pub notes: String,
}

/// What one action on a request writes, only if the request is still at `version`.
#[derive(Clone, Debug, Default)]
pub struct Change {
    pub request_id: i64,
    pub version: i64,
    pub state: String,
    pub recipients: Vec<(i64, String, String)>,
    pub offers: Vec<(i64, String)>,
    pub new_offer: Option<NewOffer>,
    /// (provider, from the citizen, author, body).
    pub message: Option<(i64, bool, i64, String)>,
    pub mails: Vec<OutgoingMail>,
}

/// Applies a change; false when the request changed meanwhile (nothing written). Returns the
/// new offer's id when there is one.
pub async fn apply(
    db: &Db,
    c: &Change,
    now: OffsetDateTime,
) -> Result<Option<Option<i64>>, StoreError> {
    let result: Result<Option<Option<i64>>, sqlx::Error> = on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let current = sqlx::query(
            "UPDATE quote_requests SET version = version + 1, state = $1, updated_at = $2 \
             WHERE id = $3 AND version = $4",
        )
        .bind(&c.state).bind(now).bind(c.request_id).bind(c.version)
        .execute(&mut *tx).await?.rows_affected();
        if current != 1 {
            return Ok(None);
        }
        for (provider, state, reason) in &c.recipients {
            sqlx::query(
                "UPDATE quote_recipients SET state = $1, decline_reason = $2 \
                 WHERE request_id = $3 AND provider_id = $4",
            )
            .bind(state).bind(reason).bind(c.request_id).bind(provider)
            .execute(&mut *tx).await?;
        }
        for (offer, state) in &c.offers {
            sqlx::query("UPDATE quote_offers SET state = $1 WHERE id = $2 AND request_id = $3")
                .bind(state).bind(offer).bind(c.request_id).execute(&mut *tx).await?;
        }
        let mut new_id = None;
        if let Some(o) = &c.new_offer {
            new_id = Some(sqlx::query_scalar::<_, i64>(
                "INSERT INTO quote_offers (request_id, provider_id, state, price_cents, \
                 valid_until, period_start, period_end, time_slot, operator_name, notes, \
                 created_at) VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10) \
                 RETURNING id",
            )
            .bind(c.request_id).bind(o.provider_id).bind(o.price_cents).bind(o.valid_until)
            .bind(&o.period_start).bind(&o.period_end).bind(&o.time_slot)
            .bind(&o.operator_name).bind(&o.notes).bind(now)
            .fetch_one(&mut *tx).await?);
        }
        if let Some((provider, from_citizen, author, body)) = &c.message {
            sqlx::query(
                "INSERT INTO quote_messages (request_id, provider_id, from_citizen, \
                 author_user_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(c.request_id).bind(provider).bind(from_citizen).bind(author).bind(body)
            .bind(now).execute(&mut *tx).await?;
        }
        for mail in &c.mails {
            enqueue_in(&mut *tx, mail).await?;
        }
        tx.commit().await?;
        Ok(Some(new_id))
    }.await);
    result.map_err(backend)
}

/// The next id an offer will get is the database's; the domain needs one before inserting,
/// so offers are added to the aggregate with this placeholder and renumbered after.
pub const NEW_OFFER_ID: i64 = i64::MAX;

/// Requests of a person, or received by providers, newest first.
pub async fn page(
    db: &Db,
    user_id: Option<i64>,
    provider_ids: &[i64],
    page: app::model::PageRequest,
) -> Result<app::model::Paged<QuoteSummary>, StoreError> {
    let filter = match user_id {
        Some(id) => format!("q.user_id = {id}"),
        None if provider_ids.is_empty() => "1 = 0".into(),
        None => format!(
            "q.id IN (SELECT request_id FROM quote_recipients WHERE provider_id IN ({}))",
            provider_ids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        ),
    };
    #[derive(sqlx::FromRow)]
    struct Row {
        reference: String,
        description: String,
        state: String,
        answer_by: OffsetDateTime,
        created_at: OffsetDateTime,
        recipients: i64,
        offers: i64,
    }
    let sql = format!(
        "SELECT q.reference, q.description, q.state, q.answer_by, q.created_at, \
         (SELECT COUNT(*) FROM quote_recipients r WHERE r.request_id = q.id) AS recipients, \
         (SELECT COUNT(*) FROM quote_offers f WHERE f.request_id = q.id) AS offers \
         FROM quote_requests q WHERE {filter} ORDER BY q.created_at DESC, q.id DESC \
         LIMIT $1 OFFSET $2"
    );
    let count = format!("SELECT COUNT(*) FROM quote_requests q WHERE {filter}");
    let (rows, total) = on_pool!(db, pool => async {
        let rows = sqlx::query_as::<_, Row>(&sql)
            .bind(i64::from(page.per_page)).bind(page.offset()).fetch_all(pool).await?;
        let total: i64 = sqlx::query_scalar(&count).fetch_one(pool).await?;
        Ok::<_, sqlx::Error>((rows, total))
    }.await)
    .map_err(backend)?;
    Ok(app::model::Paged {
        total,
        page: page.page,
        per_page: page.per_page,
        items: rows
            .into_iter()
            .map(|r| QuoteSummary {
                reference: r.reference,
                description: r.description,
                state: r.state,
                answer_by: rfc3339(r.answer_by),
                created_at: rfc3339(r.created_at),
                recipients: r.recipients,
                offers: r.offers,
            })
            .collect(),
    })
}

/// Live requests with a deadline passed (answer deadline, or a pending offer's).
pub async fn due(db: &Db, now: OffsetDateTime) -> Result<Vec<i64>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "SELECT q.id FROM quote_requests q WHERE q.state IN ('open', 'answered') AND \
         (q.answer_by <= $1 OR EXISTS (SELECT 1 FROM quote_offers f WHERE f.request_id = q.id \
          AND f.state = 'pending' AND f.valid_until <= $1)) ORDER BY q.id LIMIT 200"
    ).bind(now).fetch_all(pool).await)
    .map_err(backend)
}

/// Names and e-mail addresses of providers, for notices.
pub async fn provider_emails(db: &Db, ids: &[i64]) -> Result<Vec<(String, String)>, StoreError> {
    let mut out = Vec::new();
    for id in ids {
        let row = on_pool!(db, pool => sqlx::query_as::<_, (String, String)>(
            "SELECT name, email FROM providers WHERE id = $1"
        ).bind(id).fetch_optional(pool).await)
        .map_err(backend)?;
        out.extend(row);
    }
    Ok(out)
}

/// Attaches the provider's quote document to a pending offer of its own; `false` when the
/// offer is not (any more) a pending offer of that provider.
pub async fn set_offer_pdf(
    db: &Db,
    offer_id: i64,
    provider_id: i64,
    pdf: &[u8],
) -> Result<bool, StoreError> {
    on_pool!(db, pool => sqlx::query(
        "UPDATE quote_offers SET pdf = $1 WHERE id = $2 AND provider_id = $3 AND state = 'pending'"
    ).bind(pdf).bind(offer_id).bind(provider_id).execute(pool).await.map(|r| r.rows_affected() == 1))
    .map_err(backend)
}

/// The quote document of an offer, if one was attached.
pub async fn offer_pdf(db: &Db, offer_id: i64) -> Result<Option<Vec<u8>>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, Option<Vec<u8>>>(
        "SELECT pdf FROM quote_offers WHERE id = $1"
    ).bind(offer_id).fetch_optional(pool).await)
    .map(Option::flatten)
    .map_err(backend)
}
