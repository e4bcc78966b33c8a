-- Same meaning as ../sqlite/0015.
CREATE TABLE accreditation_reminders (
    provider_id BIGINT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    accredited_until TEXT NOT NULL,
    threshold BIGINT NOT NULL,
    sent_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider_id, accredited_until, threshold)
);
