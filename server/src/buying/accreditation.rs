//! The scheduled reminders that a provider's accreditation is about to expire (60, 30, 7 days
//! before: `domain::accreditation`), by e-mail to the provider, its admins and the city staff
//! who manage providers; once each, whatever the instances do.

use app::i18n::Locale;
use domain::accreditation::{THRESHOLDS, reminder_due};
use domain::date::Date;

use super::{BuyingService, internal, now};
use crate::mail::OutgoingMail;
use crate::mail::templates::letter;
use crate::store::accreditation as store;
use app::ports::BuyingError;

/// One pass; returns how many reminders went out.
pub async fn remind(s: &BuyingService) -> Result<usize, BuyingError> {
    let today = Date::in_rome(now().unix_timestamp());
    let horizon = today.add_days(THRESHOLDS.iter().copied().max().unwrap_or(0));
    let expiring = store::expiring(&s.db, &today.to_string(), &horizon.to_string())
        .await
        .map_err(internal)?;
    let mut count = 0;
    for p in expiring {
        let Some(until) = Date::parse(&p.accredited_until) else {
            continue;
        };
        let sent = store::sent(&s.db, p.id, &p.accredited_until)
            .await
            .map_err(internal)?;
        let Some(threshold) = reminder_due(until, today, &sent) else {
            continue;
        };
        let mut to = vec![p.email.clone()];
        for email in store::recipients(&s.db, p.id).await.map_err(internal)? {
            if !to.contains(&email) {
                to.push(email);
            }
        }
        let lines = vec![
            format!(
                "l'accreditamento di «{}» presso il Comune scade il {} (tra {} giorni).",
                p.name,
                until.format_it(),
                until.days() - today.days()
            ),
            "Per continuare a offrire i servizi sul portale WeMi rinnovate l'accreditamento per tempo; \
             alla scadenza i servizi non saranno più acquistabili."
                .to_string(),
        ];
        let mails: Vec<OutgoingMail> = to
            .iter()
            .map(|email| {
                OutgoingMail::new(
                    email,
                    (
                        format!("Accreditamento in scadenza il {} – WeMi", until.format_it()),
                        letter(Locale::It, &p.name, &lines),
                    ),
                )
            })
            .collect();
        if store::record(&s.db, p.id, &p.accredited_until, threshold, &mails, now())
            .await
            .map_err(internal)?
        {
            count += 1;
        }
    }
    if count > 0 {
        s.mail.wake();
    }
    Ok(count)
}
