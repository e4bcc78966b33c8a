//! `/amministrazione/voucher`: the city's voucher files. An upload form (multipart, posted to
//! `/amministrazione/voucher/importa`, works without JavaScript), the outcome of the upload
//! just made with every problem to correct, and the latest files.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{euros, when};
use crate::api::buying::voucher_imports;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::voucher_import::voucher_import_texts;
use crate::locale::use_locale;
use crate::model::VoucherImportView;
use crate::pages::account::{CsrfField, load_error, query_value};

fn outcome(locale: Locale, import: &VoucherImportView) -> AnyView {
    let t = voucher_import_texts(locale);
    if import.state == "imported" {
        let total = euros(import.total_cents, locale);
        let amount = total.trim_end_matches(" €").trim_start_matches('€');
        return view! {
            <div class="alert alert-success" role="status" id="import-outcome" data-state="imported">
                {(t.imported_notice)(import.row_count, amount)}
            </div>
        }
        .into_any();
    }
    let problems = import
        .problems
        .iter()
        .map(|p| {
            let text = match locale {
                Locale::It => p.it.clone(),
                Locale::En => p.en.clone(),
            };
            view! { <li class="import-problem" data-line=p.line>{text}</li> }
        })
        .collect_view();
    view! {
        <div class="alert alert-danger" role="alert" id="import-outcome" data-state="refused" tabindex="-1">
            <p class="fw-semibold">{(t.refused_notice)(import.problems.len())}</p>
            <h2 class="h6">{t.problems}</h2>
            <ul class="mb-0">{problems}</ul>
        </div>
    }
    .into_any()
}

#[component]
pub fn VoucherImportPage() -> impl IntoView {
    let locale = use_locale();
    let t = voucher_import_texts(locale);
    let imports = Resource::new(
        move || (),
        move |_| voucher_imports(Some(locale.code().to_string())),
    );
    let just = query_value("importazione").and_then(|v| v.parse::<i64>().ok());
    let preview_id = query_value("anteprima").and_then(|v| v.parse::<i64>().ok());
    let error = query_value("errore").map(|code| match code.as_str() {
        "file-missing" => t.file_missing.to_string(),
        "file-too-large" => t.file_too_large.to_string(),
        other => crate::i18n::buying::error_message(other, locale),
    });
    let trail = vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )];
    let action = format!("/amministrazione/voucher/importa?lang={}", locale.code());
    let format_items = t
        .format
        .iter()
        .map(|f| view! { <li>{*f}</li> })
        .collect_view();
    view! {
        <Title text=t.title />
        <div class="container my-4" id="voucher-import-page">
            <Breadcrumb current=t.title trail />
            <h1 class="mt-3">{t.title}</h1>
            <p class="lead">{t.lead}</p>
            {error.map(|message| view! {
                <div class="alert alert-danger" role="alert" id="import-error">{message}</div>
            })}
            {preview_id.map(|id| view! { <PreviewPanel id locale /> })}
            {crate::pages::account::query_flag("annullata").then(|| view! {
                <div class="alert alert-info" role="status" id="import-discarded">{t.discarded}</div>
            })}
            <Suspense fallback=|| ()>
                {move || imports.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(list) => {
                        let current = just.and_then(|id| list.iter().find(|i| i.id == id)).map(|i| outcome(locale, i));
                        let rows = list.iter().map(|i| view! {
                            <tr class="import-row" data-state=i.state.clone()>
                                <td>{when(&i.created_at)}</td>
                                <td>{i.filename.clone()}</td>
                                <td>{i.user_name.clone()}</td>
                                <td>{if i.state == "imported" { t.imported } else { t.refused }}</td>
                                <td class="text-end">{i.row_count}</td>
                                <td class="text-end">{euros(i.total_cents, locale)}</td>
                            </tr>
                        }).collect_view();
                        let table = if list.is_empty() {
                            view! { <p id="imports-empty">{t.empty}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-responsive"><table class="table" id="imports">
                                    <caption>{t.history}</caption>
                                    <thead><tr>
                                        <th scope="col">{t.col_when}</th>
                                        <th scope="col">{t.col_file}</th>
                                        <th scope="col">{t.col_by}</th>
                                        <th scope="col">{t.col_outcome}</th>
                                        <th scope="col" class="text-end">{t.col_rows}</th>
                                        <th scope="col" class="text-end">{t.col_total}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table></div>
                            }.into_any()
                        };
                        view! { {current} <h2 class="h4 mt-4">{t.history}</h2> {table} }.into_any()
                    }
                })}
            </Suspense>
            <form method="post" action=action enctype="multipart/form-data" class="my-4" id="import-form">
                // The token first: the server reads it before the (large) file.
                <CsrfField />
                <div class="mb-3">
                    <label for="import-file" class="form-label">{t.file}</label>
                    <input type="file" id="import-file" name="file" class="form-control" required
                        accept=".csv,text/csv,text/plain" aria-describedby="import-file-hint" />
                    <small id="import-file-hint" class="form-text">{t.file_hint}</small>
                </div>
                <button type="submit" class="btn btn-primary">{t.upload}</button>
            </form>
            <section>
                <h2 class="h4">{t.format_title}</h2>
                <ul>{format_items}</ul>
                <p><a href=format!("/amministrazione/voucher/spesa.csv?lang={}", locale.code()) id="spending-csv" download="">{t.spending}</a></p>
            </section>
            <AssignForm locale />
            <PersonVouchers locale />
        </div>
    }
}

/// One voucher assigned by hand: the same checks as a file's row.
#[component]
fn AssignForm(locale: Locale) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let t = voucher_import_texts(locale);
    let field = |name: &'static str, label: &'static str, kind: &'static str| {
        view! {
            <div class="col-12 col-md-4 form-group mb-0">
                <label for=format!("assign-{name}") class="active">{label}</label>
                <input type=kind id=format!("assign-{name}") name=name class="form-control" required maxlength="80" />
            </div>
        }
    };
    view! {
        <section class="my-4" id="assegna">
            <h2 class="h4">{t.assign_title}</h2>
            {crate::pages::account::query_flag("assegnato").then(|| view! { <div class="alert alert-success" role="status">{t.assigned}</div> })}
            <form method="post" action=crate::api::buying::AssignVoucher::url() id="assign-form">
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <div class="row g-3">
                    {field("fiscal_code", t.fiscal_code, "text")}
                    {field("amount", t.amount, "text")}
                    {field("scheme", t.scheme, "text")}
                    {field("valid_from", t.valid_from, "date")}
                    {field("valid_until", t.valid_until, "date")}
                </div>
                <button type="submit" class="btn btn-primary mt-3">{t.assign}</button>
            </form>
        </section>
    }
}

/// A person's vouchers by fiscal code, each with a form to revoke it.
#[component]
fn PersonVouchers(locale: Locale) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let t = voucher_import_texts(locale);
    let cf = query_value("cf").unwrap_or_default();
    let wanted = cf.clone();
    let found = Resource::new(
        move || wanted.clone(),
        move |cf| async move {
            if cf.trim().is_empty() {
                Ok(None)
            } else {
                crate::api::buying::find_vouchers(cf, Some(locale.code().to_string()))
                    .await
                    .map(Some)
            }
        },
    );
    view! {
        <section class="my-4" id="ricerca">
            <h2 class="h4">{t.search_title}</h2>
            {crate::pages::account::query_flag("revocato").then(|| view! { <div class="alert alert-success" role="status">{t.revoked_notice}</div> })}
            <form method="get" action="/amministrazione/voucher#ricerca" class="d-flex flex-wrap gap-3 align-items-end mb-3" id="search-form">
                <input type="hidden" name="lang" value=locale.code() />
                <div class="form-group mb-0">
                    <label for="search-cf" class="active">{t.fiscal_code}</label>
                    <input type="text" id="search-cf" name="cf" class="form-control" value=cf.clone() maxlength="16" required />
                </div>
                <button type="submit" class="btn btn-outline-primary">{t.search}</button>
            </form>
            <Suspense fallback=|| ()>
                {move || found.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(None) => ().into_any(),
                    Ok(Some(list)) if list.is_empty() => view! { <p id="vouchers-none">{t.none_found}</p> }.into_any(),
                    Ok(Some(list)) => {
                        let rows = list.into_iter().map(|v| {
                            let reason_id = format!("revoke-reason-{}", v.id);
                            view! {
                                <tr class="admin-voucher" data-revoked=v.revoked_at.is_some().to_string()>
                                    <td>{v.scheme.clone()}</td>
                                    <td class="text-end">{euros(v.amount_cents, locale)}</td>
                                    <td class="text-end">{euros(v.balance_cents, locale)}</td>
                                    <td>{format!("{} – {}", v.valid_from, v.valid_until)}</td>
                                    <td>{match v.revoked_at.clone() {
                                        Some(at) => view! { <span>{format!("{} {}", t.revoked, when(&at))}</span> }.into_any(),
                                        None => view! {
                                            <form method="post" action=crate::api::buying::RevokeVoucher::url() id=format!("revoke-{}", v.id)>
                                                <CsrfField />
                                                <input type="hidden" name="lang" value=locale.code() />
                                                <input type="hidden" name="voucher_id" value=v.id.to_string() />
                                                <input type="hidden" name="cf" value=v.fiscal_code.clone() />
                                                <label for=reason_id.clone() class="small">{t.revoke_reason}</label>
                                                <input type="text" id=reason_id name="reason" class="form-control form-control-sm" required minlength="3" maxlength="500" />
                                                <button type="submit" class="btn btn-outline-danger btn-sm mt-1">{t.revoke}</button>
                                            </form>
                                        }.into_any(),
                                    }}</td>
                                </tr>
                            }
                        }).collect_view();
                        view! {
                            <div class="table-responsive"><table class="table" id="admin-vouchers">
                                <caption>{t.search_title}</caption>
                                <thead><tr>
                                    <th scope="col">{t.scheme}</th>
                                    <th scope="col" class="text-end">{t.amount}</th>
                                    <th scope="col" class="text-end">{t.balance}</th>
                                    <th scope="col">{format!("{} / {}", t.valid_from, t.valid_until)}</th>
                                    <th scope="col">{t.revoke}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table></div>
                        }.into_any()
                    }
                })}
            </Suspense>
        </section>
    }
}

/// A checked file before import: totals per scheme, the first rows, confirm or cancel.
#[component]
fn PreviewPanel(id: i64, locale: Locale) -> impl IntoView {
    use leptos::server_fn::ServerFn;
    let t = voucher_import_texts(locale);
    let data = Resource::new(
        move || id,
        move |id| crate::api::buying::voucher_preview(id, Some(locale.code().to_string())),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().map(|result| match result {
                Err(e) => load_error(&e),
                Ok(p) => {
                    let total = euros(p.total_cents, locale);
                    let schemes = p.schemes.iter().map(|(name, n, cents)| view! {
                        <li>{format!("{name}: {n} — {}", euros(*cents, locale))}</li>
                    }).collect_view();
                    let rows = p.sample.iter().map(|(line, cf, cents, scheme, from, until)| view! {
                        <tr>
                            <td>{*line}</td><td>{cf.clone()}</td>
                            <td class="text-end">{euros(*cents, locale)}</td>
                            <td>{scheme.clone()}</td><td>{format!("{from} – {until}")}</td>
                        </tr>
                    }).collect_view();
                    view! {
                        <section class="border rounded p-3 my-4" id="import-preview" data-preview=p.id>
                            <h2 class="h4">{t.preview_title}</h2>
                            <p class="fw-semibold" role="status">{(t.preview_lead)(p.row_count, &total)}</p>
                            <ul>{schemes}</ul>
                            <div class="table-responsive"><table class="table table-sm">
                                <caption>{t.preview_sample}</caption>
                                <thead><tr>
                                    <th scope="col">{t.col_line}</th>
                                    <th scope="col">{t.fiscal_code}</th>
                                    <th scope="col" class="text-end">{t.amount}</th>
                                    <th scope="col">{t.scheme}</th>
                                    <th scope="col">{format!("{} / {}", t.valid_from, t.valid_until)}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table></div>
                            <form method="post" action=crate::api::buying::ConfirmVoucherImport::url() class="d-flex gap-3" id="preview-form">
                                <CsrfField />
                                <input type="hidden" name="lang" value=locale.code() />
                                <input type="hidden" name="preview_id" value=p.id.to_string() />
                                <button type="submit" class="btn btn-primary" id="confirm-import">{t.confirm}</button>
                                <button type="submit" class="btn btn-outline-secondary" name="discard" value="1" id="discard-import">{t.discard}</button>
                            </form>
                        </section>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}
