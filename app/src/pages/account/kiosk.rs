//! `/amministrazione/chioschi`: switch a tablet to kiosk mode, and see or revoke the devices
//! (city administrators with the users permission).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use super::{CsrfField, ErrorSummary, Field, query_error};
use crate::api::accounts::{EnableKiosk, RevokeKiosk, kiosk_devices};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::accounts::kiosk_texts;
use crate::locale::use_locale;

#[component]
pub fn KioskAdminPage() -> impl IntoView {
    let locale = use_locale();
    let t = kiosk_texts(locale);
    let error = query_error();
    let field = error.and_then(|e| e.field());
    let data = Resource::new(|| (), |_| kiosk_devices());
    view! {
        <Title text=t.title />
        <div class="container my-4" id="kiosk-admin-page">
            <Breadcrumb current=t.title />
            <h1 class="mt-3">{t.title}</h1>
            <p class="lead">{t.lead}</p>
            <ErrorSummary locale=locale error=error form="kiosk" />
            <Suspense fallback=|| ()>
                {move || data.get().map(|d| match d {
                    Err(e) => super::load_error(&e),
                    Ok(page) => {
                        let spaces = page.spaces.iter().map(|(id, name)| {
                            view! { <option value=id.to_string()>{name.clone()}</option> }
                        }).collect_view();
                        let devices = if page.devices.is_empty() {
                            view! { <p>{t.none}</p> }.into_any()
                        } else {
                            let rows = page.devices.iter().map(|d| {
                                let revoke = d.revoked_at.is_none().then(|| view! {
                                    <form method="post" action=RevokeKiosk::url()>
                                        <CsrfField />
                                        <input type="hidden" name="lang" value=locale.code() />
                                        <input type="hidden" name="device" value=d.id.to_string() />
                                        <button type="submit" class="btn btn-sm btn-outline-danger">
                                            {t.revoke}<span class="visually-hidden">{format!(" {}", d.name)}</span>
                                        </button>
                                    </form>
                                });
                                view! {
                                    <tr>
                                        <td>{d.name.clone()}</td>
                                        <td>{d.space_name.clone()}</td>
                                        <td>{d.created_at.get(..10).unwrap_or("").to_string()}</td>
                                        <td>{if d.revoked_at.is_some() { t.revoked } else { t.active }}</td>
                                        <td>{revoke}</td>
                                    </tr>
                                }
                            }).collect_view();
                            view! {
                                <table class="table">
                                    <caption>{t.devices}</caption>
                                    <thead><tr>
                                        <th scope="col">{t.device}</th>
                                        <th scope="col">{t.space}</th>
                                        <th scope="col">{t.since}</th>
                                        <th scope="col">{t.status}</th>
                                        <th scope="col"><span class="visually-hidden">{t.revoke}</span></th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            }.into_any()
                        };
                        view! {
                            <form method="post" action=EnableKiosk::url() id="kiosk-form" class="col-12 col-lg-8 mb-5">
                                <CsrfField />
                                <input type="hidden" name="lang" value=locale.code() />
                                <Field form="kiosk" name="name" label=t.name hint=t.name_hint maxlength=60 invalid=field == Some("name") />
                                <div class="form-group">
                                    <label for="kiosk-space" class="active">{t.space}</label>
                                    <select id="kiosk-space" name="space" class="form-select">{spaces}</select>
                                </div>
                                <button type="submit" class="btn btn-primary">{t.enable}</button>
                            </form>
                            {devices}
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}
