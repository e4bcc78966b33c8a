-- Accounts and security (issue 5): verified e-mail, digital identity, sessions shared by every
-- instance, one-time tokens, login throttling, append-only audit log, GDPR consents, kiosk
-- devices, assisted-mode consents and the e-mail outbox. Same meaning as ../postgres/0005.
-- Times: UTC as sqlx writes them (RFC 3339 text; order is time order up to the second).

ALTER TABLE users ADD COLUMN email_verified_at TEXT;
-- The Italian fiscal code, set when the person signs in with SPID/CIE (links the identity).
ALTER TABLE users ADD COLUMN fiscal_code TEXT;
ALTER TABLE users ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'it' CHECK (locale IN ('it', 'en'));
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'pending_deletion', 'deleted'));
-- When a requested deletion takes effect (the grace period ends).
ALTER TABLE users ADD COLUMN deletion_due_at TEXT;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
CREATE UNIQUE INDEX users_fiscal_code ON users(fiscal_code) WHERE fiscal_code IS NOT NULL;

-- The cookie holds a random token; only its SHA-256 digest is stored, so a copy of the
-- database cannot be replayed as sessions.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- Per-session token that forms carry (CSRF defence beside the Origin check).
    csrf_token TEXT NOT NULL,
    auth_method TEXT NOT NULL CHECK (auth_method IN ('password', 'oidc')),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    -- Absolute end, whatever the activity.
    expires_at TEXT NOT NULL,
    -- Assisted mode: the operator (user_id) acts for this citizen until assisted_until.
    acting_for_user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    assisted_until TEXT,
    assist_consent_id INTEGER,
    kiosk_device_id INTEGER,
    ip TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

-- E-mail verification, password reset and assisted-mode codes: digests only, single use.
CREATE TABLE one_time_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX one_time_tokens_user ON one_time_tokens(user_id, purpose);

-- Failed logins, counted per account and per address over a sliding window.
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    ip TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_email ON login_failures(email, at);
CREATE INDEX login_failures_ip ON login_failures(ip, at);

-- Security events and every access to someone else's personal data. No foreign keys: the
-- log outlives the accounts it names (deleted accounts are anonymized, never removed).
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_user_id INTEGER,
    -- Assisted mode: the citizen the actor was acting for.
    on_behalf_of_user_id INTEGER,
    action TEXT NOT NULL,
    subject_user_id INTEGER,
    target TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    ip TEXT NOT NULL DEFAULT '',
    request_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_subject ON audit_log(subject_user_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Which version of a notice a person accepted, and when (GDPR art. 7).
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('privacy', 'terms', 'assisted_mode')),
    version TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE INDEX consents_user ON consents(user_id);

-- A login with the identity broker in flight: state, nonce and PKCE verifier, kept on the
-- server (any instance may receive the callback).
CREATE TABLE oidc_logins (
    state_hash TEXT PRIMARY KEY,
    nonce TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    return_to TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

-- Tablets in WeMi spaces switched to kiosk mode by a city admin; the device keeps a random
-- token in a cookie, the digest is here.
CREATE TABLE kiosk_devices (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    token_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- A citizen's consent to be helped by a WeMi space operator (assisted mode).
CREATE TABLE assist_consents (
    id INTEGER PRIMARY KEY,
    operator_user_id INTEGER NOT NULL REFERENCES users(id),
    citizen_user_id INTEGER NOT NULL REFERENCES users(id),
    space_id INTEGER NOT NULL REFERENCES spaces(id),
    method TEXT NOT NULL CHECK (method IN ('otp', 'paper')),
    paper_reference TEXT NOT NULL DEFAULT '',
    otp_hash TEXT,
    otp_expires_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    confirmed_at TEXT,
    ended_at TEXT
);

-- E-mails are written here in the same transaction as the change they announce, then sent by
-- a background worker with retries: nothing is lost when the SMTP server is down.
CREATE TABLE email_outbox (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    -- An instance claims a message until this time, so two instances never send it twice.
    claimed_until TEXT,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX email_outbox_due ON email_outbox(sent_at, next_attempt_at);
