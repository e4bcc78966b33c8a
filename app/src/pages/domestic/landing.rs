//! `/lavoro-domestico`: the entry to domestic work — apply as a worker, ask for one as a
//! family, see what a contract costs.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::domestic::texts;
use crate::locale::use_locale;

#[component]
pub fn DomesticHomePage() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let lang = locale.code();
    let card = move |title: &'static str,
                     text: &'static str,
                     href: String,
                     action: &'static str,
                     id: &'static str| {
        view! {
            <div class="col-12 col-md-4">
                <div class="card-wrapper card-space"><div class="card card-bg" id=id><div class="card-body">
                    <h2 class="h4 card-title">{title}</h2>
                    <p class="card-text">{text}</p>
                    <a class="btn btn-primary" href=href>{action}</a>
                </div></div></div>
            </div>
        }
    };
    view! {
        <Title text=tx.home_title />
        <div class="container my-4" id="domestic-home">
            <Breadcrumb current=tx.home_title />
            <h1 class="mt-3">{tx.home_title}</h1>
            <p class="lead">{tx.home_lead}</p>
            <div class="row">
                {card(tx.worker_card, tx.worker_card_text, format!("/lavoro-domestico/candidatura?lang={lang}"), tx.worker_card_action, "card-apply")}
                {card(tx.family_card, tx.family_card_text, format!("/lavoro-domestico/richiesta?lang={lang}"), tx.family_card_action, "card-request")}
                {card(tx.cost_card, tx.cost_card_text, format!("/lavoro-domestico/calcolatore?lang={lang}"), tx.cost_card_action, "card-cost")}
            </div>
            <h2 class="h4 mt-4">{tx.how_title}</h2>
            <ol>
                <li>{tx.how_1}</li>
                <li>{tx.how_2}</li>
                <li>{tx.how_3}</li>
                <li>{tx.how_4}</li>
            </ol>
        </div>
    }
}
