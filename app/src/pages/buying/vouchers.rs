//! `/area-personale/voucher`: the welfare vouchers assigned to the person's fiscal code, with
//! balance and validity.

use leptos::prelude::*;
use leptos_meta::Title;

use super::euros;
use crate::api::buying::my_vouchers;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::buying::texts;
use crate::locale::use_locale;
use crate::pages::account::load_error;

fn day(iso: &str) -> String {
    domain::date::Date::parse(iso)
        .map(|d| d.format_it())
        .unwrap_or_else(|| iso.to_string())
}

#[component]
pub fn VouchersPage() -> impl IntoView {
    let locale = use_locale();
    let t = texts(locale);
    let vouchers = Resource::new(
        move || (),
        move |_| my_vouchers(Some(locale.code().to_string())),
    );
    let trail = vec![(
        crate::i18n::accounts::texts(locale).area_title.to_string(),
        format!("/area-personale?lang={}", locale.code()),
    )];
    view! {
        <Title text=t.vouchers_title />
        <div class="container my-4" id="vouchers-page">
            <Breadcrumb current=t.vouchers_title trail />
            <h1 class="mt-3">{t.vouchers_title}</h1>
            <Suspense fallback=|| ()>
                {move || vouchers.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(list) if list.is_empty() => view! { <p id="vouchers-empty">{t.vouchers_empty}</p> }.into_any(),
                    Ok(list) => {
                        let total: i64 = list.iter().filter(|v| v.usable_today).map(|v| v.balance_cents).sum();
                        let rows = list.iter().map(|v| view! {
                            <tr class="voucher-row">
                                <td>{v.scheme.clone()}</td>
                                <td class="text-end">{euros(v.amount_cents, locale)}</td>
                                <td class="text-end voucher-balance">{euros(v.balance_cents, locale)}</td>
                                <td>{format!("{} – {}", day(&v.valid_from), day(&v.valid_until))}</td>
                            </tr>
                        }).collect_view();
                        view! {
                            <p class="fs-5">{format!("{}: ", t.voucher_balance)}<strong id="vouchers-total">{euros(total, locale)}</strong></p>
                            <div class="table-responsive"><table class="table">
                                <caption>{t.vouchers_title}</caption>
                                <thead><tr>
                                    <th scope="col">{t.scheme}</th>
                                    <th scope="col" class="text-end">{t.assigned}</th>
                                    <th scope="col" class="text-end">{t.balance}</th>
                                    <th scope="col">{t.valid}</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table></div>
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}
