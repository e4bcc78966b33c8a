//! `/lavoro-domestico/candidatura?passo=…`: the worker's application, one step per page with a
//! stepper, each saved as a draft (plain form posts to `/lavoro-domestico/candidatura/salva`),
//! documents uploaded on the documents step, a summary that sends it, and the status the
//! city's staff gave it. Works without JavaScript; in assisted mode an operator fills it.

use leptos::prelude::*;
use leptos_meta::Title;

use super::form::{Form, municipi};
use crate::api::domestic::domestic_application_page;
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::domestic::{
    self as t, EDUCATION, EMPLOYERS, EMPLOYMENT, ID_DOCUMENTS, label_of, options, texts,
};
use crate::locale::use_locale;
use crate::model::ApplicationPage;
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};
use domain::domestic::application::Step;
use domain::domestic::{CEFR_LEVELS, LANGUAGES, ROLES, role_code, skills};

pub const SAVE_URL: &str = "/lavoro-domestico/candidatura/salva";

fn step_url(step: Step, locale: Locale) -> String {
    format!(
        "/lavoro-domestico/candidatura?passo={}&lang={}",
        step.code(),
        locale.code()
    )
}

fn step_number(step: Step) -> usize {
    step.index() + 1
}

#[component]
fn ApplicationStepper(locale: Locale, current: Step, page: ApplicationPage) -> impl IntoView {
    let tx = texts(locale);
    let items = Step::ALL
        .iter()
        .map(|step| {
            let n = step_number(*step);
            let done = page.doc.saved.contains(step);
            let class = if *step == current {
                "active"
            } else if done {
                "confirmed"
            } else {
                ""
            };
            let label = t::step_label(locale, step.code());
            view! {
                <li class=class aria-current=(*step == current).then_some("step")>
                    <a href=step_url(*step, locale) class="text-decoration-none">
                        <span class="steppers-number" aria-hidden="true">{n}</span>
                        {label}
                        {done.then(|| view! { <span class="visually-hidden">{format!(" ({})", tx.step_done)}</span> })}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="steppers mb-4" aria-label=tx.application_title>
            <div class="steppers-header"><ul>{items}</ul></div>
        </nav>
    }
}

/// Status, interview, outcome, documents: what the worker must know first.
fn status_box(p: &ApplicationPage, locale: Locale) -> AnyView {
    let tx = texts(locale);
    let missing = (!p.missing.is_empty() && p.can_edit).then(|| {
        let items = p
            .missing
            .iter()
            .map(|code| {
                let step = Step::parse(code).unwrap_or(Step::Personal);
                view! { <li><a href=step_url(step, locale)>{t::step_label(locale, code)}</a></li> }
            })
            .collect_view();
        view! { <p class="mb-1">{tx.missing_steps}</p><ul id="application-missing">{items}</ul> }
    });
    let expiring = (!p.expiring.is_empty()).then(|| {
        let items = p
            .expiring
            .iter()
            .map(|(kind, date)| view! { <li>{format!("{}: {date}", t::document_label(locale, kind))}</li> })
            .collect_view();
        view! { <div class="alert alert-warning" role="status"><p class="mb-1">{tx.expiring}</p><ul class="mb-0">{items}</ul></div> }
    });
    view! {
        <div class="callout" id="application-status" data-status=p.status.clone()>
            <div class="callout-title">{tx.status}</div>
            <p><strong>{t::status_label(locale, &p.status)}</strong>
                {p.submitted_at.clone().map(|at| format!(" — {} {at}", tx.sent_on))}</p>
            <p class="small">{t::status_help(locale, &p.status)}</p>
            {p.interview.clone().map(|i| view! { <p id="application-interview">{format!("{}: {i}", tx.interview)}</p> })}
            {(!p.decision_reason.is_empty()).then(|| view! { <p id="application-reason">{format!("{}: {}", tx.reason, p.decision_reason)}</p> })}
            {p.documents_verified.then(|| view! { <p>{tx.documents_verified}</p> })}
            {p.assisted.then(|| view! { <p class="small">{tx.assisted_note}</p> })}
            {missing}
        </div>
        {expiring}
    }
    .into_any()
}

#[component]
pub fn ApplicationPageView() -> impl IntoView {
    let locale = use_locale();
    let tx = texts(locale);
    let step = query_value("passo")
        .and_then(|s| Step::parse(&s))
        .unwrap_or(Step::Personal);
    let data = Resource::new(
        move || step,
        move |step| {
            domestic_application_page(step.code().to_string(), Some(locale.code().to_string()))
        },
    );
    let trail = vec![(
        tx.home_title.to_string(),
        format!("/lavoro-domestico?lang={}", locale.code()),
    )];
    view! {
        <Title text=tx.application_title />
        <div class="container my-4" id="application-page" data-step=step.code()>
            <Breadcrumb current=tx.application_title trail=trail />
            <h1 class="mt-3">{tx.application_title}</h1>
            <p class="lead">{tx.application_lead}</p>
            {query_flag("salvato").then(|| view! { <Notice text=tx.saved /> })}
            {query_flag("inviata").then(|| view! { <Notice text=tx.submitted_notice /> })}
            {query_value("errore").map(|code| view! {
                <div class="alert alert-danger" role="alert" id="application-error">{t::error_message(&code, locale)}</div>
            })}
            <Suspense fallback=|| ()>
                {move || data.get().map(|r| match r {
                    Err(e) => load_error(&e),
                    Ok(p) => view! {
                        {status_box(&p, locale)}
                        <ApplicationStepper locale current=step page=p.clone() />
                        <h2 class="h3" id="step-title">{format!("{}. {}", step_number(step), t::step_label(locale, step.code()))}</h2>
                        {step_view(step, &p, locale)}
                    }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

fn field_label(name: &str, locale: Locale) -> String {
    t::field_label(locale, name)
}

/// The form of one step (read-only once the application is sent and not sent back).
fn step_view(step: Step, p: &ApplicationPage, locale: Locale) -> AnyView {
    if step == Step::Summary {
        return summary_view(p, locale);
    }
    if !p.can_edit {
        return view! { <p id="application-locked">{texts(locale).locked}</p> }.into_any();
    }
    let draft = if p.draft_step == step.code() {
        p.draft.clone()
    } else {
        Default::default()
    };
    let f = Form::new("application", draft, locale);
    let labels = move |name: &str| field_label(name, locale);
    let summary = f.summary(&labels);
    let body = match step {
        Step::Personal => personal(&f, p, locale),
        Step::Documents => documents(&f, p, locale),
        Step::Education => education(&f, p, locale),
        Step::Experience => return experience(&f, p, locale, summary),
        Step::About => about(&f, p, locale),
        Step::Roles => roles(&f, p, locale),
        Step::Availability => availability(&f, p, locale),
        Step::Summary => unreachable_summary(),
    };
    let tx = texts(locale);
    let extra = (step == Step::Documents).then(|| uploads(p, locale));
    view! {
        {summary}
        <form method="post" action=SAVE_URL id="application-form" novalidate=true>
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="passo" value=step.code() />
            {body}
            <button type="submit" class="btn btn-primary mt-2" id="application-save">{tx.save_continue}</button>
        </form>
        {extra}
    }
    .into_any()
}

fn unreachable_summary() -> AnyView {
    ().into_any()
}

fn personal(f: &Form, p: &ApplicationPage, locale: Locale) -> AnyView {
    let d = &p.doc;
    let tx = texts(locale);
    let eu = if d.saved.contains(&Step::Personal) {
        vec![if d.eu_citizen { "yes" } else { "no" }.to_string()]
    } else {
        vec![]
    };
    view! {
        <div class="row">
            <div class="col-md-6">{f.input("first_name", tx.first_name, "text", d.first_name.clone(), true, None, "given-name")}</div>
            <div class="col-md-6">{f.input("last_name", tx.last_name, "text", d.last_name.clone(), true, None, "family-name")}</div>
            <div class="col-md-6">{f.input("birth_date", tx.birth_date, "date", d.birth_date.clone(), true, None, "bday")}</div>
            <div class="col-md-6">{f.input("fiscal_code", tx.fiscal_code, "text", d.fiscal_code.clone(), true, None, "off")}</div>
            <div class="col-md-6">{f.input("nationality", tx.nationality, "text", d.nationality.clone(), true, None, "off")}</div>
            <div class="col-md-6">{f.choices("eu_citizen", tx.eu_citizen, vec![("yes".into(), t::yes_no(locale, true).into()), ("no".into(), t::yes_no(locale, false).into())], &eu, false)}</div>
            <div class="col-md-6">{f.input("phone", tx.phone, "tel", d.phone.clone(), true, None, "tel")}</div>
            <div class="col-md-6">{f.input("address", tx.address, "text", d.address.clone(), true, Some(tx.address_hint), "street-address")}</div>
            <div class="col-md-6">{f.select("municipio", tx.municipio, municipi(), if d.municipio > 0 { d.municipio.to_string() } else { String::new() }, true)}</div>
        </div>
    }
    .into_any()
}

fn documents(f: &Form, p: &ApplicationPage, locale: Locale) -> AnyView {
    let d = &p.doc;
    let tx = texts(locale);
    let permit = if d.eu_citizen {
        view! { <p class="form-text">{tx.permit_not_needed}</p> }.into_any()
    } else {
        view! {
            <div class="row">
                <div class="col-md-6">{f.input("permit_number", tx.permit_number, "text", d.permit_number.clone(), true, None, "off")}</div>
                <div class="col-md-6">{f.input("permit_expiry", tx.permit_expiry, "date", d.permit_expiry.clone(), true, Some(tx.expiry_hint), "off")}</div>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="row">
            <div class="col-md-4">{f.select("id_document_kind", tx.id_document_kind, options(ID_DOCUMENTS, locale), d.id_document_kind.clone(), true)}</div>
            <div class="col-md-4">{f.input("id_document_number", tx.id_document_number, "text", d.id_document_number.clone(), true, None, "off")}</div>
            <div class="col-md-4">{f.input("id_document_expiry", tx.id_document_expiry, "date", d.id_document_expiry.clone(), true, None, "off")}</div>
        </div>
        {permit}
    }
    .into_any()
}

/// The uploaded files and the upload form (multipart, its own post).
fn uploads(p: &ApplicationPage, locale: Locale) -> AnyView {
    let tx = texts(locale);
    let rows = p
        .documents
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <td>{t::document_label(locale, &d.kind)}</td>
                    <td><a href=format!("/lavoro-domestico/documenti/{}", d.id)>{d.filename.clone()}</a></td>
                    <td>{format!("{} KB", (d.size + 1023) / 1024)}</td>
                    <td>{d.uploaded_at.clone()}</td>
                    <td>
                        <form method="post" action="/lavoro-domestico/candidatura/documenti/elimina">
                            <CsrfField />
                            <input type="hidden" name="lang" value=locale.code() />
                            <input type="hidden" name="id" value=d.id.to_string() />
                            <button type="submit" class="btn btn-outline-danger btn-sm">{tx.remove}
                                <span class="visually-hidden">{format!(" {}", d.filename)}</span></button>
                        </form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let table = if p.documents.is_empty() {
        view! { <p id="documents-empty">{tx.no_documents}</p> }.into_any()
    } else {
        view! {
            <div class="table-responsive"><table class="table" id="documents-table">
                <caption class="visually-hidden">{tx.documents}</caption>
                <thead><tr><th scope="col">{tx.document_kind}</th><th scope="col">{tx.file}</th><th scope="col">{tx.size}</th><th scope="col">{tx.uploaded}</th><th scope="col"><span class="visually-hidden">{tx.remove}</span></th></tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
        .into_any()
    };
    let kinds = options(t::DOCUMENT_KINDS, locale)
        .into_iter()
        .map(|(code, label)| view! { <option value=code>{label}</option> })
        .collect_view();
    view! {
        <section class="mt-5" aria-labelledby="documents-title">
            <h3 class="h4" id="documents-title">{tx.documents}</h3>
            <p>{tx.documents_lead}</p>
            {table}
            <form method="post" action="/lavoro-domestico/candidatura/documenti" enctype="multipart/form-data" id="document-upload" class="row g-3 align-items-end">
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <div class="col-md-4 select-wrapper">
                    <label for="document-kind">{tx.document_kind}</label>
                    <select id="document-kind" name="kind" class="form-select" required=true>{kinds}</select>
                </div>
                <div class="col-md-5">
                    <label for="document-file" class="form-label">{tx.file}</label>
                    <input type="file" id="document-file" name="file" class="form-control" required=true
                        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby="document-file-hint" />
                    <small id="document-file-hint" class="form-text">{tx.file_hint}</small>
                </div>
                <div class="col-md-3"><button type="submit" class="btn btn-outline-primary" id="document-upload-button">{tx.upload}</button></div>
            </form>
        </section>
    }
    .into_any()
}

fn education(f: &Form, p: &ApplicationPage, locale: Locale) -> AnyView {
    let d = &p.doc;
    let tx = texts(locale);
    let courses = options(skills::COURSES, locale);
    let cefr = CEFR_LEVELS
        .iter()
        .map(|l| (l.to_string(), l.to_string()))
        .collect();
    let languages = LANGUAGES
        .iter()
        .map(|l| (l.to_string(), t::language_label(locale, l)))
        .collect();
    view! {
        <div class="row">
            <div class="col-md-6">{f.select("employment_status", tx.employment_status, options(EMPLOYMENT, locale), d.employment_status.clone(), true)}</div>
            <div class="col-md-6">{f.input("available_from", tx.available_from, "date", d.available_from.clone(), true, None, "off")}</div>
            <div class="col-md-6">{f.select("education", tx.education, options(EDUCATION, locale), d.education.clone(), true)}</div>
            <div class="col-md-6">{f.select("italian", tx.italian, cefr, d.italian.clone(), true)}</div>
        </div>
        {f.choices("courses", tx.courses, courses, &d.courses, true)}
        {f.choices("languages", tx.languages, languages, &d.languages, true)}
    }
    .into_any()
}

fn experience(f: &Form, p: &ApplicationPage, locale: Locale, summary: Option<AnyView>) -> AnyView {
    let tx = texts(locale);
    let rows = p
        .doc
        .experiences
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let to = if e.to.is_empty() { tx.ongoing.to_string() } else { e.to.clone() };
            view! {
                <tr>
                    <td>{t::role_label(locale, &e.role)}</td>
                    <td>{label_of(EMPLOYERS, &e.employer, locale).to_string()}</td>
                    <td>{format!("{} – {to}", e.from)}</td>
                    <td>{e.description.clone()}</td>
                    <td>{format!("{} {}", e.reference_name, e.reference_phone)}</td>
                    <td>
                        <form method="post" action=SAVE_URL>
                            <CsrfField />
                            <input type="hidden" name="lang" value=locale.code() />
                            <input type="hidden" name="passo" value="esperienze" />
                            <input type="hidden" name="action" value="remove" />
                            <input type="hidden" name="index" value=i.to_string() />
                            <button type="submit" class="btn btn-outline-danger btn-sm">{tx.remove}
                                <span class="visually-hidden">{format!(" {} {}", e.from, to)}</span></button>
                        </form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let list = if p.doc.experiences.is_empty() {
        view! { <p id="experiences-empty">{tx.no_experiences}</p> }.into_any()
    } else {
        view! {
            <div class="table-responsive"><table class="table" id="experiences-table">
                <caption class="visually-hidden">{tx.step_experience}</caption>
                <thead><tr><th scope="col">{tx.role}</th><th scope="col">{tx.employer}</th><th scope="col">{tx.period}</th><th scope="col">{tx.description}</th><th scope="col">{tx.reference}</th><th scope="col"><span class="visually-hidden">{tx.remove}</span></th></tr></thead>
                <tbody>{rows}</tbody>
            </table></div>
        }
        .into_any()
    };
    let roles = ROLES
        .iter()
        .map(|r| {
            (
                role_code(*r).to_string(),
                t::role_label(locale, role_code(*r)).to_string(),
            )
        })
        .collect();
    view! {
        {summary}
        {list}
        <form method="post" action=SAVE_URL id="experience-form" class="mt-4" novalidate=true>
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="passo" value="esperienze" />
            <input type="hidden" name="action" value="add" />
            <h3 class="h5">{tx.add_experience}</h3>
            <div class="row">
                <div class="col-md-4">{f.select("exp_role", tx.role, roles, "", true)}</div>
                <div class="col-md-4">{f.select("exp_employer", tx.employer, options(EMPLOYERS, locale), "", true)}</div>
                <div class="col-md-2">{f.input("exp_from", tx.from_month, "month", "", true, Some(tx.month_hint), "off")}</div>
                <div class="col-md-2">{f.input("exp_to", tx.to_month, "month", "", false, Some(tx.to_month_hint), "off")}</div>
                <div class="col-12">{f.textarea("exp_description", tx.description, "")}</div>
                <div class="col-md-6">{f.input("exp_reference_name", tx.reference_name, "text", "", false, None, "off")}</div>
                <div class="col-md-6">{f.input("exp_reference_phone", tx.reference_phone, "tel", "", false, None, "off")}</div>
            </div>
            <button type="submit" class="btn btn-outline-primary" id="experience-add">{tx.add_experience}</button>
        </form>
        <form method="post" action=SAVE_URL class="mt-4">
            <CsrfField />
            <input type="hidden" name="lang" value=locale.code() />
            <input type="hidden" name="passo" value="esperienze" />
            <input type="hidden" name="action" value="next" />
            <button type="submit" class="btn btn-primary" id="application-save">{tx.save_continue}</button>
        </form>
    }
    .into_any()
}

fn about(f: &Form, p: &ApplicationPage, locale: Locale) -> AnyView {
    let d = &p.doc;
    let tx = texts(locale);
    view! {
        {f.toggle("driving_licence", tx.driving_licence, d.driving_licence)}
        {f.toggle("own_car", tx.own_car, d.own_car)}
        {f.toggle("smoker", tx.smoker, d.smoker)}
        {f.toggle("animal_allergy", tx.animal_allergy, d.animal_allergy)}
        {f.textarea("about", tx.about, d.about.clone())}
    }
    .into_any()
}

fn roles(f: &Form, p: &ApplicationPage, locale: Locale) -> AnyView {
    let d = &p.doc;
    let tx = texts(locale);
    let roles = ROLES
        .iter()
        .map(|r| {
            (
                role_code(*r).to_string(),
                t::role_label(locale, role_code(*r)).to_string(),
            )
        })
        .collect();
    let per_role = ROLES
        .iter()
        .map(|r| {
            let list = options(skills::for_role(*r), locale);
            f.choices_part(
                "skills",
                Some(role_code(*r)),
                &format!("{} — {}", tx.skills, t::role_label(locale, role_code(*r))),
                list,
                &d.skills,
                true,
            )
        })
        .collect_view();
    view! {
        {f.choices("roles", tx.roles, roles, &d.roles, true)}
        <p class="form-text">{tx.skills_hint}</p>
        {per_role}
    }
    .into_any()
}

fn availability(f: &Form, p: &ApplicationPage, locale: Locale) -> AnyView {
    let tx = texts(locale);
    let d = &p.doc;
    if d.roles.is_empty() {
        return view! {
            <p id="availability-no-roles">{tx.choose_roles_first}" "
                <a href=step_url(Step::Roles, locale)>{t::step_label(locale, "ruoli")}</a></p>
        }
        .into_any();
    }
    d.roles
        .iter()
        .map(|code| {
            let a = d
                .availability
                .iter()
                .find(|a| &a.role == code)
                .cloned()
                .unwrap_or_default();
            let minimum = p
                .minimums
                .iter()
                .find(|(r, _)| r == code)
                .map(|(_, m)| m.clone())
                .unwrap_or_default();
            let prefix = format!("{code}_");
            let name = |n: &str| format!("{prefix}{n}");
            let pay_hint = format!("{} {minimum} €", tx.minimum_is);
            let regimes = options(t::REGIMES, locale);
            let municipi_list: Vec<String> = a.municipi.iter().map(|m| m.to_string()).collect();
            view! {
                <fieldset class="border rounded p-3 mb-4" id=format!("availability-{code}")>
                    <legend class="h4 px-2 w-auto">{t::role_label(locale, code)}</legend>
                    {f.choices(&name("regimes"), tx.regimes, regimes, &a.regimes, true)}
                    {f.week(&prefix, tx.week, a.calendar)}
                    <div class="row">
                        <div class="col-md-6">{f.input(&name("max_weekly_hours"), tx.max_weekly_hours, "number",
                            if a.max_weekly_hours > 0 { a.max_weekly_hours.to_string() } else { String::new() }, true, None, "off")}</div>
                        <div class="col-md-6">{f.input(&name("expected_hourly"), tx.expected_hourly, "text",
                            if a.expected_hourly_cents > 0 { domain::money::Money::from_cents(a.expected_hourly_cents).format_it() } else { String::new() },
                            true, Some(pay_hint.as_str()), "off")}</div>
                    </div>
                    {f.choices(&name("municipi"), tx.municipi, municipi(), &municipi_list, true)}
                    {f.toggle(&name("travel"), tx.travel, a.travel)}
                    {f.toggle(&name("holidays"), tx.holidays, a.holidays_with_family)}
                </fieldset>
            }
            .into_any()
        })
        .collect_view()
        .into_any()
}

fn summary_view(p: &ApplicationPage, locale: Locale) -> AnyView {
    let tx = texts(locale);
    let d = &p.doc;
    let row = |label: &str, value: String| {
        view! { <dt class="col-sm-4">{label.to_string()}</dt><dd class="col-sm-8">{value}</dd> }
    };
    let en = locale == Locale::En;
    let availability = d
        .availability
        .iter()
        .map(|a| {
            view! {
                <dt class="col-sm-4">{t::role_label(locale, &a.role)}</dt>
                <dd class="col-sm-8">{format!("{} · {} h · {} € · Municipi {}",
                    a.regimes.iter().map(|r| t::regime_label(locale, r)).collect::<Vec<_>>().join(", "),
                    a.max_weekly_hours,
                    domain::money::Money::from_cents(a.expected_hourly_cents).format_it(),
                    a.municipi.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(", "))}</dd>
            }
        })
        .collect_view();
    let send = (p.can_edit && p.missing.is_empty()).then(|| {
        view! {
            <form method="post" action="/lavoro-domestico/candidatura/invia" id="application-submit-form">
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <div class="form-check mb-3">
                    <input type="checkbox" id="application-truthful" name="truthful" value="1" required=true />
                    <label for="application-truthful">{tx.truthful}</label>
                </div>
                <button type="submit" class="btn btn-primary" id="application-submit">{tx.submit}</button>
            </form>
        }
    });
    view! {
        <dl class="row" id="application-summary">
            {row(tx.first_name, format!("{} {}", d.first_name, d.last_name))}
            {row(tx.birth_date, d.birth_date.clone())}
            {row(tx.fiscal_code, d.fiscal_code.clone())}
            {row(tx.phone, d.phone.clone())}
            {row(tx.address, format!("{} (Municipio {})", d.address, d.municipio))}
            {row(tx.id_document_kind, format!("{} {} — {}", label_of(ID_DOCUMENTS, &d.id_document_kind, locale), d.id_document_number, d.id_document_expiry))}
            {(!d.eu_citizen).then(|| row(tx.permit_number, format!("{} — {}", d.permit_number, d.permit_expiry)))}
            {row(tx.italian, d.italian.clone())}
            {row(tx.languages, d.languages.iter().map(|l| t::language_label(locale, l)).collect::<Vec<_>>().join(", "))}
            {row(tx.step_experience, d.experiences.len().to_string())}
            {row(tx.roles, d.roles.iter().map(|r| t::role_label(locale, r)).collect::<Vec<_>>().join(", "))}
            {row(tx.skills, d.skills.iter().map(|s| skills::label(s, en).to_string()).collect::<Vec<_>>().join(", "))}
            {availability}
            {row(tx.documents, p.documents.len().to_string())}
        </dl>
        <p>
            <a class="btn btn-outline-primary btn-sm me-2" href=format!("/lavoro-domestico/candidatura/cv.pdf?lang={}", locale.code())>{tx.cv_full}</a>
            <a class="btn btn-outline-primary btn-sm" href=format!("/lavoro-domestico/candidatura/cv.pdf?anonimo=1&lang={}", locale.code())>{tx.cv_anon}</a>
        </p>
        {(!p.missing.is_empty() && p.can_edit).then(|| view! { <p id="application-incomplete">{tx.incomplete}</p> })}
        {send}
    }
    .into_any()
}
