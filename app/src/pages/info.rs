//! Information pages linked from the footer: privacy notice, legal notes, FAQ, contacts.
//! Their texts are in `i18n/info.rs`.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::info::{InfoPage, info};
use crate::locale::use_locale;

/// A page of titled sections with a page index, as the PA model lays out information pages.
#[component]
pub fn InfoPageView(
    page: &'static InfoPage,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let locale = use_locale();
    let texts = info(locale);
    let index = (page.sections.len() > 1).then(|| {
        let links = page
            .sections
            .iter()
            .map(|s| {
                view! {
                    <li class="nav-item">
                        <a class="nav-link" href=format!("#{}", s.id)>
                            <span>{s.title}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="col-12 col-lg-3 mb-4" aria-labelledby="page-index-title" data-element="page-index">
                <h2 id="page-index-title" class="h6 text-uppercase">{texts.page_index}</h2>
                <ul class="link-list nav flex-column">{links}</ul>
            </nav>
        }
    });
    let sections = page
        .sections
        .iter()
        .map(|s| {
            let paragraphs = s
                .paragraphs
                .iter()
                .map(|p| view! { <p>{*p}</p> })
                .collect_view();
            view! {
                <section id=s.id class="mb-5">
                    <h2 class="h4">{s.title}</h2>
                    {paragraphs}
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=page.title />
        <div class="container my-4">
            <Breadcrumb current=page.title />
            <h1 class="mt-3">{page.title}</h1>
            <p class="lead">{page.lead}</p>
            <div class="row mt-4">
                {index}
                <div class="col-12 col-lg-9">
                    {sections}
                    {children.map(|c| c())}
                </div>
            </div>
        </div>
    }
}

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! { <InfoPageView page=&info(use_locale()).privacy /> }
}

#[component]
pub fn LegalNotesPage() -> impl IntoView {
    view! { <InfoPageView page=&info(use_locale()).legal /> }
}

#[component]
pub fn FaqPage() -> impl IntoView {
    view! { <InfoPageView page=&info(use_locale()).faq /> }
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    view! { <InfoPageView page=&info(use_locale()).contacts /> }
}
