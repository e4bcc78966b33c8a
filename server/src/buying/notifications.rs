//! The notification centre: a feed read from the stored events (no copy kept), with the last
//! time the person read it.

use app::model::{NotificationView, NotificationsPage, PageRequest, Paged, SessionUser};
use app::ports::BuyingError;

use super::{BuyingService, internal, now};
use crate::store::accounts::rfc3339;
use crate::store::notifications::{self as store, NotificationRow};

fn link(row: &NotificationRow) -> String {
    match row.kind.as_str() {
        "domestic_application" => return "/lavoro-domestico/candidatura?passo=riepilogo".into(),
        "domestic_proposal" => return "/area-personale/proposte".into(),
        "domestic_request" => return format!("/area-personale/lavoro-domestico/{}", row.reference),
        _ => {}
    }
    let base = match (row.audience.as_str(), row.kind.as_str()) {
        ("provider", "order") => "/ente/ordini",
        ("provider", _) => "/ente/preventivi",
        (_, "order") => "/area-personale/ordini",
        _ => "/area-personale/preventivi",
    };
    format!("{base}/{}", row.reference)
}

pub(super) async fn page(
    s: &BuyingService,
    who: &SessionUser,
    page: PageRequest,
) -> Result<NotificationsPage, BuyingError> {
    let per_page = page.per_page.clamp(1, 100);
    let number = page.page.max(1);
    let offset = i64::from(number - 1) * i64::from(per_page);
    let (rows, total) = store::page(&s.db, who.user_id, i64::from(per_page), offset)
        .await
        .map_err(internal)?;
    let seen = store::seen_at(&s.db, who.user_id).await.map_err(internal)?;
    let unread = store::unread(&s.db, who.user_id).await.map_err(internal)?;
    let items = rows
        .into_iter()
        .map(|row| NotificationView {
            link: link(&row),
            unread: seen.is_none_or(|seen| row.at > seen),
            at: rfc3339(row.at),
            kind: row.kind,
            reference: row.reference,
            code: row.code,
            party: row.party,
        })
        .collect();
    Ok(NotificationsPage {
        page: Paged {
            total,
            page: number,
            per_page,
            items,
        },
        unread,
    })
}

pub(super) async fn mark_read(s: &BuyingService, who: &SessionUser) -> Result<(), BuyingError> {
    store::mark_seen(&s.db, who.user_id, now())
        .await
        .map_err(internal)
}
