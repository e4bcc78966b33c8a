//! Reviews on the pages: the rating and the published reviews of a service or a provider
//! (with the providers' replies, newest first, paginated), the citizen's form on a completed
//! order and the state of their review, the city's moderation queue
//! (`/amministrazione/recensioni`) and the provider's reviews with their replies
//! (`/ente/recensioni`). Every form is a plain post that comes back with `?fatto=1` or
//! `?errore=<code>`.

use domain::reviews::{Criterion, RatingTotals, ReviewError};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::reviews::{
    ModerateReview, ReplyReview, SubmitReview, received_reviews, review_queue,
};
use crate::components::breadcrumb::Breadcrumb;
use crate::i18n::Locale;
use crate::i18n::reviews::{criterion_label, one_decimal, review_texts, state_label};
use crate::locale::use_locale;
use crate::model::{OrderReview, Paged, ReviewView, ReviewsPage, pick};
use crate::pages::account::{CsrfField, Notice, load_error, query_flag, query_value};
use crate::pages::buying::{BuyingErrors, when};

/// The page of reviews asked in the query (`?recensioni=N`).
pub fn reviews_page_param() -> u32 {
    query_value("recensioni")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
}

/// The domain's error behind an `?errore=review-…` code, if that is what came back.
fn review_error() -> Option<ReviewError> {
    query_value("errore").and_then(|c| c.strip_prefix("review-").and_then(ReviewError::from_code))
}

/// The date (Rome) of an RFC 3339 time.
fn date_of(rfc3339: &str) -> String {
    let local = when(rfc3339);
    local.get(..10).unwrap_or(&local).to_string()
}

/// Overall rating, number of reviews and the average of each criterion, exact to one decimal.
#[component]
pub fn RatingSummary(totals: RatingTotals, locale: Locale) -> impl IntoView {
    let r = review_texts(locale);
    let Some(overall) = one_decimal(locale, totals.overall()) else {
        return view! { <p id="rating-none">{r.none_yet}</p> }.into_any();
    };
    let criteria = Criterion::ALL
        .into_iter()
        .map(|c| {
            let value = one_decimal(locale, totals.criterion(c)).unwrap_or_default();
            view! {
                <dt class="col-7 col-sm-4">{criterion_label(locale, c)}</dt>
                <dd class="col-5 col-sm-8" data-criterion=c.as_str()>{(r.out_of_five)(&value)}</dd>
            }
        })
        .collect_view();
    view! {
        <div id="rating-summary" data-count=totals.count.to_string()>
            <p class="h5 mb-2">
                {r.overall} ": "
                <span id="rating-overall" class="fw-bold">{(r.out_of_five)(&overall)}</span>
                " · " <span id="rating-count">{(r.count)(totals.count)}</span>
            </p>
            <dl class="row mb-3" aria-label=r.criteria_caption>{criteria}</dl>
        </div>
    }
    .into_any()
}

/// The three scores of one review, as text ("Puntualità 4 su 5 · …").
fn scores_text(review: &ReviewView, locale: Locale) -> String {
    let r = review_texts(locale);
    review
        .scores()
        .iter()
        .map(|(c, v)| format!("{} {}", criterion_label(locale, *c), (r.score_option)(*v)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One review as the public sees it, with the provider's reply.
fn review_item(review: &ReviewView, locale: Locale, show_service: bool) -> impl IntoView + use<> {
    let r = review_texts(locale);
    let service = show_service.then(|| {
        let name = pick(locale, &review.service_name_it, &review.service_name_en).to_string();
        view! {
            <p class="small mb-1">
                <a href=format!("/servizi/{}?lang={}", review.service_slug, locale.code())>{name}</a>
            </p>
        }
    });
    let reply = (!review.reply.is_empty()).then(|| {
        view! {
            <div class="border-start border-3 ps-3 mt-2 review-reply">
                <p class="fw-semibold mb-1">{(r.reply_of)(&review.provider_name)}</p>
                <p class="mb-0">{review.reply.clone()}</p>
            </div>
        }
    });
    view! {
        <li class="border-bottom py-3 review" id=format!("recensione-{}", review.id) data-review=review.id.to_string()>
            {service}
            <p class="mb-1">
                <span class="fw-semibold">{review.author.clone()}</span>
                " · " <time datetime=review.created_at.clone()>{date_of(&review.created_at)}</time>
            </p>
            <p class="small mb-1 review-scores">{scores_text(review, locale)}</p>
            <p class="mb-0 review-body">{review.body.clone()}</p>
            {reply}
        </li>
    }
}

/// "Newer / older" links between pages of reviews (`?recensioni=N#recensioni`).
fn pager(
    total: i64,
    page: u32,
    per_page: u32,
    base: &str,
    locale: Locale,
) -> impl IntoView + use<> {
    let r = review_texts(locale);
    let per_page = i64::from(per_page.max(1));
    let pages = ((total + per_page - 1) / per_page).max(1);
    let current = i64::from(page);
    let sep = if base.contains('?') { '&' } else { '?' };
    let link = |p: i64| format!("{base}{sep}recensioni={p}#recensioni");
    (pages > 1).then(|| {
        view! {
            <nav aria-label=r.pages class="d-flex gap-3 mt-2" id="reviews-pages">
                {(current > 1).then(|| view! { <a href=link(current - 1) rel="prev">{r.newer}</a> })}
                <span>{format!("{current} / {pages}")}</span>
                {(current < pages).then(|| view! { <a href=link(current + 1) rel="next">{r.older}</a> })}
            </nav>
        }
    })
}

/// The rating and the published reviews of a service (`show_service` false) or a provider.
#[component]
pub fn ReviewsSection(
    data: ReviewsPage,
    locale: Locale,
    /// The page's own address, for the pagination links.
    base: String,
    #[prop(optional)] show_service: bool,
) -> impl IntoView {
    let items = data
        .reviews
        .items
        .iter()
        .map(|review| review_item(review, locale, show_service))
        .collect_view();
    view! {
        <RatingSummary totals=data.totals locale />
        {(!data.reviews.items.is_empty()).then(|| view! { <ul class="list-unstyled" id="reviews-list">{items}</ul> })}
        {pager(data.reviews.total, data.reviews.page, data.reviews.per_page, &base, locale)}
    }
}

/// A 1..=5 radio group in a fieldset whose legend names the criterion.
fn score_group(criterion: Criterion, locale: Locale, error: Option<ReviewError>) -> impl IntoView {
    let r = review_texts(locale);
    let name = criterion.as_str();
    let invalid = error.is_some_and(|e| e.field() == Some(name));
    let error_id = format!("review-{name}-error");
    let hint_id = format!("review-{name}-hint");
    let described = if invalid {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    let options = (1..=5)
        .map(|n| {
            let id = format!("review-{name}-{n}");
            view! {
                <div class="form-check form-check-inline">
                    <input class="form-check-input" type="radio" name=name id=id.clone() value=n.to_string()
                        required=true aria-invalid=invalid.then_some("true") />
                    <label class="form-check-label" for=id>{(r.score_option)(n)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="mb-3" id=format!("review-{name}") aria-describedby=described>
            <legend class="h6 mb-1">{criterion_label(locale, criterion)}</legend>
            <p class="small mb-1" id=hint_id>{r.score_hint}</p>
            {invalid.then(|| view! {
                <p class="text-danger small mb-1" id=error_id.clone()>{error.map(|e| match locale {
                    Locale::It => e.message_it(),
                    Locale::En => e.message_en(),
                })}</p>
            })}
            {options}
        </fieldset>
    }
}

/// The review part of an order's page: the citizen's form once the order is completed, then
/// the review's state; the provider's staff see the published review.
#[component]
pub fn OrderReviewSection(
    data: OrderReview,
    reference: String,
    locale: Locale,
    /// Shown to the provider's staff (`/ente/ordini/…`), not to the citizen.
    #[prop(optional)]
    staff: bool,
) -> impl IntoView {
    let r = review_texts(locale);
    let error = review_error();
    let submitted = query_flag("recensione") && query_flag("fatto");
    if let Some(review) = data.review {
        let reason =
            (review.state == "rejected" && !review.moderation_reason.is_empty()).then(|| {
                view! {
                    <dt class="col-sm-4">{r.reason}</dt>
                    <dd class="col-sm-8" id="review-reason">{review.moderation_reason.clone()}</dd>
                }
            });
        let reply = (!review.reply.is_empty()).then(|| {
            view! {
                <dt class="col-sm-4">{(r.reply_of)(&review.provider_name)}</dt>
                <dd class="col-sm-8" id="review-reply">{review.reply.clone()}</dd>
            }
        });
        return view! {
            <section class="my-4" id="recensione" aria-labelledby="review-title">
                <h2 class="h4" id="review-title">{if staff { r.citizens } else { r.yours }}</h2>
                {submitted.then(|| view! { <Notice text=r.submitted /> })}
                <dl class="row">
                    <dt class="col-sm-4">{r.state}</dt>
                    <dd class="col-sm-8"><span class="badge bg-secondary" id="review-state" data-state=review.state.clone()>{state_label(locale, &review.state)}</span></dd>
                    {reason}
                    <dt class="col-sm-4">{r.written_on}</dt>
                    <dd class="col-sm-8">{date_of(&review.created_at)}</dd>
                    <dt class="col-sm-4">{r.criteria_caption}</dt>
                    <dd class="col-sm-8">{scores_text(&review, locale)}</dd>
                    <dt class="col-sm-4">{r.body}</dt>
                    <dd class="col-sm-8">{review.body.clone()}</dd>
                    {reply}
                </dl>
            </section>
        }
        .into_any();
    }
    if !data.can_review {
        return ().into_any();
    }
    let body_invalid = error.is_some_and(|e| e.field() == Some("body"));
    let body_described = if body_invalid {
        "review-body-hint review-body-error"
    } else {
        "review-body-hint"
    };
    view! {
        <section class="my-4 border rounded p-3" id="recensione" aria-labelledby="review-title">
            <h2 class="h4" id="review-title">{r.leave_title}</h2>
            <p>{r.leave_lead}</p>
            <form method="post" action=SubmitReview::url() id="review-form" novalidate=false>
                <CsrfField />
                <input type="hidden" name="lang" value=locale.code() />
                <input type="hidden" name="reference" value=reference />
                {Criterion::ALL.into_iter().map(|c| score_group(c, locale, error)).collect_view()}
                <div class="form-group">
                    <label for="review-body" class="active">{r.body}</label>
                    <textarea id="review-body" name="body" class="form-control" rows="4" minlength="10" maxlength="2000"
                        required=true aria-describedby=body_described aria-invalid=body_invalid.then_some("true")></textarea>
                    <small id="review-body-hint" class="form-text">{r.body_hint}</small>
                    {body_invalid.then(|| view! {
                        <p class="text-danger small" id="review-body-error">{error.map(|e| match locale {
                            Locale::It => e.message_it(),
                            Locale::En => e.message_en(),
                        })}</p>
                    })}
                </div>
                <button type="submit" class="btn btn-primary" id="review-submit">{r.submit}</button>
            </form>
        </section>
    }
    .into_any()
}

/// The current page of a staff list (`?pagina=N`).
fn list_page() -> u32 {
    query_value("pagina")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
}

/// A staff list's pagination (`?pagina=N`).
fn staff_pager<T>(paged: &Paged<T>, locale: Locale) -> impl IntoView + use<T> {
    let r = review_texts(locale);
    let per_page = i64::from(paged.per_page.max(1));
    let pages = ((paged.total + per_page - 1) / per_page).max(1);
    let current = i64::from(paged.page);
    let link = move |p: i64| format!("?lang={}&pagina={p}", locale.code());
    (pages > 1).then(|| {
        view! {
            <nav aria-label=r.pages class="d-flex gap-3">
                {(current > 1).then(|| view! { <a href=link(current - 1) rel="prev">"←"</a> })}
                <span>{format!("{current} / {pages}")}</span>
                {(current < pages).then(|| view! { <a href=link(current + 1) rel="next">"→"</a> })}
            </nav>
        }
    })
}

/// The error of a form about review `id`, shown next to it (the page's summary has it too).
fn inline_error(id: i64, locale: Locale, field: &'static str) -> Option<(String, String)> {
    let asked: Option<i64> = query_value("recensione").and_then(|v| v.parse().ok());
    let error = review_error()?;
    (asked == Some(id) && error.field() == Some(field)).then(|| {
        (
            format!("{field}-{id}-error"),
            match locale {
                Locale::It => error.message_it(),
                Locale::En => error.message_en(),
            },
        )
    })
}

#[component]
pub fn ModerationPage() -> impl IntoView {
    let locale = use_locale();
    let r = review_texts(locale);
    let page = list_page();
    let list = Resource::new(
        move || page,
        move |p| review_queue(p, Some(locale.code().to_string())),
    );
    view! {
        <Title text=r.queue_title />
        <div class="container my-4" id="moderation-page">
            <Breadcrumb current=r.queue_title />
            <h1 class="mt-3">{r.queue_title}</h1>
            <p class="lead">{r.queue_lead}</p>
            <BuyingErrors locale />
            {query_flag("fatto").then(|| view! { <Notice text=r.done /> })}
            <Suspense fallback=|| ()>
                {move || list.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(paged) if paged.items.is_empty() => view! { <p id="moderation-empty">{r.queue_empty}</p> }.into_any(),
                    Ok(paged) => {
                        let items = paged.items.iter().map(|review| {
                            let id = review.id;
                            let reason_id = format!("reason-{id}");
                            let error = inline_error(id, locale, "reason");
                            let described = error.as_ref().map(|(eid, _)| eid.clone());
                            view! {
                                <li class="border rounded p-3 mb-3 pending-review" id=format!("recensione-{id}") data-review=id.to_string()>
                                    <p class="mb-1">
                                        <span class="fw-semibold">{pick(locale, &review.service_name_it, &review.service_name_en).to_string()}</span>
                                        " — " {review.provider_name.clone()}
                                    </p>
                                    <p class="small mb-1">
                                        {format!("{} {} · {} {} · ", r.by, review.author, r.order, review.order_reference)}
                                        <time datetime=review.created_at.clone()>{date_of(&review.created_at)}</time>
                                    </p>
                                    <p class="small mb-1">{scores_text(review, locale)}</p>
                                    <p>{review.body.clone()}</p>
                                    <div class="d-flex flex-wrap gap-3 align-items-end">
                                        <form method="post" action=ModerateReview::url() id=format!("publish-{id}")>
                                            <CsrfField />
                                            <input type="hidden" name="lang" value=locale.code() />
                                            <input type="hidden" name="review_id" value=id.to_string() />
                                            <input type="hidden" name="decision" value="publish" />
                                            <button type="submit" class="btn btn-primary">{r.publish}</button>
                                        </form>
                                        <form method="post" action=ModerateReview::url() id=format!("reject-{id}") class="flex-grow-1">
                                            <CsrfField />
                                            <input type="hidden" name="lang" value=locale.code() />
                                            <input type="hidden" name="review_id" value=id.to_string() />
                                            <input type="hidden" name="decision" value="reject" />
                                            <div class="form-group mb-2">
                                                <label for=reason_id.clone() class="active">{r.reject_reason}</label>
                                                <textarea id=reason_id name="reason" class="form-control" rows="2" minlength="3" maxlength="1000"
                                                    required=true aria-describedby=described aria-invalid=error.is_some().then_some("true")></textarea>
                                                {error.map(|(eid, message)| view! { <p class="text-danger small" id=eid>{message}</p> })}
                                            </div>
                                            <button type="submit" class="btn btn-outline-danger">{r.reject}</button>
                                        </form>
                                    </div>
                                </li>
                            }
                        }).collect_view();
                        view! {
                            <p>{(r.count)(paged.total)}</p>
                            <ul class="list-unstyled" id="moderation-queue">{items}</ul>
                            {staff_pager(&paged, locale)}
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn ProviderReviewsPage() -> impl IntoView {
    let locale = use_locale();
    let r = review_texts(locale);
    let page = list_page();
    let list = Resource::new(
        move || page,
        move |p| received_reviews(p, Some(locale.code().to_string())),
    );
    view! {
        <Title text=r.received_title />
        <div class="container my-4" id="provider-reviews-page">
            <Breadcrumb current=r.received_title />
            <h1 class="mt-3">{r.received_title}</h1>
            <p class="lead">{r.received_lead}</p>
            <BuyingErrors locale />
            {query_flag("fatto").then(|| view! { <Notice text=r.done /> })}
            <Suspense fallback=|| ()>
                {move || list.get().map(|result| match result {
                    Err(e) => load_error(&e),
                    Ok(paged) if paged.items.is_empty() => view! { <p id="provider-reviews-empty">{r.received_empty}</p> }.into_any(),
                    Ok(paged) => {
                        let items = paged.items.iter().map(|review| {
                            let id = review.id;
                            let reply_form = review.reply.is_empty().then(|| {
                                let field_id = format!("reply-{id}");
                                let error = inline_error(id, locale, "reply");
                                let described = match &error {
                                    Some((eid, _)) => format!("{field_id}-hint {eid}"),
                                    None => format!("{field_id}-hint"),
                                };
                                view! {
                                    <form method="post" action=ReplyReview::url() id=format!("reply-form-{id}") class="mt-2">
                                        <CsrfField />
                                        <input type="hidden" name="lang" value=locale.code() />
                                        <input type="hidden" name="review_id" value=id.to_string() />
                                        <div class="form-group mb-2">
                                            <label for=field_id.clone() class="active">{r.reply_label}</label>
                                            <textarea id=field_id.clone() name="body" class="form-control" rows="2" minlength="2" maxlength="2000"
                                                required=true aria-describedby=described aria-invalid=error.is_some().then_some("true")></textarea>
                                            <small id=format!("{field_id}-hint") class="form-text">{r.reply_hint}</small>
                                            {error.map(|(eid, message)| view! { <p class="text-danger small" id=eid>{message}</p> })}
                                        </div>
                                        <button type="submit" class="btn btn-primary btn-sm">{r.reply_button}</button>
                                    </form>
                                }
                            });
                            view! {
                                <div class="border rounded p-3 mb-3">
                                    <ul class="list-unstyled mb-0">{review_item(review, locale, true)}</ul>
                                    <p class="small mb-0">{format!("{} {}", r.order, review.order_reference)}</p>
                                    {reply_form}
                                </div>
                            }
                        }).collect_view();
                        view! {
                            <div id="provider-reviews">{items}</div>
                            {staff_pager(&paged, locale)}
                        }.into_any()
                    }
                })}
            </Suspense>
        </div>
    }
}
