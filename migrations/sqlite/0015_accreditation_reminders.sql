-- Reminders that a provider's accreditation is about to expire (issue 8): one row per
-- provider and threshold (days before), so each goes out once whatever the instances do.
CREATE TABLE accreditation_reminders (
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    accredited_until TEXT NOT NULL,
    threshold INTEGER NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (provider_id, accredited_until, threshold)
);
