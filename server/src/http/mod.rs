//! The HTTP surface: Leptos pages and server functions, the JSON API, static files, health,
//! and the middleware every request passes through.

// Administration (issue 8).
mod admin;
mod domestic;
mod headers;
mod health;
mod identity;
mod kiosk;
mod limits;
mod locale;
mod origin;
mod page_cache;
mod quotes;
mod receipts;
mod statics;
mod voucher_import;
mod webhooks;
// Statistics (issue 8).
mod statistics;

use std::sync::Arc;
use std::time::Duration;

use app::components::footer::DemoMode;
use app::ports::SharedStore;
use app::{App, shell};
use axum::Router;
use axum::extract::FromRef;
use axum::routing::get;
use http::HeaderName;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// What every handler can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: SharedStore,
    pub demo: bool,
    pub accounts: Arc<crate::auth::service::AccountService>,
    pub buying: Arc<crate::buying::BuyingService>,
    pub domestic: Arc<crate::domestic::DomesticService>,
    // Administration (issue 8).
    pub admin: Arc<crate::admin::AdminService>,
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let store = state.store.clone();
        let accounts: app::ports::SharedAccounts = state.accounts.clone();
        let buying: app::ports::SharedBuying = state.buying.clone();
        let reviews: app::ports::SharedReviews = state.buying.clone();
        let appointments: app::ports::SharedAppointments = state.buying.clone();
        let domestic: app::ports::SharedDomesticWork = state.domestic.clone();
        // Statistics (issue 8).
        let statistics: app::ports::SharedStatistics = state.buying.clone();
        let admin: app::ports::SharedAdministration = state.admin.clone();
        let demo = state.demo;
        move || {
            provide_context::<SharedStore>(Arc::clone(&store));
            provide_context::<app::ports::SharedAccounts>(Arc::clone(&accounts));
            provide_context::<app::ports::SharedBuying>(Arc::clone(&buying));
            provide_context::<app::ports::SharedReviews>(Arc::clone(&reviews));
            provide_context::<app::ports::SharedAppointments>(Arc::clone(&appointments));
            provide_context::<app::ports::SharedDomesticWork>(Arc::clone(&domestic));
            provide_context::<app::ports::SharedStatistics>(Arc::clone(&statistics));
            provide_context::<app::ports::SharedAdministration>(Arc::clone(&admin));
            provide_context(DemoMode(demo));
            leptos::nonce::provide_nonce();
        }
    };
    let request_id = HeaderName::from_static("x-request-id");
    let page_cache = Arc::new(page_cache::PageCache::default());

    Router::new()
        .route("/healthz", get(health::healthz))
        .route(
            "/lavoro-domestico/calcolatore.pdf",
            get(crate::pdf::calculator_pdf),
        )
        // The English twin of the calculator page.
        .route(
            "/domestic-work/calculator",
            get(|| async {
                axum::response::Redirect::permanent("/lavoro-domestico/calcolatore?lang=en")
            }),
        )
        .route("/chiosco/ricomincia", get(kiosk::start_over))
        .route("/accedi/identita-digitale", get(identity::begin))
        .route("/accedi/identita-digitale/ritorno", get(identity::callback))
        .route(
            "/preventivi/invia",
            axum::routing::post(quotes::submit).with_state(state.buying.clone()),
        )
        .route(
            "/area-personale/ordini/{reference}/ricevuta.pdf",
            get(receipts::download).with_state(state.buying.clone()),
        )
        .route(
            "/ente/ordini/rendiconto.csv",
            get(receipts::payouts).with_state(state.buying.clone()),
        )
        .route(
            "/ente/ordini/{reference}/ricevuta.pdf",
            get(receipts::download).with_state(state.buying.clone()),
        )
        .route(
            "/ente/preventivi/{reference}/allegato",
            axum::routing::post(quotes::attach)
                .with_state(state.buying.clone())
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::buying::quotes::MAX_OFFER_PDF_BYTES + 64 * 1024,
                )),
        )
        .route(
            "/preventivi/{reference}/offerte/{offer}",
            get(quotes::document).with_state(state.buying.clone()),
        )
        .route(
            "/amministrazione/voucher/spesa.csv",
            get(voucher_import::spending).with_state(state.buying.clone()),
        )
        .route(
            "/amministrazione/voucher/importa",
            axum::routing::post(voucher_import::upload)
                .with_state(state.buying.clone())
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::buying::voucher_import::MAX_FILE_BYTES + 64 * 1024,
                )),
        )
        .merge(domestic_routes(&state))
        // Statistics (issue 8).
        .route(
            "/amministrazione/statistiche.csv",
            get(statistics::csv).with_state(state.buying.clone()),
        )
        .route(
            "/amministrazione/statistiche.xlsx",
            get(statistics::xlsx).with_state(state.buying.clone()),
        )
        .merge(admin_routes(&state))
        .route(
            "/webhooks/{gateway}",
            axum::routing::post(webhooks::receive).with_state(state.buying.clone()),
        )
        .nest("/api/v1", crate::rest::router())
        // `/hsds/` with its slash, as the contract writes it (nesting serves `/hsds`).
        .route("/hsds/", get(crate::hsds::root))
        .nest("/hsds", crate::hsds::router())
        .merge(statics::router(&state.leptos_options))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
                .layer(TraceLayer::new_for_http().make_span_with(
                    |req: &http::Request<axum::body::Body>| {
                        let id = req
                            .headers()
                            .get("x-request-id")
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("-");
                        // The path only: queries may carry one-time tokens and codes.
                        tracing::info_span!("request", id, method = %req.method(), path = %req.uri().path())
                    },
                ))
                .layer(PropagateRequestIdLayer::new(request_id))
                .layer(axum::middleware::from_fn(headers::security_headers))
                // The language first, so refusals below speak it.
                .layer(axum::middleware::from_fn(locale::choose_locale))
                .layer(axum::middleware::from_fn(origin::refuse_cross_site))
                .layer(CompressionLayer::new())
                .layer(axum::middleware::from_fn(move |req, next| {
                    page_cache::serve(page_cache.clone(), req, next)
                }))
                // Who is asking (session cookie), then whether the route allows them. Before
                // the body limit layer, which changes the body type.
                .layer(axum::middleware::from_fn_with_state(
                    state.accounts.clone(),
                    crate::auth::layer::identify,
                ))
                .layer(axum::middleware::from_fn(crate::auth::layer::guard))
                .layer(axum::middleware::from_fn(limits::limit_body))
                .layer(TimeoutLayer::with_status_code(
                    http::StatusCode::REQUEST_TIMEOUT,
                    Duration::from_secs(30),
                )),
        )
        .with_state(state)
}

/// Domestic work's form posts and files (`http/domestic.rs`).
fn domestic_routes(state: &AppState) -> Router<AppState> {
    use axum::routing::post;
    let d = state.domestic.clone();
    Router::new()
        .route(
            "/lavoro-domestico/candidatura/salva",
            post(domestic::save_step).with_state(d.clone()),
        )
        .route(
            "/lavoro-domestico/candidatura/invia",
            post(domestic::submit).with_state(d.clone()),
        )
        .route(
            "/lavoro-domestico/candidatura/documenti",
            post(domestic::upload).with_state(d.clone()).layer(
                axum::extract::DefaultBodyLimit::max(
                    crate::domestic::MAX_DOCUMENT_BYTES + 64 * 1024,
                ),
            ),
        )
        .route(
            "/lavoro-domestico/candidatura/documenti/elimina",
            post(domestic::delete_document).with_state(d.clone()),
        )
        .route(
            "/lavoro-domestico/candidatura/cv.pdf",
            get(domestic::own_cv).with_state(d.clone()),
        )
        .route(
            "/lavoro-domestico/documenti/{id}",
            get(domestic::document).with_state(d.clone()),
        )
        .route(
            "/lavoro-domestico/richiesta/invia",
            post(domestic::create_request).with_state(d.clone()),
        )
        .route(
            "/area-personale/lavoro-domestico/{reference}/azione",
            post(domestic::family_action).with_state(d.clone()),
        )
        .route(
            "/area-personale/proposte/azione",
            post(domestic::worker_action).with_state(d.clone()),
        )
        .route(
            "/amministrazione/lavoratori/{id}/azione",
            post(domestic::staff_application_action).with_state(d.clone()),
        )
        .route(
            "/amministrazione/lavoratori/{id}/cv.pdf",
            get(domestic::staff_cv).with_state(d.clone()),
        )
        .route(
            "/amministrazione/richieste-lavoro/{reference}/azione",
            post(domestic::staff_request_action).with_state(d),
        )
}

/// City administration's form posts (`http/admin.rs`, issue 8).
fn admin_routes(state: &AppState) -> Router<AppState> {
    use axum::routing::post;
    let a = state.admin.clone();
    Router::new()
        .route(
            "/amministrazione/utenti/{id}/ruoli",
            post(admin::change_role).with_state(a.clone()),
        )
        .route(
            "/amministrazione/spazi/{id}/orari",
            post(admin::set_hours).with_state(a.clone()),
        )
        .route(
            "/amministrazione/spazi/{id}/sportelli",
            post(admin::set_desks).with_state(a.clone()),
        )
        .route(
            "/amministrazione/spazi/{id}/chiusure",
            post(admin::add_closure).with_state(a.clone()),
        )
        .route(
            "/amministrazione/spazi/{id}/chiusure/elimina",
            post(admin::remove_closure).with_state(a),
        )
}
