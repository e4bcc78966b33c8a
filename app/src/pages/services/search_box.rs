//! The search field. Without JavaScript it is a plain input of a GET form; once hydrated it
//! offers the names of matching services as the visitor types (a `datalist`, which browsers
//! and screen readers present as suggestions of the field).

use leptos::prelude::*;

use crate::i18n::Locale;

#[island]
pub fn SearchBox(locale: Locale, initial: String) -> impl IntoView {
    let t = locale.t();
    let suggestions = RwSignal::new(Vec::<String>::new());
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    let latest = StoredValue::new(0u32);
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        if value.trim().chars().count() < 2 {
            suggestions.set(Vec::new());
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(found) = crate::api::services::suggest_services(value).await
                && latest.get_value() == ticket
            {
                suggestions.set(
                    found
                        .iter()
                        .map(|s| crate::model::pick(locale, &s.name_it, &s.name_en).to_string())
                        .collect(),
                );
            }
        });
    };
    view! {
        <label for="search-q" class="visually-hidden">{t.search_label}</label>
        <input
            type="search"
            class="form-control"
            id="search-q"
            name="q"
            value=initial
            placeholder=t.search_placeholder
            autocomplete="off"
            list="search-suggestions"
            maxlength="200"
            on:input=on_input
            data-suggest=move || hydrated.get().then_some("on")
        />
        <datalist id="search-suggestions">
            {move || {
                suggestions
                    .get()
                    .into_iter()
                    .map(|name| view! { <option value=name></option> })
                    .collect_view()
            }}
        </datalist>
    }
}
