//! Appointments at WeMi spaces: the one implementation of `app::ports::Appointments`, on the
//! buying service (which owns the mail outbox and the scheduled job). The rules are
//! `domain::appointments`'; this module loads what they need, asks them, and writes the outcome
//! with its e-mail in one transaction (`store::appointments`). A full slot is refused by the
//! store's unique index even when bookings race: the insert takes the first free desk and, on a
//! conflict, tries the next one until the slot is full.

use app::i18n::Locale;
use app::model::{
    AppointmentView, BookingForm, BookingService, SessionUser, SlotView, SpaceDayView,
};
use app::ports::{
    Appointments, BookingError, BookingQuery, ClientInfo, NewAppointment, StoreError,
};
use async_trait::async_trait;
use domain::appointments::{
    AppointmentError, BookingRequest, CANCEL_BEFORE_SECS, REMIND_BEFORE_SECS, bookable_range,
    check_booking, check_cancel, day_slots, free_desk, topic,
};
use domain::date::Date;
use domain::rome_time::format_rome;
use time::{Duration, OffsetDateTime};

use super::{BuyingService, now};
use crate::mail::OutgoingMail;
use crate::mail::templates::letter;
use crate::store::appointments::{self as store, AppointmentRow, Inserted, NewAppointmentRow};
use crate::store::audit;

fn internal(err: StoreError) -> BookingError {
    match err {
        StoreError::NotFound => BookingError::NotFound,
        other => {
            tracing::error!(err = %other, "appointment storage failed");
            BookingError::Internal
        }
    }
}

fn rule(e: AppointmentError) -> BookingError {
    BookingError::Rule(e)
}

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap_or_else(|_| now())
}

fn locale_of(code: &str) -> Locale {
    Locale::from_param(Some(code))
}

fn topic_name(locale: Locale, code: &str) -> String {
    app::i18n::appointments::topic_label(locale, code)
}

fn mail(
    to: &str,
    name: &str,
    locale: Locale,
    subject: (&str, &str),
    lines: Vec<String>,
) -> OutgoingMail {
    let subject = match locale {
        Locale::It => subject.0.to_string(),
        Locale::En => subject.1.to_string(),
    };
    OutgoingMail::new(to, (subject, letter(locale, name, &lines)))
}

/// The confirmation, cancellation or reminder of an appointment.
fn appointment_mail(
    s: &BuyingService,
    kind: &str,
    locale: Locale,
    to: (&str, &str),
    space: (&str, &str),
    topic_code: &str,
    starts_at: i64,
) -> OutgoingMail {
    let when = format_rome(starts_at);
    let topic = topic_name(locale, topic_code);
    let it = locale == Locale::It;
    let (subject, first) = match kind {
        "booked" => (
            ("Appuntamento prenotato – WeMi", "Appointment booked – WeMi"),
            if it {
                format!(
                    "il tuo appuntamento è prenotato per il {when} presso {} ({}).",
                    space.0, space.1
                )
            } else {
                format!(
                    "your appointment is booked for {when} at {} ({}).",
                    space.0, space.1
                )
            },
        ),
        "cancelled" => (
            (
                "Appuntamento annullato – WeMi",
                "Appointment cancelled – WeMi",
            ),
            if it {
                format!(
                    "il tuo appuntamento del {when} presso {} è stato annullato.",
                    space.0
                )
            } else {
                format!(
                    "your appointment of {when} at {} has been cancelled.",
                    space.0
                )
            },
        ),
        _ => (
            (
                "Promemoria appuntamento – WeMi",
                "Appointment reminder – WeMi",
            ),
            if it {
                format!(
                    "ti ricordiamo l'appuntamento del {when} presso {} ({}).",
                    space.0, space.1
                )
            } else {
                format!(
                    "a reminder of your appointment on {when} at {} ({}).",
                    space.0, space.1
                )
            },
        ),
    };
    let mut lines = vec![first];
    lines.push(if it {
        format!("Argomento: {topic}.")
    } else {
        format!("Topic: {topic}.")
    });
    if kind != "cancelled" {
        lines.push(if it {
            format!(
                "Puoi annullarlo fino a 2 ore prima: {}/area-personale/appuntamenti",
                s.public_url
            )
        } else {
            format!(
                "You can cancel it up to 2 hours before: {}/area-personale/appuntamenti?lang=en",
                s.public_url
            )
        });
    }
    mail(to.0, to.1, locale, subject, lines)
}

async fn audit_action(
    s: &BuyingService,
    who: &SessionUser,
    client: &ClientInfo,
    action: &str,
    target: &str,
) {
    audit::record_session_action(&s.db, who, client, action, None, target, "").await;
}

fn view(row: &AppointmentRow, at_now: i64, operator: bool) -> AppointmentView {
    let starts = row.starts_at.unix_timestamp();
    AppointmentView {
        id: row.id,
        space_name: row.space_name.clone(),
        space_address: row.space_address.clone(),
        topic: row.topic.clone(),
        starts_at: crate::store::accounts::rfc3339(row.starts_at),
        when: format_rome(starts),
        state: row.state.clone(),
        service_slug: row.service_slug.clone(),
        notes: row.notes.clone(),
        cancellable: row.state == "booked" && at_now <= starts - CANCEL_BEFORE_SECS,
        person: if operator {
            format!("{} <{}>", row.person_name, row.person_email)
        } else {
            String::new()
        },
    }
}

fn parse_day(text: &str) -> Result<Date, BookingError> {
    Date::parse(text.trim()).ok_or(rule(AppointmentError::BadDay))
}

#[async_trait]
impl Appointments for BuyingService {
    async fn booking_form(&self, query: &BookingQuery) -> Result<BookingForm, BookingError> {
        let at_now = now().unix_timestamp();
        let (first, last) = bookable_range(at_now);
        let spaces = store::spaces(&self.db).await.map_err(internal)?;
        let service = match &query.service_slug {
            Some(slug) => store::service_by_slug(&self.db, slug)
                .await
                .map_err(internal)?
                .map(|(_, slug, name_it, name_en)| BookingService {
                    slug,
                    name_it,
                    name_en,
                }),
            None => None,
        };
        let mut form = BookingForm {
            spaces,
            space_id: None,
            day: None,
            first_day: first.to_string(),
            last_day: last.to_string(),
            closed: false,
            slots: Vec::new(),
            service,
        };
        let (Some(space_id), Some(day)) = (query.space_id, query.day.as_deref()) else {
            form.space_id = query
                .space_id
                .filter(|id| form.spaces.iter().any(|s| s.id == *id));
            return Ok(form);
        };
        let space = store::space(&self.db, space_id)
            .await
            .map_err(internal)?
            .ok_or(rule(AppointmentError::UnknownSpace))?;
        let day = parse_day(day)?;
        form.space_id = Some(space.id);
        form.day = Some(day.to_string());
        if day < first || day > last {
            return Ok(form);
        }
        let closed = store::closed(&self.db, space.id, &day.to_string())
            .await
            .map_err(internal)?;
        let hours = store::hours(&self.db, space.id).await.map_err(internal)?;
        let slots = day_slots(day, &hours, closed, at_now);
        form.closed = closed || day_slots(day, &hours, false, i64::MIN).is_empty();
        let booked = store::booked_starts(&self.db, space.id, &day.to_string())
            .await
            .map_err(internal)?;
        let desks = space.appointment_desks.max(1);
        form.slots = slots
            .into_iter()
            .filter_map(|slot| {
                let taken = booked
                    .iter()
                    .filter(|b| b.unix_timestamp() == slot.starts_at)
                    .count() as i64;
                (taken < desks).then(|| SlotView {
                    starts_at: slot.starts_at,
                    time: slot.time,
                    free: desks - taken,
                })
            })
            .collect();
        Ok(form)
    }

    async fn book(
        &self,
        who: &SessionUser,
        form: &NewAppointment,
        locale: Locale,
        client: &ClientInfo,
    ) -> Result<i64, BookingError> {
        let at_now = now().unix_timestamp();
        let space = store::space(&self.db, form.space_id)
            .await
            .map_err(internal)?
            .ok_or(rule(AppointmentError::UnknownSpace))?;
        if topic(&form.topic).is_none() {
            return Err(rule(AppointmentError::UnknownTopic));
        }
        let day = Date::in_rome(form.starts_at);
        let day_text = day.to_string();
        let hours = store::hours(&self.db, space.id).await.map_err(internal)?;
        let closed = store::closed(&self.db, space.id, &day_text)
            .await
            .map_err(internal)?;
        let notes = form.notes.trim();
        check_booking(&BookingRequest {
            topic: &form.topic,
            notes,
            day,
            starts_at: form.starts_at,
            hours: &hours,
            closed,
            now: at_now,
        })
        .map_err(rule)?;
        if store::has_booking_on(&self.db, who.user_id, &day_text)
            .await
            .map_err(internal)?
        {
            return Err(rule(AppointmentError::OnePerDay));
        }
        let service_id = match &form.service_slug {
            Some(slug) => store::service_by_slug(&self.db, slug)
                .await
                .map_err(internal)?
                .map(|(id, ..)| id),
            None => None,
        };
        let starts_at = at(form.starts_at);
        let confirmation = appointment_mail(
            self,
            "booked",
            locale,
            (&who.email, &who.name),
            (&space.name, &space.address),
            &form.topic,
            form.starts_at,
        );
        let desks = space.appointment_desks.max(1);
        // Each round sees the desks taken now; a conflict means someone took one meanwhile.
        for _ in 0..desks + 3 {
            let taken = store::taken_desks(&self.db, space.id, starts_at)
                .await
                .map_err(internal)?;
            let Some(desk) = free_desk(&taken, desks) else {
                return Err(rule(AppointmentError::SlotFull));
            };
            let row = NewAppointmentRow {
                space_id: space.id,
                topic: form.topic.clone(),
                starts_at,
                day: day_text.clone(),
                desk,
                user_id: who.user_id,
                service_id,
                notes: notes.to_string(),
                locale: locale.code().to_string(),
                now: now(),
            };
            match store::insert(&self.db, &row, &confirmation)
                .await
                .map_err(internal)?
            {
                Inserted::Ok(id) => {
                    self.mail.wake();
                    audit_action(self, who, client, "appointment.booked", &id.to_string()).await;
                    return Ok(id);
                }
                Inserted::DeskTaken => continue,
                Inserted::OnePerDay => return Err(rule(AppointmentError::OnePerDay)),
            }
        }
        Err(rule(AppointmentError::SlotFull))
    }

    async fn my_appointments(
        &self,
        who: &SessionUser,
    ) -> Result<Vec<AppointmentView>, BookingError> {
        let at_now = now();
        let rows = store::of_user(&self.db, who.user_id, at_now)
            .await
            .map_err(internal)?;
        Ok(rows
            .iter()
            .map(|r| view(r, at_now.unix_timestamp(), false))
            .collect())
    }

    async fn cancel_appointment(
        &self,
        who: &SessionUser,
        id: i64,
        client: &ClientInfo,
    ) -> Result<(), BookingError> {
        let row = store::of_user_by_id(&self.db, who.user_id, id)
            .await
            .map_err(internal)?
            .ok_or(BookingError::NotFound)?;
        let starts = row.starts_at.unix_timestamp();
        check_cancel(row.state == "booked", starts, now().unix_timestamp()).map_err(rule)?;
        let notice = appointment_mail(
            self,
            "cancelled",
            locale_of(&row.locale),
            (&row.person_email, &row.person_name),
            (&row.space_name, &row.space_address),
            &row.topic,
            starts,
        );
        if !store::cancel(&self.db, row.id, now(), &notice)
            .await
            .map_err(internal)?
        {
            return Err(rule(AppointmentError::NotBooked));
        }
        self.mail.wake();
        audit_action(self, who, client, "appointment.cancelled", &id.to_string()).await;
        Ok(())
    }

    async fn space_appointments(
        &self,
        who: &SessionUser,
        day: Option<String>,
    ) -> Result<SpaceDayView, BookingError> {
        if !who.roles.iter().any(|r| r == "space_operator") {
            return Err(BookingError::Forbidden);
        }
        // The operator's own account, also in assisted mode (the session is then the citizen's).
        let operator = who.assisted_by.as_ref().map_or(who.user_id, |a| a.user_id);
        let space_id = store::operator_space(&self.db, operator)
            .await
            .map_err(internal)?
            .ok_or(BookingError::Forbidden)?;
        let space = store::space(&self.db, space_id)
            .await
            .map_err(internal)?
            .ok_or(BookingError::NotFound)?;
        let day = match day {
            Some(d) => parse_day(&d)?,
            None => Date::in_rome(now().unix_timestamp()),
        };
        let rows = store::of_space_day(&self.db, space.id, &day.to_string())
            .await
            .map_err(internal)?;
        let at_now = now().unix_timestamp();
        Ok(SpaceDayView {
            space_name: space.name,
            day: day.to_string(),
            items: rows.iter().map(|r| view(r, at_now, true)).collect(),
        })
    }
}

/// Sends the reminder of every booked appointment starting within a day, once each (the row's
/// `reminder_sent_at` is set in the same transaction that queues the e-mail). Returns how many.
pub async fn send_reminders(s: &BuyingService) -> anyhow::Result<usize> {
    let at_now = now();
    let rows = store::due_reminders(
        &s.db,
        at_now,
        at_now + Duration::seconds(REMIND_BEFORE_SECS),
    )
    .await?;
    let mut sent = 0;
    for row in rows {
        let reminder = appointment_mail(
            s,
            "reminder",
            locale_of(&row.locale),
            (&row.person_email, &row.person_name),
            (&row.space_name, &row.space_address),
            &row.topic,
            row.starts_at.unix_timestamp(),
        );
        if store::mark_reminded(&s.db, row.id, at_now, &reminder).await? {
            sent += 1;
        }
    }
    if sent > 0 {
        s.mail.wake();
    }
    Ok(sent)
}
