//! The city's voucher files: a valid file's vouchers are written in one transaction with the
//! record of the upload; a refused file leaves only its record (both engines).

use app::ports::StoreError;
use time::OffsetDateTime;

use super::{Db, backend, on_pool};

/// One voucher of a file, checked by `domain::vouchers::import`.
pub struct NewVoucher {
    /// The file's line, to name it if the person already has this voucher.
    pub line: usize,
    pub fiscal_code: String,
    pub scheme: String,
    pub amount_cents: i64,
    pub valid_from: String,
    pub valid_until: String,
}

pub enum ImportOutcome {
    Imported(i64),
    /// The same file was imported before (that import's id).
    AlreadyImported(i64),
    /// These lines' vouchers exist already (same person, scheme and period).
    AlreadyAssigned(Vec<usize>),
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ImportRow {
    pub id: i64,
    pub filename: String,
    pub state: String,
    pub row_count: i64,
    pub total_cents: i64,
    pub errors: String,
    pub user_name: String,
    pub created_at: OffsetDateTime,
}

const SELECT: &str = "SELECT i.id, i.filename, i.state, i.row_count, i.total_cents, i.errors, \
     COALESCE(u.name, '') AS user_name, i.created_at \
     FROM voucher_imports i LEFT JOIN users u ON u.id = i.user_id";

pub async fn import(
    db: &Db,
    digest: &str,
    filename: &str,
    user_id: i64,
    vouchers: &[NewVoucher],
    now: OffsetDateTime,
) -> Result<ImportOutcome, StoreError> {
    let total: i64 = vouchers.iter().map(|v| v.amount_cents).sum();
    on_pool!(db, pool => async {
        let mut tx = pool.begin().await?;
        let earlier: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM voucher_imports WHERE digest = $1 AND state = 'imported'",
        )
        .bind(digest).fetch_optional(&mut *tx).await?;
        if let Some(id) = earlier {
            return Ok(ImportOutcome::AlreadyImported(id));
        }
        let mut assigned = Vec::new();
        for v in vouchers {
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM vouchers WHERE fiscal_code = $1 AND scheme = $2 \
                 AND valid_from = $3 AND valid_until = $4 LIMIT 1",
            )
            .bind(&v.fiscal_code).bind(&v.scheme).bind(&v.valid_from).bind(&v.valid_until)
            .fetch_optional(&mut *tx).await?;
            if found.is_some() {
                assigned.push(v.line);
            }
        }
        if !assigned.is_empty() {
            return Ok(ImportOutcome::AlreadyAssigned(assigned));
        }
        // A concurrent upload of the same file loses on the unique index and rolls back.
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO voucher_imports (digest, filename, state, row_count, total_cents, \
             user_id, created_at) VALUES ($1, $2, 'imported', $3, $4, $5, $6) RETURNING id",
        )
        .bind(digest).bind(filename).bind(vouchers.len() as i64).bind(total).bind(user_id)
        .bind(now).fetch_one(&mut *tx).await?;
        for v in vouchers {
            let voucher: i64 = sqlx::query_scalar(
                "INSERT INTO vouchers (fiscal_code, scheme, amount_cents, balance_cents, \
                 valid_from, valid_until, imported_at, import_id) \
                 VALUES ($1, $2, $3, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(&v.fiscal_code).bind(&v.scheme).bind(v.amount_cents).bind(&v.valid_from)
            .bind(&v.valid_until).bind(now).bind(id).fetch_one(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO voucher_ledger (voucher_id, kind, amount_cents, at) \
                 VALUES ($1, 'assigned', $2, $3)",
            )
            .bind(voucher).bind(v.amount_cents).bind(now).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(ImportOutcome::Imported(id))
    }.await)
    .map_err(backend)
}

/// Records a refused file with its problems (JSON), for the office to read.
pub async fn refused(
    db: &Db,
    digest: &str,
    filename: &str,
    user_id: i64,
    errors_json: &str,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "INSERT INTO voucher_imports (digest, filename, state, errors, user_id, created_at) \
         VALUES ($1, $2, 'refused', $3, $4, $5) RETURNING id",
    )
    .bind(digest).bind(filename).bind(errors_json).bind(user_id).bind(now)
    .fetch_one(pool).await)
    .map_err(backend)
}

pub async fn recent(db: &Db, limit: i64) -> Result<Vec<ImportRow>, StoreError> {
    let sql = format!("{SELECT} ORDER BY i.id DESC LIMIT $1");
    on_pool!(db, pool => sqlx::query_as::<_, ImportRow>(&sql).bind(limit).fetch_all(pool).await)
        .map_err(backend)
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<ImportRow>, StoreError> {
    let sql = format!("{SELECT} WHERE i.id = $1");
    on_pool!(db, pool => sqlx::query_as::<_, ImportRow>(&sql).bind(id).fetch_optional(pool).await)
        .map_err(backend)
}

/// A voucher as the back office sees it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AdminVoucherRow {
    pub id: i64,
    pub fiscal_code: String,
    pub scheme: String,
    pub amount_cents: i64,
    pub balance_cents: i64,
    pub valid_from: String,
    pub valid_until: String,
    pub revoked_at: Option<OffsetDateTime>,
}

pub async fn by_fiscal_code(
    db: &Db,
    fiscal_code: &str,
) -> Result<Vec<AdminVoucherRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, AdminVoucherRow>(
        "SELECT id, fiscal_code, scheme, amount_cents, balance_cents, valid_from, valid_until, \
         revoked_at FROM vouchers WHERE fiscal_code = $1 ORDER BY valid_until DESC, id DESC"
    ).bind(fiscal_code).fetch_all(pool).await)
    .map_err(backend)
}

/// Revokes a voucher: what is left of it can no longer be spent (refunds of earlier orders
/// still credit it back, for the record). `false` when it was already revoked or is unknown.
pub async fn revoke(db: &Db, id: i64, now: OffsetDateTime) -> Result<Option<String>, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, String>(
        "UPDATE vouchers SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING fiscal_code"
    ).bind(now).bind(id).fetch_optional(pool).await)
    .map_err(backend)
}

/// Per scheme: vouchers, assigned, left to spend, left on revoked vouchers (cents).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SchemeRow {
    pub scheme: String,
    pub vouchers: i64,
    pub assigned_cents: i64,
    pub available_cents: i64,
    pub revoked_cents: i64,
}

pub async fn spending(db: &Db) -> Result<Vec<SchemeRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, SchemeRow>(
        "SELECT scheme, COUNT(*) AS vouchers, CAST(SUM(amount_cents) AS BIGINT) AS assigned_cents, \
         CAST(SUM(CASE WHEN revoked_at IS NULL THEN balance_cents ELSE 0 END) AS BIGINT) AS available_cents, \
         CAST(SUM(CASE WHEN revoked_at IS NULL THEN 0 ELSE balance_cents END) AS BIGINT) AS revoked_cents \
         FROM vouchers GROUP BY scheme ORDER BY scheme"
    ).fetch_all(pool).await)
    .map_err(backend)
}

/// A checked file waiting for the office's confirmation.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct PreviewRow {
    pub id: i64,
    pub digest: String,
    pub filename: String,
    pub content: String,
}

pub async fn save_preview(
    db: &Db,
    digest: &str,
    filename: &str,
    content: &str,
    user_id: i64,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    on_pool!(db, pool => sqlx::query_scalar::<_, i64>(
        "INSERT INTO voucher_import_previews (digest, filename, content, user_id, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id"
    ).bind(digest).bind(filename).bind(content).bind(user_id).bind(now).fetch_one(pool).await)
    .map_err(backend)
}

pub async fn preview(db: &Db, id: i64) -> Result<Option<PreviewRow>, StoreError> {
    on_pool!(db, pool => sqlx::query_as::<_, PreviewRow>(
        "SELECT id, digest, filename, content FROM voucher_import_previews WHERE id = $1"
    ).bind(id).fetch_optional(pool).await)
    .map_err(backend)
}

pub async fn drop_preview(db: &Db, id: i64) -> Result<(), StoreError> {
    on_pool!(db, pool => sqlx::query("DELETE FROM voucher_import_previews WHERE id = $1")
        .bind(id).execute(pool).await.map(|_| ()))
    .map_err(backend)
}
