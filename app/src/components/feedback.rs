use leptos::prelude::*;

use super::icon::Icon;

use leptos::server_fn::ServerFn;

use crate::api::feedback::SubmitPageFeedback;
use crate::i18n::Locale;
use crate::locale::use_locale;

/// The page feedback widget of the Italian PA model (`data-element="feedback"`).
///
/// A plain form posting to a server function, so it works without JavaScript; after the post
/// the server sends the visitor back to the page with `?feedback=ok`, which shows the thanks.
#[component]
pub fn PageFeedback() -> impl IntoView {
    let locale = use_locale();
    let location = leptos_router::hooks::use_location();
    let page = location.pathname.get_untracked();
    let sent = location.search.get_untracked().contains("feedback=ok");
    // Logged-in visitors' forms carry the session's CSRF token (empty for anonymous ones, whose
    // pages may be cached).
    let csrf = crate::session::session_user()
        .map(|u| u.csrf_token)
        .unwrap_or_default();
    view! { <FeedbackForm locale page sent csrf /> }
}

/// An island: once hydrated it shows only the follow-up question that fits the stars chosen.
#[island]
fn FeedbackForm(locale: Locale, page: String, sent: bool, csrf: String) -> impl IntoView {
    let t = locale.t();
    let (rating, set_rating) = signal(0u8);
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    // Before hydration both follow-up questions are visible (the form must work without JS).
    let show_positive = move || !hydrated.get() || rating.get() >= 4;
    let show_negative = move || !hydrated.get() || (1..=3).contains(&rating.get());

    let stars = (1..=5u8)
        .map(|n| {
            view! {
                <input
                    type="radio"
                    id=format!("feedback-star-{n}")
                    name="rating"
                    value=n.to_string()
                    class="visually-hidden feedback-star-input"
                    data-element=format!("feedback-rate-{n}")
                    required=true
                    on:change=move |_| set_rating.set(n)
                />
                <label for=format!("feedback-star-{n}") class="feedback-star">
                    <Icon name="it-star-full" class="icon-sm" />
                    <span class="visually-hidden">{(t.feedback_rate)(n)}</span>
                </label>
            }
        })
        .collect_view();

    let answers = |list: [&'static str; 4], prefix: &'static str| {
        list.into_iter()
            .enumerate()
            .map(|(i, a)| {
                let id = format!("feedback-{prefix}-{i}");
                view! {
                    <div class="form-check">
                        <input type="radio" name="answer" id=id.clone() value=a />
                        <label for=id>{a}</label>
                    </div>
                }
            })
            .collect_view()
    };

    view! {
        <section class="bg-primary py-5 feedback-section" id="feedback" data-element="feedback">
            <div class="container">
                <div class="row d-flex justify-content-center">
                    <div class="col-12 col-lg-6">
                        <div class="card shadow card-wrapper p-4">
                            {if sent {
                                view! {
                                    <p class="h4 mb-0" role="status">{t.feedback_thanks}</p>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <form method="post" action=SubmitPageFeedback::url()>
                                        <input type="hidden" name="csrf_token" value=csrf.clone() />
                                        <input type="hidden" name="page" value=page.clone() />
                                        <input type="hidden" name="lang" value=locale.code() />
                                        <fieldset>
                                            <legend class="h4" data-element="feedback-title">
                                                {t.feedback_title}
                                            </legend>
                                            <div class="feedback-stars">{stars}</div>
                                        </fieldset>
                                        <fieldset
                                            class="mt-3"
                                            data-element="feedback-rating-positive"
                                            hidden=move || !show_positive()
                                        >
                                            <legend class="h5">{t.feedback_positive_question}</legend>
                                            {answers(t.feedback_positive_answers, "pos")}
                                        </fieldset>
                                        <fieldset
                                            class="mt-3"
                                            data-element="feedback-rating-negative"
                                            hidden=move || !show_negative()
                                        >
                                            <legend class="h5">{t.feedback_negative_question}</legend>
                                            {answers(t.feedback_negative_answers, "neg")}
                                        </fieldset>
                                        <div class="form-group mt-4">
                                            <label for="feedback-comment" class="active">
                                                {t.feedback_comment}
                                            </label>
                                            <input
                                                type="text"
                                                id="feedback-comment"
                                                name="comment"
                                                class="form-control"
                                                maxlength="200"
                                                autocomplete="off"
                                                aria-describedby="feedback-comment-hint"
                                                data-element="feedback-input-text"
                                            />
                                            <small id="feedback-comment-hint" class="form-text">
                                                {t.feedback_comment_hint}
                                            </small>
                                        </div>
                                        <button type="submit" class="btn btn-primary mt-2">
                                            {t.feedback_send}
                                        </button>
                                    </form>
                                }
                                    .into_any()
                            }}
                        </div>
                    </div>
                </div>
            </div>
        </section>
    }
}
