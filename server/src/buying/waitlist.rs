//! Waitlists of shared services. A family that finds too few seats leaves its name; when seats
//! free up (an order expires or is cancelled) the scheduled job tells the waiting families,
//! oldest first and as many as the free seats fit (`domain::seats::promote`), by e-mail. Being
//! told is not a booking: the seats go to whoever buys them first, as the e-mail says.

use app::i18n::Locale;
use app::model::{SessionUser, WaitlistEntry};
use app::ports::BuyingError;
use domain::seats::{MAX_SEATS_PER_REQUEST, SeatRequest, promote};

use super::{BuyingService, internal, now};
use crate::mail::OutgoingMail;
use crate::mail::templates::letter;
use crate::store::waitlist as store;

pub(super) async fn join(
    s: &BuyingService,
    who: &SessionUser,
    service_id: i64,
    seats: i64,
) -> Result<(), BuyingError> {
    let service = store::shared_service(&s.db, service_id)
        .await
        .map_err(internal)?
        .filter(|sv| sv.status == "validated" && sv.mode == "shared")
        .ok_or(BuyingError::NotFound)?;
    let capacity = service.capacity.unwrap_or(0);
    if seats < 1 || seats > i64::from(MAX_SEATS_PER_REQUEST) || seats > capacity {
        return Err(BuyingError::InvalidField("people"));
    }
    store::join(&s.db, service_id, who.user_id, seats, now())
        .await
        .map_err(internal)
}

pub(super) async fn leave(
    s: &BuyingService,
    who: &SessionUser,
    service_id: i64,
) -> Result<(), BuyingError> {
    store::leave(&s.db, service_id, who.user_id)
        .await
        .map_err(internal)?;
    Ok(())
}

pub(super) async fn mine(
    s: &BuyingService,
    who: &SessionUser,
) -> Result<Vec<WaitlistEntry>, BuyingError> {
    let rows = store::mine(&s.db, who.user_id).await.map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|r| WaitlistEntry {
            service_id: r.service_id,
            service_slug: r.slug,
            service_name_it: r.name_it,
            service_name_en: r.name_en,
            seats: r.seats,
            position: r.position,
            since: crate::store::accounts::rfc3339(r.created_at),
            told_at: r.notified_at.map(crate::store::accounts::rfc3339),
        })
        .collect())
}

fn freed_mail(s: &BuyingService, w: &store::Waiting) -> OutgoingMail {
    let link = format!("{}/servizi/{}#acquista", s.public_url, w.slug);
    let lines = vec![
        format!(
            "si sono liberati dei posti in «{}», per cui sei in lista d'attesa ({} posti richiesti).",
            w.service_name, w.seats
        ),
        "I posti vanno a chi li acquista per primo: se ti interessano, prenotali ora.".to_string(),
        link,
    ];
    OutgoingMail::new(
        &w.email,
        (
            "Si sono liberati dei posti – WeMi".to_string(),
            letter(Locale::It, &w.name, &lines),
        ),
    )
}

/// The job: tells waiting families about freed seats. Returns how many were told.
pub async fn tell_freed(s: &BuyingService) -> Result<usize, BuyingError> {
    let waiting = store::untold_with_free_seats(&s.db)
        .await
        .map_err(internal)?;
    let mut told = Vec::new();
    for group in waiting.chunk_by(|a, b| a.service_id == b.service_id) {
        let free = u32::try_from(group[0].free.max(0)).unwrap_or(0);
        let requests: Vec<SeatRequest> = group
            .iter()
            .map(|w| SeatRequest {
                id: w.id,
                seats: u32::try_from(w.seats.max(0)).unwrap_or(u32::MAX),
            })
            .collect();
        for id in promote(free, &requests) {
            if let Some(w) = group.iter().find(|w| w.id == id) {
                told.push((id, freed_mail(s, w)));
            }
        }
    }
    if told.is_empty() {
        return Ok(0);
    }
    let count = store::mark_told(&s.db, &told, now())
        .await
        .map_err(internal)?;
    s.mail.wake();
    Ok(count)
}
