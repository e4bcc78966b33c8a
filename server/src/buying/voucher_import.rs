//! The city's voucher files: checked whole by `domain::vouchers::import`, imported whole in
//! one transaction or refused whole with every problem listed (line and column, in Italian and
//! English), never twice. Only city staff with the `vouchers` permission.

use app::model::{ImportProblem, SessionUser, VoucherImportView};
use app::ports::{BuyingError, ClientInfo};
use domain::accounts::roles::{Permission, Principal};
use domain::vouchers::import::{RowError, RowProblem, decode_text, parse_import};

use super::{BuyingService, internal, now};
use crate::store::voucher_imports::{self as store, ImportOutcome, ImportRow, NewVoucher};
use crate::store::{accounts as account_store, audit};

/// Largest file accepted (a city-wide file of 200,000 rows is about 10 MB).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

async fn may_import(s: &BuyingService, who: &SessionUser) -> Result<(), BuyingError> {
    if who.assisted_by.is_some() {
        return Err(BuyingError::Forbidden);
    }
    let roles = account_store::roles(&s.db, who.user_id)
        .await
        .map_err(internal)?;
    let principal = Principal::from_rows(
        who.user_id,
        roles.iter().map(|(r, scope)| (r.as_str(), *scope)),
    );
    if principal.has_permission(Permission::Vouchers) {
        Ok(())
    } else {
        Err(BuyingError::Forbidden)
    }
}

fn problem(e: &RowError) -> ImportProblem {
    ImportProblem {
        line: e.line,
        it: e.message_it(),
        en: e.message_en(),
    }
}

/// What an upload led to.
pub enum Upload {
    /// Valid: waiting for confirmation (the preview's id).
    Preview(i64),
    /// Refused with its problems (the record's id).
    Refused(i64),
}

fn digest_of(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn refuse(
    s: &BuyingService,
    who: &SessionUser,
    client: &ClientInfo,
    digest: &str,
    filename: &str,
    problems: Vec<ImportProblem>,
) -> Result<i64, BuyingError> {
    let json = serde_json::to_string(&problems).unwrap_or_else(|_| "[]".into());
    let id = store::refused(&s.db, digest, filename, who.user_id, &json, now())
        .await
        .map_err(internal)?;
    record(s, who, client, "voucher.import_refused", id).await;
    Ok(id)
}

/// Checks one uploaded file: refused whole with every problem, or kept for a preview the
/// office confirms (nothing is assigned before that).
pub async fn import_file(
    s: &BuyingService,
    who: &SessionUser,
    filename: &str,
    bytes: &[u8],
    client: &ClientInfo,
) -> Result<Upload, BuyingError> {
    may_import(s, who).await?;
    let filename: String = filename
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let digest = digest_of(bytes);
    let text = decode_text(bytes);
    let report = parse_import(&text);
    if !report.errors.is_empty() {
        let problems = report.errors.iter().map(problem).collect();
        return refuse(s, who, client, &digest, &filename, problems)
            .await
            .map(Upload::Refused);
    }
    let id = store::save_preview(&s.db, &digest, &filename, &text, who.user_id, now())
        .await
        .map_err(internal)?;
    Ok(Upload::Preview(id))
}

/// What a waiting file would assign.
pub(super) async fn preview(
    s: &BuyingService,
    who: &SessionUser,
    id: i64,
) -> Result<app::model::VoucherPreview, BuyingError> {
    may_import(s, who).await?;
    let row = store::preview(&s.db, id)
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)?;
    let report = parse_import(&row.content);
    let mut schemes: Vec<(String, i64, i64)> = Vec::new();
    for (_, v) in &report.rows {
        match schemes.iter_mut().find(|(name, ..)| *name == v.scheme) {
            Some(entry) => {
                entry.1 += 1;
                entry.2 += v.amount.to_cents();
            }
            None => schemes.push((v.scheme.clone(), 1, v.amount.to_cents())),
        }
    }
    Ok(app::model::VoucherPreview {
        id,
        filename: row.filename,
        row_count: report.rows.len() as i64,
        total_cents: report.rows.iter().map(|(_, v)| v.amount.to_cents()).sum(),
        schemes,
        sample: report
            .rows
            .iter()
            .take(20)
            .map(|(line, v)| {
                (
                    *line,
                    v.fiscal_code.clone(),
                    v.amount.to_cents(),
                    v.scheme.clone(),
                    v.valid_from.to_string(),
                    v.valid_until.to_string(),
                )
            })
            .collect(),
    })
}

/// The office confirms a preview: the file is imported whole in one transaction (or refused
/// whole if a voucher was given meanwhile); the preview is gone either way. Returns the
/// import's record.
pub(super) async fn confirm(
    s: &BuyingService,
    who: &SessionUser,
    id: i64,
    client: &ClientInfo,
) -> Result<i64, BuyingError> {
    may_import(s, who).await?;
    let row = store::preview(&s.db, id)
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)?;
    let report = parse_import(&row.content);
    let vouchers: Vec<NewVoucher> = report
        .rows
        .iter()
        .map(|(line, row)| NewVoucher {
            line: *line,
            fiscal_code: row.fiscal_code.clone(),
            scheme: row.scheme.clone(),
            amount_cents: row.amount.to_cents(),
            valid_from: row.valid_from.to_string(),
            valid_until: row.valid_until.to_string(),
        })
        .collect();
    let outcome = store::import(
        &s.db,
        &row.digest,
        &row.filename,
        who.user_id,
        &vouchers,
        now(),
    )
    .await
    .map_err(internal)?;
    store::drop_preview(&s.db, id).await.map_err(internal)?;
    match outcome {
        ImportOutcome::Imported(id) => {
            record(s, who, client, "voucher.imported", id).await;
            Ok(id)
        }
        // The same file again: nothing new, the earlier import is the answer.
        ImportOutcome::AlreadyImported(id) => Ok(id),
        ImportOutcome::AlreadyAssigned(lines) => {
            let problems = lines
                .into_iter()
                .map(|line| {
                    problem(&RowError {
                        line,
                        field: "row",
                        problem: RowProblem::AlreadyAssigned,
                    })
                })
                .collect();
            refuse(s, who, client, &row.digest, &row.filename, problems).await
        }
    }
}

pub(super) async fn discard(
    s: &BuyingService,
    who: &SessionUser,
    id: i64,
) -> Result<(), BuyingError> {
    may_import(s, who).await?;
    store::drop_preview(&s.db, id).await.map_err(internal)
}

async fn record(s: &BuyingService, who: &SessionUser, client: &ClientInfo, action: &str, id: i64) {
    let target = id.to_string();
    let entry = audit::Entry {
        actor: Some(who.user_id),
        action,
        target: &target,
        ip: &client.ip,
        request_id: &client.request_id,
        ..Default::default()
    };
    if let Err(err) = audit::record(&s.db, &entry, now()).await {
        tracing::error!(%err, "audit of a voucher import failed");
    }
}

fn view(row: ImportRow) -> VoucherImportView {
    VoucherImportView {
        id: row.id,
        filename: row.filename,
        state: row.state,
        row_count: row.row_count,
        total_cents: row.total_cents,
        problems: serde_json::from_str(&row.errors).unwrap_or_default(),
        user_name: row.user_name,
        created_at: crate::store::accounts::rfc3339(row.created_at),
    }
}

pub(super) async fn list(
    s: &BuyingService,
    who: &SessionUser,
) -> Result<Vec<VoucherImportView>, BuyingError> {
    may_import(s, who).await?;
    let rows = store::recent(&s.db, 20).await.map_err(internal)?;
    Ok(rows.into_iter().map(view).collect())
}

fn admin_view(r: store::AdminVoucherRow) -> app::model::AdminVoucherView {
    app::model::AdminVoucherView {
        id: r.id,
        fiscal_code: r.fiscal_code,
        scheme: r.scheme,
        amount_cents: r.amount_cents,
        balance_cents: r.balance_cents,
        valid_from: r.valid_from,
        valid_until: r.valid_until,
        revoked_at: r.revoked_at.map(crate::store::accounts::rfc3339),
    }
}

pub(super) async fn find(
    s: &BuyingService,
    who: &SessionUser,
    fiscal_code: &str,
) -> Result<Vec<app::model::AdminVoucherView>, BuyingError> {
    may_import(s, who).await?;
    let code = domain::fiscal_code::normalize_fiscal_code(fiscal_code)
        .map_err(|_| BuyingError::InvalidField("fiscal_code"))?;
    // Looking up a person's benefits is an access to their personal data.
    let target = format!("fiscal_code:{}", &code[..6.min(code.len())]);
    let entry = audit::Entry {
        actor: Some(who.user_id),
        action: "voucher.searched",
        target: &target,
        ..Default::default()
    };
    if let Err(err) = audit::record(&s.db, &entry, now()).await {
        tracing::error!(%err, "audit of a voucher search failed");
    }
    let rows = store::by_fiscal_code(&s.db, &code)
        .await
        .map_err(internal)?;
    Ok(rows.into_iter().map(admin_view).collect())
}

pub(super) async fn assign(
    s: &BuyingService,
    who: &SessionUser,
    fields: [&str; 5],
    client: &ClientInfo,
) -> Result<i64, BuyingError> {
    may_import(s, who).await?;
    let row = domain::vouchers::import::parse_row(1, fields)
        .map_err(|e| BuyingError::InvalidField(e.field))?;
    let voucher = NewVoucher {
        line: 1,
        fiscal_code: row.fiscal_code.clone(),
        scheme: row.scheme.clone(),
        amount_cents: row.amount.to_cents(),
        valid_from: row.valid_from.to_string(),
        valid_until: row.valid_until.to_string(),
    };
    // A hand assignment is its own one-row "file": the same checks, the same history.
    let digest = format!("manual:{}:{}", who.user_id, now().unix_timestamp_nanos());
    match store::import(
        &s.db,
        &digest,
        "assegnazione manuale",
        who.user_id,
        &[voucher],
        now(),
    )
    .await
    .map_err(internal)?
    {
        ImportOutcome::Imported(id) => {
            record(s, who, client, "voucher.assigned", id).await;
            Ok(id)
        }
        ImportOutcome::AlreadyImported(id) => Ok(id),
        ImportOutcome::AlreadyAssigned(_) => Err(BuyingError::InvalidField("already_assigned")),
    }
}

pub(super) async fn revoke(
    s: &BuyingService,
    who: &SessionUser,
    voucher_id: i64,
    reason: &str,
    client: &ClientInfo,
) -> Result<(), BuyingError> {
    may_import(s, who).await?;
    let reason = reason.trim();
    if reason.chars().count() < 3 || reason.chars().count() > 500 {
        return Err(BuyingError::InvalidField("reason"));
    }
    store::revoke(&s.db, voucher_id, now())
        .await
        .map_err(internal)?
        .ok_or(BuyingError::NotFound)?;
    let target = voucher_id.to_string();
    let entry = audit::Entry {
        actor: Some(who.user_id),
        action: "voucher.revoked",
        target: &target,
        reason,
        ip: &client.ip,
        request_id: &client.request_id,
        ..Default::default()
    };
    if let Err(err) = audit::record(&s.db, &entry, now()).await {
        tracing::error!(%err, "audit of a voucher revocation failed");
    }
    Ok(())
}

/// The spending report per scheme (CSV, Excel in Italian).
pub async fn spending_csv(s: &BuyingService, who: &SessionUser) -> Result<String, BuyingError> {
    use domain::payouts::amount;
    may_import(s, who).await?;
    let rows = store::spending(&s.db).await.map_err(internal)?;
    let mut out = String::from("\u{feff}misura;voucher;assegnato;speso;disponibile;revocato\r\n");
    for r in rows {
        // Not `domain::payouts::field`: this quoting differs (always an apostrophe when quoted,
        // line breaks left as they are), and the file's bytes stay as they were.
        let scheme = if r.scheme.contains([';', '"']) || r.scheme.starts_with(['=', '+', '-', '@'])
        {
            format!("\"'{}\"", r.scheme.replace('"', "\"\""))
        } else {
            r.scheme.clone()
        };
        let spent = r.assigned_cents - r.available_cents - r.revoked_cents;
        out.push_str(&format!(
            "{scheme};{};{};{};{};{}\r\n",
            r.vouchers,
            amount(r.assigned_cents),
            amount(spent),
            amount(r.available_cents),
            amount(r.revoked_cents)
        ));
    }
    Ok(out)
}
