//! Who may use each route: the one table the authorization layer reads. A request whose route
//! has no rule here is refused (deny by default); `tests/access_matrix.rs` enumerates every
//! route the server has (pages, server functions, JSON API, open data, files) and fails when one
//! lacks a rule, then checks each role against the rules on the running server.

use domain::accounts::access::Rule;
use domain::accounts::roles::{Permission, RoleKind};
use http::Method;

/// `{name}` matches one path segment, a final `{*name}` the rest of the path.
pub struct RouteRule {
    pub pattern: &'static str,
    /// `None`: every method.
    pub method: Option<Method>,
    pub rule: Rule,
}

const fn any(pattern: &'static str, rule: Rule) -> RouteRule {
    RouteRule {
        pattern,
        method: None,
        rule,
    }
}

const fn only(method: Method, pattern: &'static str, rule: Rule) -> RouteRule {
    RouteRule {
        pattern,
        method: Some(method),
        rule,
    }
}

const PUBLIC: Rule = Rule::Public;
const LOGGED_IN: Rule = Rule::Authenticated;
const AUDIT: Rule = Rule::Permission(Permission::Audit);
const USERS: Rule = Rule::Permission(Permission::Users);
const VOUCHERS: Rule = Rule::Permission(Permission::Vouchers);
const CONTENT: Rule = Rule::Permission(Permission::Content);
/// City staff who moderate reviews (never the reviewed provider: checked again per review).
const REVIEWS: Rule = Rule::Permission(Permission::ReviewsModeration);
/// City staff who validate domestic workers and match them with families.
const WORKERS: Rule = Rule::Permission(Permission::WorkersMatching);
// Statistics (issue 8).
const STATISTICS: Rule = Rule::Permission(Permission::Statistics);
/// Staff of a provider (admins and operators); which provider's data they see is checked by
/// the buying service against their role's scope.
pub const PROVIDER_STAFF: Rule =
    Rule::AnyRole(&[RoleKind::ProviderAdmin, RoleKind::ProviderOperator]);
/// Operators of WeMi spaces (assisted mode, kiosk help).
pub const SPACE_STAFF: Rule = Rule::AnyRole(&[RoleKind::SpaceOperator]);

pub static RULES: &[RouteRule] = &[
    // Pages anyone may see.
    any("/", PUBLIC),
    any("/spazi", PUBLIC),
    any("/servizi", PUBLIC),
    any("/servizi/{slug}", PUBLIC),
    any("/categorie/{slug}", PUBLIC),
    any("/destinatari/{slug}", PUBLIC),
    any("/enti", PUBLIC),
    any("/enti/{slug}", PUBLIC),
    any("/prossimamente", PUBLIC),
    any("/privacy", PUBLIC),
    any("/note-legali", PUBLIC),
    any("/faq", PUBLIC),
    any("/contatti", PUBLIC),
    any("/segnala-disservizio", PUBLIC),
    any("/lavoro-domestico/calcolatore", PUBLIC),
    any("/lavoro-domestico/calcolatore.pdf", PUBLIC),
    any("/domestic-work/calculator", PUBLIC),
    // Account pages reachable without a session.
    any("/accedi", PUBLIC),
    any("/accedi/identita-digitale", PUBLIC),
    any("/accedi/identita-digitale/ritorno", PUBLIC),
    any("/registrati", PUBLIC),
    any("/verifica-email", PUBLIC),
    any("/password-dimenticata", PUBLIC),
    any("/reimposta-password", PUBLIC),
    // The person's own area.
    any("/area-personale", LOGGED_IN),
    any("/area-personale/profilo", LOGGED_IN),
    any("/area-personale/sicurezza", LOGGED_IN),
    any("/area-personale/privacy", LOGGED_IN),
    any("/area-personale/ordini", LOGGED_IN),
    any("/area-personale/ordini/{reference}", LOGGED_IN),
    any("/area-personale/ordini/{reference}/ricevuta.pdf", LOGGED_IN),
    any("/area-personale/voucher", LOGGED_IN),
    any("/area-personale/notifiche", LOGGED_IN),
    // Domestic work: anyone may read the entry page; applying and asking need an account
    // (whose application, request or proposal it is is checked by the service: a worker's
    // own, a family's own, staff with the workers permission).
    any("/lavoro-domestico", PUBLIC),
    any("/lavoro-domestico/candidatura", LOGGED_IN),
    only(
        Method::POST,
        "/lavoro-domestico/candidatura/salva",
        LOGGED_IN,
    ),
    only(
        Method::POST,
        "/lavoro-domestico/candidatura/invia",
        LOGGED_IN,
    ),
    only(
        Method::POST,
        "/lavoro-domestico/candidatura/documenti",
        LOGGED_IN,
    ),
    only(
        Method::POST,
        "/lavoro-domestico/candidatura/documenti/elimina",
        LOGGED_IN,
    ),
    only(
        Method::GET,
        "/lavoro-domestico/candidatura/cv.pdf",
        LOGGED_IN,
    ),
    // A document's file: its worker, or staff with the workers permission (audited).
    only(Method::GET, "/lavoro-domestico/documenti/{id}", LOGGED_IN),
    any("/lavoro-domestico/richiesta", LOGGED_IN),
    only(Method::POST, "/lavoro-domestico/richiesta/invia", LOGGED_IN),
    any("/area-personale/lavoro-domestico", LOGGED_IN),
    any("/area-personale/lavoro-domestico/{reference}", LOGGED_IN),
    only(
        Method::POST,
        "/area-personale/lavoro-domestico/{reference}/azione",
        LOGGED_IN,
    ),
    any("/area-personale/proposte", LOGGED_IN),
    only(Method::POST, "/area-personale/proposte/azione", LOGGED_IN),
    any("/amministrazione/lavoratori", WORKERS),
    any("/amministrazione/lavoratori/{id}", WORKERS),
    only(
        Method::POST,
        "/amministrazione/lavoratori/{id}/azione",
        WORKERS,
    ),
    only(
        Method::GET,
        "/amministrazione/lavoratori/{id}/cv.pdf",
        WORKERS,
    ),
    any("/amministrazione/richieste-lavoro", WORKERS),
    any("/amministrazione/richieste-lavoro/{reference}", WORKERS),
    only(
        Method::POST,
        "/amministrazione/richieste-lavoro/{reference}/azione",
        WORKERS,
    ),
    // Appointments at WeMi spaces: booking and one's own list need an account; which
    // appointment one may cancel is checked by the service (only one's own).
    any("/appuntamenti/nuovo", LOGGED_IN),
    any("/area-personale/appuntamenti", LOGGED_IN),
    // Buying: the cart is anyone's (an anonymous cart moves into the account at login);
    // checkout needs an account.
    any("/carrello", PUBLIC),
    any("/carrello/dati", LOGGED_IN),
    any("/carrello/riepilogo", LOGGED_IN),
    // The demo gateway's hosted page: like a real gateway's, reachable by whoever holds its
    // unguessable address.
    any("/pagamento/demo/{gateway_ref}", PUBLIC),
    // Quote requests: the citizen's, and those a provider received.
    any("/preventivi/nuovo", LOGGED_IN),
    only(Method::POST, "/preventivi/invia", LOGGED_IN),
    any("/area-personale/preventivi", LOGGED_IN),
    any("/area-personale/preventivi/{reference}", LOGGED_IN),
    any("/ente/preventivi", PROVIDER_STAFF),
    any("/ente/preventivi/{reference}", PROVIDER_STAFF),
    only(
        Method::POST,
        "/ente/preventivi/{reference}/allegato",
        PROVIDER_STAFF,
    ),
    // An offer's quote document: the citizen who asked or the provider who offered (checked
    // by the buying service).
    only(
        Method::GET,
        "/preventivi/{reference}/offerte/{offer}",
        LOGGED_IN,
    ),
    // Gateways' webhooks: the signature is the authentication.
    only(Method::POST, "/webhooks/{gateway}", PUBLIC),
    // Provider staff.
    any("/ente/ordini", PROVIDER_STAFF),
    only(Method::GET, "/ente/ordini/rendiconto.csv", PROVIDER_STAFF),
    any("/ente/pagamenti", PROVIDER_STAFF),
    any("/ente/ordini/{reference}", PROVIDER_STAFF),
    any("/ente/ordini/{reference}/ricevuta.pdf", PROVIDER_STAFF),
    // Published reviews of the provider's services, each with its one reply.
    any("/ente/recensioni", PROVIDER_STAFF),
    // "Start over" on a kiosk tablet (ends the session there, if any).
    any("/chiosco/ricomincia", PUBLIC),
    // WeMi space operators.
    any("/operatore/assistenza", SPACE_STAFF),
    // The day's appointments of the operator's own space (scope checked by the service).
    any("/operatore/appuntamenti", SPACE_STAFF),
    // City back office.
    any("/amministrazione/registro-attivita", AUDIT),
    any("/amministrazione/chioschi", USERS),
    any("/amministrazione/voucher", VOUCHERS),
    any("/amministrazione/valutazioni-pagine", CONTENT),
    only(Method::POST, "/amministrazione/voucher/importa", VOUCHERS),
    only(Method::GET, "/amministrazione/voucher/spesa.csv", VOUCHERS),
    any("/amministrazione/recensioni", REVIEWS),
    // Server functions (pages' forms and islands).
    any("/fn/calculator_prices", PUBLIC),
    any("/fn/home_overview", PUBLIC),
    any("/fn/page_feedback", PUBLIC),
    any("/fn/problem_report", PUBLIC),
    any("/fn/search_catalog", PUBLIC),
    any("/fn/suggest_services", PUBLIC),
    any("/fn/service_page", PUBLIC),
    any("/fn/provider_page", PUBLIC),
    any("/fn/providers_list", PUBLIC),
    any("/fn/login", PUBLIC),
    any("/fn/register", PUBLIC),
    any("/fn/verify_email", PUBLIC),
    any("/fn/forgot_password", PUBLIC),
    any("/fn/reset_password", PUBLIC),
    // Logging out without a session is harmless and answers like a logout.
    any("/fn/logout", PUBLIC),
    any("/fn/change_password", LOGGED_IN),
    any("/fn/update_profile", LOGGED_IN),
    any("/fn/request_deletion", LOGGED_IN),
    any("/fn/cancel_deletion", LOGGED_IN),
    any("/fn/account_profile", LOGGED_IN),
    any("/fn/identity_login_available", PUBLIC),
    any("/fn/audit_log", AUDIT),
    any("/fn/page_feedback_results", CONTENT),
    any("/fn/kiosk_devices", USERS),
    any("/fn/enable_kiosk", USERS),
    any("/fn/revoke_kiosk", USERS),
    any("/fn/assist_page", SPACE_STAFF),
    any("/fn/begin_assistance", SPACE_STAFF),
    any("/fn/confirm_assistance", SPACE_STAFF),
    // Ending assisted mode runs as the citizen's identity, so any logged-in session.
    any("/fn/end_assistance", LOGGED_IN),
    any("/fn/load_cart", PUBLIC),
    any("/fn/add_to_cart", PUBLIC),
    any("/fn/update_cart_line", PUBLIC),
    any("/fn/remove_cart_line", PUBLIC),
    any("/fn/save_checkout_draft", LOGGED_IN),
    any("/fn/place_orders", LOGGED_IN),
    any("/fn/my_orders", LOGGED_IN),
    // Citizens see their own orders, staff their provider's: checked per order by the service.
    any("/fn/load_order", LOGGED_IN),
    any("/fn/order_action", LOGGED_IN),
    any("/fn/pay_order", LOGGED_IN),
    any("/fn/my_vouchers", LOGGED_IN),
    any("/fn/my_notifications", LOGGED_IN),
    any("/fn/payment_accounts", PROVIDER_STAFF),
    any("/fn/set_payment_account", PROVIDER_STAFF),
    any("/fn/join_waitlist", LOGGED_IN),
    any("/fn/leave_waitlist", LOGGED_IN),
    any("/fn/my_waitlist", LOGGED_IN),
    any("/fn/mark_notifications_read", LOGGED_IN),
    any("/fn/voucher_imports", VOUCHERS),
    any("/fn/find_vouchers", VOUCHERS),
    any("/fn/voucher_preview", VOUCHERS),
    any("/fn/confirm_voucher_import", VOUCHERS),
    any("/fn/assign_voucher", VOUCHERS),
    any("/fn/revoke_voucher", VOUCHERS),
    any("/fn/provider_orders", PROVIDER_STAFF),
    any("/fn/load_demo_checkout", PUBLIC),
    any("/fn/load_quote_start", LOGGED_IN),
    any("/fn/my_quote_requests", LOGGED_IN),
    any("/fn/received_quote_requests", PROVIDER_STAFF),
    // The citizen's own requests, or a provider's received ones: checked per request.
    any("/fn/load_quote", LOGGED_IN),
    any("/fn/quote_action", LOGGED_IN),
    any("/fn/demo_outcome", PUBLIC),
    // Reviews: the order's citizen writes one (checked per order by the service), the city
    // moderates, the provider's staff reply, everyone reads the published ones.
    any("/fn/load_order_review", LOGGED_IN),
    any("/fn/submit_review", LOGGED_IN),
    any("/fn/review_queue", REVIEWS),
    any("/fn/moderate_review", REVIEWS),
    any("/fn/received_reviews", PROVIDER_STAFF),
    any("/fn/reply_review", PROVIDER_STAFF),
    any("/fn/service_reviews", PUBLIC),
    any("/fn/provider_public_reviews", PUBLIC),
    any("/fn/appointment_form", LOGGED_IN),
    any("/fn/book_appointment", LOGGED_IN),
    any("/fn/my_appointments", LOGGED_IN),
    any("/fn/cancel_appointment", LOGGED_IN),
    any("/fn/space_appointments", SPACE_STAFF),
    any("/fn/domestic_application_page", LOGGED_IN),
    any("/fn/domestic_request_draft", LOGGED_IN),
    any("/fn/my_domestic_requests", LOGGED_IN),
    any("/fn/domestic_request_page", LOGGED_IN),
    any("/fn/my_job_proposals", LOGGED_IN),
    any("/fn/staff_worker_applications", WORKERS),
    any("/fn/staff_worker_application", WORKERS),
    any("/fn/staff_family_requests", WORKERS),
    any("/fn/staff_family_request", WORKERS),
    // JSON API.
    any("/api/v1/openapi.json", PUBLIC),
    any("/api/v1/categories", PUBLIC),
    any("/api/v1/services", PUBLIC),
    any("/api/v1/services/{id}", PUBLIC),
    any("/api/v1/providers", PUBLIC),
    any("/api/v1/providers/{id}", PUBLIC),
    any("/api/v1/spaces", PUBLIC),
    any("/api/v1/calculator/domestic-work", PUBLIC),
    only(Method::POST, "/api/v1/session", PUBLIC),
    only(Method::DELETE, "/api/v1/session", PUBLIC),
    only(Method::GET, "/api/v1/session", LOGGED_IN),
    any("/api/v1/me", LOGGED_IN),
    any("/api/v1/me/export", LOGGED_IN),
    any("/api/v1/admin/audit-log", AUDIT),
    // Open data.
    any("/hsds", PUBLIC),
    any("/hsds/", PUBLIC),
    any("/hsds/{*path}", PUBLIC),
    // Health and files of the site.
    any("/healthz", PUBLIC),
    any("/pkg/{*file}", PUBLIC),
    any("/assets/{*file}", PUBLIC),
    any("/icons/{*file}", PUBLIC),
    any("/sw.js", PUBLIC),
    any("/manifest.webmanifest", PUBLIC),
    any("/offline.html", PUBLIC),
    any("/robots.txt", PUBLIC),
    any("/favicon.ico", PUBLIC),
    // Statistics (issue 8).
    any("/amministrazione/statistiche", STATISTICS),
    any("/fn/statistics_page", STATISTICS),
    only(Method::GET, "/amministrazione/statistiche.csv", STATISTICS),
    only(Method::GET, "/amministrazione/statistiche.xlsx", STATISTICS),
    // Administration (issue 8): accounts' roles and permissions, WeMi spaces' schedules.
    any("/amministrazione/utenti", USERS),
    any("/amministrazione/utenti/{id}", USERS),
    only(Method::POST, "/amministrazione/utenti/{id}/ruoli", USERS),
    any("/fn/admin_users", USERS),
    any("/fn/admin_user", USERS),
    any("/amministrazione/spazi", CONTENT),
    any("/amministrazione/spazi/{id}", CONTENT),
    only(Method::POST, "/amministrazione/spazi/{id}/orari", CONTENT),
    only(
        Method::POST,
        "/amministrazione/spazi/{id}/sportelli",
        CONTENT,
    ),
    only(
        Method::POST,
        "/amministrazione/spazi/{id}/chiusure",
        CONTENT,
    ),
    only(
        Method::POST,
        "/amministrazione/spazi/{id}/chiusure/elimina",
        CONTENT,
    ),
    any("/fn/admin_spaces", CONTENT),
    any("/fn/admin_space", CONTENT),
];

/// A path the rules can be trusted on: no `.` or `..` segment, no percent-encoded dot, slash
/// or backslash, no backslash. (Paths are matched as sent; the page renderer would resolve
/// such segments to another route.)
pub fn is_plain_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    !lower.contains("%2e")
        && !lower.contains("%2f")
        && !lower.contains("%5c")
        && !path.contains('\\')
        && path
            .split('/')
            .all(|segment| segment != "." && segment != "..")
}

/// The rule for a request, or `None` when no route of the table matches it.
pub fn rule_for(method: &Method, path: &str) -> Option<Rule> {
    RULES
        .iter()
        .filter(|r| r.method.as_ref().is_none_or(|m| m == method))
        .find(|r| matches(r.pattern, path))
        .map(|r| r.rule)
}

/// Whether some rule names this path, for any method.
pub fn path_is_known(path: &str) -> bool {
    RULES.iter().any(|r| matches(r.pattern, path))
}

pub fn matches(pattern: &str, path: &str) -> bool {
    let path = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    let pattern_trimmed = if pattern.len() > 1 {
        pattern.trim_end_matches('/')
    } else {
        pattern
    };
    let mut want = pattern_trimmed.split('/');
    let mut have = path.split('/');
    loop {
        match (want.next(), have.next()) {
            (None, None) => return true,
            (Some(w), _) if w.starts_with("{*") => return true,
            (Some(w), Some(h)) if w.starts_with('{') => {
                if h.is_empty() {
                    return false;
                }
            }
            (Some(w), Some(h)) if w == h => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_segments() {
        assert!(matches("/", "/"));
        assert!(matches("/servizi/{slug}", "/servizi/baby-sitting"));
        assert!(!matches("/servizi/{slug}", "/servizi/a/b"));
        assert!(!matches("/servizi/{slug}", "/servizi"));
        assert!(matches("/pkg/{*file}", "/pkg/wemi.wasm"));
        assert!(matches("/hsds/{*path}", "/hsds/services/x"));
        assert!(!matches("/enti", "/entix"));
    }

    #[test]
    fn dotted_paths_are_not_plain() {
        assert!(is_plain_path("/servizi/baby-sitting"));
        assert!(is_plain_path("/"));
        for bad in [
            "/servizi/../amministrazione/registro-attivita",
            "/servizi/%2e%2e/amministrazione/registro-attivita",
            "/servizi/%2E./x",
            "/./area-personale",
            "/servizi%2f..%2famministrazione",
            "/servizi\\..\\x",
        ] {
            assert!(!is_plain_path(bad), "{bad}");
        }
    }

    #[test]
    fn methods_are_distinguished() {
        assert_eq!(
            rule_for(&Method::POST, "/api/v1/session"),
            Some(Rule::Public)
        );
        assert_eq!(
            rule_for(&Method::GET, "/api/v1/session"),
            Some(Rule::Authenticated)
        );
        assert_eq!(rule_for(&Method::PUT, "/api/v1/session"), None);
        assert_eq!(
            rule_for(&Method::GET, "/api/v1/admin/audit-log"),
            Some(AUDIT)
        );
        assert_eq!(rule_for(&Method::GET, "/segreto"), None);
    }
}
