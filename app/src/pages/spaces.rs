//! The WeMi spaces: where to get help in person, with a printable layout.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::catalog::get_home_overview;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::info::info;
use crate::locale::use_locale;
use crate::model::Space;

#[component]
pub fn SpacesPage() -> impl IntoView {
    let locale = use_locale();
    let t = locale.t();
    let texts = info(locale);
    let overview = Resource::new(|| (), |_| get_home_overview());
    view! {
        <Title text=t.spaces_title />
        <div class="container my-4">
            <Breadcrumb current=t.spaces_title />
            <h1 class="mt-3">{t.spaces_title}</h1>
            <p class="lead">{texts.spaces_page_lead}</p>
            <Suspense fallback=move || view! { <p>{t.loading}</p> }>
                {move || {
                    overview
                        .get()
                        .map(|result| match result {
                            Ok(data) if data.spaces.is_empty() => {
                                view! { <p>{t.empty_spaces}</p> }.into_any()
                            }
                            Ok(data) => {
                                let items = data
                                    .spaces
                                    .into_iter()
                                    .map(|space| view! { <SpaceCard space /> })
                                    .collect_view();
                                view! { <ul class="list-unstyled row spaces-page">{items}</ul> }.into_any()
                            }
                            Err(_) => {
                                view! {
                                    <div class="alert alert-danger" role="alert">{t.error_generic}</div>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </div>
    }
}

#[component]
fn SpaceCard(space: Space) -> impl IntoView {
    let locale = use_locale();
    let t = locale.t();
    let texts = info(locale);
    let heading_id = format!("space-{}", space.slug);
    let labelled_by = heading_id.clone();
    let activities = space
        .activities(locale)
        .map(|a| view! { <li>{a.to_string()}</li> })
        .collect_view();
    let hours = (1..=7i64)
        .map(|day| {
            let slots = space.hours_on(day);
            let text = if slots.is_empty() {
                t.closed.to_string()
            } else {
                slots.join(", ")
            };
            view! {
                <tr>
                    <th scope="row">{t.weekday_short[(day - 1) as usize]}</th>
                    <td>{text}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <li class="col-12 col-lg-6 mb-4 space-entry">
            <article class="card card-bg h-100" aria-labelledby=labelled_by>
                <div class="card-body">
                    <h2 class="h4 card-title" id=heading_id>{space.name.clone()}</h2>
                    <p class="mb-1">{space.address.clone()}</p>
                    <p class="small">{(t.municipio)(space.municipio)}</p>
                    <p>{space.description(locale).to_string()}</p>
                    <h3 class="h6">{texts.spaces_activities}</h3>
                    <ul>{activities}</ul>
                    <table class="table table-sm opening-hours">
                        <caption>{t.opening_hours}</caption>
                        <tbody>{hours}</tbody>
                    </table>
                    <h3 class="h6">{texts.spaces_contacts}</h3>
                    <p class="mb-0">
                        <a href=format!("tel:{}", space.phone.replace(' ', ""))>{space.phone.clone()}</a>
                        <br />
                        <a href=format!("mailto:{}", space.email)>{space.email.clone()}</a>
                    </p>
                </div>
            </article>
        </li>
    }
}
