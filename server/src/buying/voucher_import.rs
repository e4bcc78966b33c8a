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

/// Imports (or refuses) one uploaded file; returns the id of its record.
pub async fn import_file(
    s: &BuyingService,
    who: &SessionUser,
    filename: &str,
    bytes: &[u8],
    client: &ClientInfo,
) -> Result<i64, BuyingError> {
    may_import(s, who).await?;
    let filename: String = filename
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let digest: String = {
        use sha2::{Digest, Sha256};
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let report = parse_import(&decode_text(bytes));
    let refuse = async |problems: Vec<ImportProblem>| {
        let json = serde_json::to_string(&problems).unwrap_or_else(|_| "[]".into());
        store::refused(&s.db, &digest, &filename, who.user_id, &json, now())
            .await
            .map_err(internal)
    };
    if !report.errors.is_empty() {
        let id = refuse(report.errors.iter().map(problem).collect()).await?;
        record(s, who, client, "voucher.import_refused", id).await;
        return Ok(id);
    }
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
    let outcome = store::import(&s.db, &digest, &filename, who.user_id, &vouchers, now())
        .await
        .map_err(internal)?;
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
            let id = refuse(problems).await?;
            record(s, who, client, "voucher.import_refused", id).await;
            Ok(id)
        }
    }
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
    may_import(s, who).await?;
    let rows = store::spending(&s.db).await.map_err(internal)?;
    let amount = |c: i64| {
        domain::money::Money::from_cents(c)
            .format_it()
            .replace('.', "")
    };
    let mut out = String::from("\u{feff}misura;voucher;assegnato;speso;disponibile;revocato\r\n");
    for r in rows {
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
