//! Form pieces of the domestic-work pages (Bootstrap Italia markup, no JavaScript needed):
//! each field shows what was typed when the server refused the form (`FormDraft`), else the
//! stored value, and its own error next to it; the summary at the top links to each field.

use leptos::prelude::*;

use crate::i18n::Locale;
use crate::i18n::domestic::{day_name, field_error, texts};
use crate::model::FormDraft;
use domain::domestic::fields::{day_ranges, slot_time};
use domain::matching::WeekCalendar;

/// A form being drawn: its id prefix, the refused draft (if any) and the language.
#[derive(Clone)]
pub struct Form {
    pub id: &'static str,
    pub draft: FormDraft,
    pub locale: Locale,
}

impl Form {
    pub fn new(id: &'static str, draft: FormDraft, locale: Locale) -> Form {
        Form { id, draft, locale }
    }

    /// The draft holds what someone typed (a refused or previewed form), not just the form's
    /// own hidden fields.
    fn refused(&self) -> bool {
        self.draft
            .fields
            .iter()
            .any(|(k, _)| !matches!(k.as_str(), "submit_key" | "lang" | "passo" | "anteprima"))
    }

    /// The value to show: what was typed in a refused or previewed form, else the stored one.
    pub fn value(&self, name: &str, stored: impl Into<String>) -> String {
        if self.refused() {
            self.draft.value(name).unwrap_or_default()
        } else {
            stored.into()
        }
    }

    pub fn checked(&self, name: &str, value: &str, stored: bool) -> bool {
        if self.refused() {
            self.draft.has(name, value)
        } else {
            stored
        }
    }

    pub fn field_id(&self, name: &str) -> String {
        format!("{}-{}", self.id, name.replace('_', "-"))
    }

    fn error(&self, name: &str) -> Option<&'static str> {
        self.draft
            .error(name)
            .map(|code| field_error(self.locale, code))
    }

    fn error_view(&self, name: &str) -> Option<AnyView> {
        let id = format!("{}-error", self.field_id(name));
        self.error(name).map(|message| {
            view! { <div class="invalid-feedback d-block" id=id>{message}</div> }.into_any()
        })
    }

    fn described(&self, name: &str, hint: bool) -> Option<String> {
        let id = self.field_id(name);
        let mut parts = Vec::new();
        if hint {
            parts.push(format!("{id}-hint"));
        }
        if self.error(name).is_some() {
            parts.push(format!("{id}-error"));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// The error summary: every refused field, linked.
    pub fn summary(&self, labels: &dyn Fn(&str) -> String) -> Option<AnyView> {
        if self.draft.errors.is_empty() {
            return None;
        }
        let t = texts(self.locale);
        let items = self
            .draft
            .errors
            .iter()
            .map(|e| {
                let href = format!("#{}", self.field_id(&e.field));
                view! {
                    <li><a href=href>{format!("{}: {}", labels(&e.field), field_error(self.locale, &e.code))}</a></li>
                }
            })
            .collect_view();
        Some(
            view! {
                <div class="alert alert-danger" role="alert" tabindex="-1" id=format!("{}-errors", self.id)>
                    <p class="fw-semibold mb-1">{t.errors_title}</p>
                    <ul class="mb-0">{items}</ul>
                </div>
            }
            .into_any(),
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn input(
        &self,
        name: &str,
        label: &str,
        kind: &'static str,
        stored: impl Into<String>,
        required: bool,
        hint: Option<&str>,
        autocomplete: &'static str,
    ) -> AnyView {
        let id = self.field_id(name);
        let hint_id = format!("{id}-hint");
        let value = self.value(name, stored);
        let invalid = self.error(name).is_some();
        let described = self.described(name, hint.is_some());
        let hint = hint.map(|h| h.to_string());
        view! {
            <div class="form-group">
                <label for=id.clone() class="active">{label.to_string()}{required.then_some(" *")}</label>
                <input type=kind id=id name=name.to_string() class="form-control" value=value required=required
                    autocomplete=autocomplete maxlength="200"
                    aria-invalid=invalid.then_some("true") aria-describedby=described />
                {hint.map(|h| view! { <small id=hint_id class="form-text">{h}</small> })}
                {self.error_view(name)}
            </div>
        }
        .into_any()
    }

    pub fn textarea(&self, name: &str, label: &str, stored: impl Into<String>) -> AnyView {
        let id = self.field_id(name);
        let value = self.value(name, stored);
        let described = self.described(name, false);
        view! {
            <div class="form-group">
                <label for=id.clone() class="active">{label.to_string()}</label>
                <textarea id=id name=name.to_string() class="form-control" rows="3" maxlength="2000"
                    aria-describedby=described>{value}</textarea>
                {self.error_view(name)}
            </div>
        }
        .into_any()
    }

    pub fn select(
        &self,
        name: &str,
        label: &str,
        options: Vec<(String, String)>,
        stored: impl Into<String>,
        required: bool,
    ) -> AnyView {
        let id = self.field_id(name);
        let value = self.value(name, stored);
        let invalid = self.error(name).is_some();
        let described = self.described(name, false);
        let t = texts(self.locale);
        let options = options
            .into_iter()
            .map(|(code, text)| {
                let selected = code == value;
                view! { <option value=code selected=selected>{text}</option> }
            })
            .collect_view();
        view! {
            <div class="select-wrapper mb-4">
                <label for=id.clone()>{label.to_string()}{required.then_some(" *")}</label>
                <select id=id name=name.to_string() class="form-select" required=required
                    aria-invalid=invalid.then_some("true") aria-describedby=described>
                    <option value="">{t.choose}</option>
                    {options}
                </select>
                {self.error_view(name)}
            </div>
        }
        .into_any()
    }

    /// A group of checkboxes (`multiple`) or radio buttons sharing `name`; the fieldset's id is
    /// the field's (the error summary links to it), each box's id carries its value.
    pub fn choices(
        &self,
        name: &str,
        legend: &str,
        options: Vec<(String, String)>,
        stored: &[String],
        multiple: bool,
    ) -> AnyView {
        self.choices_part(name, None, legend, options, stored, multiple)
    }

    /// One of several fieldsets sharing `name` (a role's skills): its id gets `part`.
    pub fn choices_part(
        &self,
        name: &str,
        part: Option<&str>,
        legend: &str,
        options: Vec<(String, String)>,
        stored: &[String],
        multiple: bool,
    ) -> AnyView {
        let group = self.field_id(name);
        let fieldset_id = match part {
            Some(part) => format!("{group}-{part}"),
            None => group.clone(),
        };
        let kind = if multiple { "checkbox" } else { "radio" };
        let items = options
            .into_iter()
            .map(|(code, text)| {
                let id = format!("{group}-{}", code.replace('_', "-"));
                let checked = self.checked(name, &code, stored.contains(&code));
                view! {
                    <div class="form-check form-check-inline">
                        <input type=kind id=id.clone() name=name.to_string() value=code checked=checked />
                        <label for=id>{text}</label>
                    </div>
                }
            })
            .collect_view();
        let described = self.described(name, false);
        view! {
            <fieldset class="mb-4" id=fieldset_id tabindex="-1" aria-describedby=described>
                <legend class="h6">{legend.to_string()}</legend>
                {items}
                {self.error_view(name)}
            </fieldset>
        }
        .into_any()
    }

    /// One checkbox (value `1`).
    pub fn toggle(&self, name: &str, label: &str, stored: bool) -> AnyView {
        let id = self.field_id(name);
        let checked = self.checked(name, "1", stored);
        let described = self.described(name, false);
        view! {
            <div class="form-check">
                <input type="checkbox" id=id.clone() name=name.to_string() value="1" checked=checked
                    aria-describedby=described />
                <label for=id>{label.to_string()}</label>
                {self.error_view(name)}
            </div>
        }
        .into_any()
    }

    /// The week: two time ranges a day on the half hour (`{prefix}d{n}_from` … `_to2`).
    pub fn week(&self, prefix: &str, legend: &str, bits: [u64; 7]) -> AnyView {
        let t = texts(self.locale);
        let calendar = WeekCalendar::from_bits(bits);
        let rows = (0..7)
            .map(|day| {
                let ranges = day_ranges(&calendar, day);
                let stored = |i: usize, end: bool| {
                    ranges
                        .get(i)
                        .map(|(a, b)| slot_time(if end { *b } else { *a }))
                        .unwrap_or_default()
                };
                let cell = |suffix: &str, i: usize, end: bool, label: String| {
                    let name = format!("{prefix}d{day}_{}{suffix}", if end { "to" } else { "from" });
                    let id = self.field_id(&name);
                    let value = self.value(&name, stored(i, end));
                    let invalid = self.error(&name).is_some();
                    let error = self.error(&name).map(|m| {
                        view! { <div class="invalid-feedback d-block" id=format!("{id}-error")>{m}</div> }
                    });
                    view! {
                        <td>
                            <label for=id.clone() class="visually-hidden">{label}</label>
                            <input type="time" step="1800" id=id.clone() name=name.to_string() class="form-control"
                                value=value aria-invalid=invalid.then_some("true")
                                aria-describedby=invalid.then(|| format!("{id}-error")) />
                            {error}
                        </td>
                    }
                };
                let day_label = day_name(self.locale, day);
                view! {
                    <tr>
                        <th scope="row">{day_label}</th>
                        {cell("", 0, false, format!("{day_label} {}", t.from))}
                        {cell("", 0, true, format!("{day_label} {}", t.to))}
                        {cell("2", 1, false, format!("{day_label} {} 2", t.from))}
                        {cell("2", 1, true, format!("{day_label} {} 2", t.to))}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <fieldset class="mb-4">
                <legend class="h6">{legend.to_string()}</legend>
                <p class="form-text">{t.week_hint}</p>
                <div class="table-responsive"><table class="table table-sm week-calendar">
                    <thead><tr>
                        <th scope="col">{t.day}</th>
                        <th scope="col">{t.from}</th><th scope="col">{t.to}</th>
                        <th scope="col">{format!("{} 2", t.from)}</th><th scope="col">{format!("{} 2", t.to)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table></div>
            </fieldset>
        }
        .into_any()
    }
}

/// The nine municipi of Milan as options.
pub fn municipi() -> Vec<(String, String)> {
    (1..=9)
        .map(|m| (m.to_string(), format!("Municipio {m}")))
        .collect()
}
