//! `/amministrazione/utenti`: the account search (GET form, 25 a page) and
//! `/amministrazione/utenti/{id}`: one account's roles with the forms to grant and revoke a city
//! permission, the operator role of a WeMi space, a provider staff role.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{area_trail, query_escape};
use crate::api::admin::{admin_user, admin_users};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::admin::{error_message, role_label, texts};
use crate::locale::use_locale;
use crate::model::{AdminUserPage, AdminUserSearch};
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};
use domain::accounts::roles::Permission;

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let q = query_value("q").unwrap_or_default();
    let page: u32 = query_value("pagina")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    let data = Resource::new(
        {
            let q = q.clone();
            move || (q.clone(), page)
        },
        move |(q, page)| admin_users(Some(q), Some(page), Some(locale.code().to_string())),
    );
    view! {
        <Title text=tx.users_title />
        <div class="container my-4" id="admin-users-page">
            <Breadcrumb current=tx.users_title trail=vec![area_trail(locale)] />
            <h1 class="mt-3">{tx.users_title}</h1>
            <p class="lead">{tx.users_lead}</p>
            <form method="get" action="/amministrazione/utenti" class="row g-3 align-items-end mb-3" id="users-search" role="search">
                <input type="hidden" name="lang" value=locale.code() />
                <div class="col-md-6"><label for="users-q" class="active">{tx.search_label}</label>
                    <input type="search" id="users-q" name="q" class="form-control" value=q maxlength="100" /></div>
                <div class="col-md-2"><button type="submit" class="btn btn-primary">{tx.search}</button></div>
            </form>
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(list) => users_table(&list, locale),
                })}
            </Suspense>
        </div>
    }
}

fn users_table(list: &AdminUserSearch, locale: Locale) -> AnyView {
    let tx = texts(locale);
    if list.rows.is_empty() {
        return view! { <p id="users-empty">{tx.no_users}</p> }.into_any();
    }
    let rows = list
        .rows
        .iter()
        .map(|r| {
            view! {
                <tr class="user-row" data-id=r.id.to_string()>
                    <th scope="row"><a href=format!("/amministrazione/utenti/{}?lang={}", r.id, locale.code())>{r.name.clone()}</a></th>
                    <td>{r.email.clone()}</td>
                    <td>{r.status.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let pager = (list.pages > 1).then(|| {
        let links = (1..=list.pages)
            .map(|n| {
                let current = n == list.page;
                view! {
                    <li class="page-item"><a class="page-link" href=format!("/amministrazione/utenti?q={}&pagina={n}&lang={}", query_escape(&list.query), locale.code())
                        aria-current=current.then_some("page")>{n}</a></li>
                }
            })
            .collect_view();
        view! { <nav class="pagination-wrapper" aria-label=tx.pages><ul class="pagination">{links}</ul></nav> }
    });
    view! {
        <p id="users-total">{format!("{}: {}", tx.total, list.total)}</p>
        <div class="table-responsive"><table class="table" id="users-table">
            <caption class="visually-hidden">{tx.users_title}</caption>
            <thead><tr><th scope="col">{tx.name}</th><th scope="col">{tx.email}</th><th scope="col">{tx.status}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
        {pager}
    }
    .into_any()
}

#[component]
pub fn AdminAccountPage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let id: i64 =
        use_params_map().with_untracked(|p| p.get("id").and_then(|i| i.parse().ok()).unwrap_or(0));
    let data = Resource::new(
        move || id,
        move |id| admin_user(id, Some(locale.code().to_string())),
    );
    let trail = vec![
        area_trail(locale),
        (
            tx.users_title.to_string(),
            format!("/amministrazione/utenti?lang={}", locale.code()),
        ),
    ];
    view! {
        <Title text=tx.user_title />
        <div class="container my-4" id="admin-user-page">
            <Breadcrumb current=tx.user_title trail=trail />
            {query_flag("fatto").then(|| view! { <Notice text=tx.done /> })}
            {query_value("errore").map(|code| view! {
                <div class="alert alert-danger" role="alert" id="admin-error">{error_message(&code, locale)}</div>
            })}
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(p) => user_detail(&p, locale),
                })}
            </Suspense>
        </div>
    }
}

/// Whether the tool manages this stored role (citizens stay citizens; the city admin role
/// follows the permissions).
fn revocable(role: &str) -> Option<(&'static str, String)> {
    if let Some(code) = role.strip_prefix("perm:") {
        return Some(("perm", code.to_string()));
    }
    match role {
        "space_operator" => Some(("space_operator", String::new())),
        "provider_admin" => Some(("provider_admin", String::new())),
        "provider_operator" => Some(("provider_operator", String::new())),
        _ => None,
    }
}

fn user_detail(p: &AdminUserPage, locale: Locale) -> AnyView {
    let tx = texts(locale);
    let url = format!(
        "/amministrazione/utenti/{}/ruoli?lang={}",
        p.user.id,
        locale.code()
    );
    let editable = !p.is_self;
    let rows = p
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let revoke = revocable(&r.role).filter(|_| editable).map(|(kind, code)| {
                let url = url.clone();
                view! {
                    <form method="post" action=url class="d-inline" id=format!("revoke-{i}")>
                        <CsrfField />
                        <input type="hidden" name="azione" value="revoke" />
                        <input type="hidden" name="tipo" value=kind />
                        <input type="hidden" name="codice" value=code />
                        <input type="hidden" name="ambito" value=r.scope_id.to_string() />
                        <button type="submit" class="btn btn-outline-danger btn-sm"
                            aria-label=format!("{} {}", tx.revoke, role_label(&r.role, locale))>{tx.revoke}</button>
                    </form>
                }
            });
            view! {
                <tr class="role-row" data-role=r.role.clone() data-scope=r.scope_id.to_string()>
                    <th scope="row">{role_label(&r.role, locale)}</th>
                    <td>{r.scope_name.clone().unwrap_or_default()}</td>
                    <td>{revoke}</td>
                </tr>
            }
        })
        .collect_view();
    let forms = editable.then(|| {
        let perm_options = Permission::ALL
            .iter()
            .filter(|perm| !p.permissions.iter().any(|h| h == perm.code()))
            .map(|perm| view! { <option value=perm.code()>{role_label(perm.code(), locale)}</option> })
            .collect_view();
        let space_options = p
            .spaces
            .iter()
            .map(|s| view! { <option value=s.id.to_string()>{s.name.clone()}</option> })
            .collect_view();
        let provider_options = p
            .providers
            .iter()
            .map(|s| view! { <option value=s.id.to_string()>{s.name.clone()}</option> })
            .collect_view();
        view! {
            <h2 class="h4 mt-4">{tx.grant_permission}</h2>
            <form method="post" action=url.clone() class="row g-3 align-items-end" id="grant-permission">
                <CsrfField />
                <input type="hidden" name="azione" value="grant" />
                <input type="hidden" name="tipo" value="perm" />
                <div class="col-md-4 select-wrapper"><label for="grant-permission-code">{tx.permission}</label>
                    <select id="grant-permission-code" name="codice" class="form-select" required>{perm_options}</select></div>
                <div class="col-md-4"><label for="grant-permission-reason" class="active">{tx.reason}</label>
                    <input type="text" id="grant-permission-reason" name="motivo" class="form-control" maxlength="200" /></div>
                <div class="col-md-2"><button type="submit" class="btn btn-primary">{tx.grant}</button></div>
            </form>
            <h2 class="h4 mt-4">{tx.grant_space}</h2>
            <form method="post" action=url.clone() class="row g-3 align-items-end" id="grant-space">
                <CsrfField />
                <input type="hidden" name="azione" value="grant" />
                <input type="hidden" name="tipo" value="space_operator" />
                <div class="col-md-4 select-wrapper"><label for="grant-space-id">{tx.space}</label>
                    <select id="grant-space-id" name="ambito" class="form-select" required>{space_options}</select></div>
                <div class="col-md-4"><label for="grant-space-reason" class="active">{tx.reason}</label>
                    <input type="text" id="grant-space-reason" name="motivo" class="form-control" maxlength="200" /></div>
                <div class="col-md-2"><button type="submit" class="btn btn-primary">{tx.grant}</button></div>
            </form>
            <h2 class="h4 mt-4">{tx.grant_provider}</h2>
            <form method="post" action=url.clone() class="row g-3 align-items-end" id="grant-provider">
                <CsrfField />
                <input type="hidden" name="azione" value="grant" />
                <div class="col-md-3 select-wrapper"><label for="grant-provider-id">{tx.provider}</label>
                    <select id="grant-provider-id" name="ambito" class="form-select" required>{provider_options}</select></div>
                <div class="col-md-3 select-wrapper"><label for="grant-provider-role">{tx.staff_role}</label>
                    <select id="grant-provider-role" name="tipo" class="form-select">
                        <option value="provider_operator">{role_label("provider_operator", locale)}</option>
                        <option value="provider_admin">{role_label("provider_admin", locale)}</option>
                    </select></div>
                <div class="col-md-3"><label for="grant-provider-reason" class="active">{tx.reason}</label>
                    <input type="text" id="grant-provider-reason" name="motivo" class="form-control" maxlength="200" /></div>
                <div class="col-md-2"><button type="submit" class="btn btn-primary">{tx.grant}</button></div>
            </form>
        }
    });
    view! {
        <h1 class="mt-3" id="admin-user-name">{p.user.name.clone()}</h1>
        <p>{p.user.email.clone()}" · "{p.user.status.clone()}</p>
        {p.is_self.then(|| view! { <div class="alert alert-info" role="status" id="admin-self">{tx.self_notice}</div> })}
        <h2 class="h4 mt-4">{tx.roles_title}</h2>
        <div class="table-responsive"><table class="table" id="roles-table">
            <caption class="visually-hidden">{tx.roles_title}</caption>
            <thead><tr><th scope="col">{tx.role}</th><th scope="col">{tx.scope}</th><th scope="col"><span class="visually-hidden">{tx.revoke}</span></th></tr></thead>
            <tbody>{rows}</tbody>
        </table></div>
        {forms}
    }
    .into_any()
}
