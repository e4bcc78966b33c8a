-- Domestic work (issue 7): workers' applications (one per account, the form's document kept
-- as JSON and its searchable parts as columns), their uploaded documents, families' requests,
-- the proposals between them, and the events that feed e-mails and the notification centre.
CREATE TABLE worker_applications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
        ('draft', 'submitted', 'interview', 'suitable', 'not_suitable', 'suspended')),
    -- domain::domestic::WorkerApplication as JSON.
    data TEXT NOT NULL,
    -- Searchable copies: "badante,colf", the full name, the municipio of residence.
    roles TEXT NOT NULL DEFAULT '',
    full_name TEXT NOT NULL DEFAULT '',
    municipio INTEGER NOT NULL DEFAULT 0,
    -- The staff's side: outcome reason, ratings per role as JSON {"badante": 4}, documents
    -- checked, the interview.
    decision_reason TEXT NOT NULL DEFAULT '',
    decided_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    decided_at TEXT,
    ratings TEXT NOT NULL DEFAULT '{}',
    documents_verified_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    documents_verified_at TEXT,
    interview_at TEXT,
    interview_space_id INTEGER REFERENCES spaces(id) ON DELETE SET NULL,
    -- Hired through the portal and not free again.
    engaged BOOLEAN NOT NULL DEFAULT FALSE,
    -- Filled by an operator in assisted mode: the operator's id.
    assisted_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    expiry_reminded_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    submitted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX worker_applications_status ON worker_applications(status, submitted_at);

CREATE TABLE worker_documents (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES worker_applications(id) ON DELETE CASCADE,
    -- identity, permit, course, other
    kind TEXT NOT NULL CHECK (kind IN ('identity', 'permit', 'course', 'other')),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX worker_documents_application ON worker_documents(application_id);

CREATE TABLE family_requests (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    -- domain::domestic::FamilyRequestDoc as JSON.
    data TEXT NOT NULL,
    role TEXT NOT NULL,
    municipio INTEGER NOT NULL,
    -- The family's feedback on the service, after an outcome (1–5 and words).
    service_rating INTEGER CHECK (service_rating BETWEEN 1 AND 5),
    service_feedback TEXT NOT NULL DEFAULT '',
    -- The form's idempotency key: a repeated submission returns the same request.
    submit_key TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX family_requests_user ON family_requests(user_id, created_at);
CREATE INDEX family_requests_state ON family_requests(state, created_at);

CREATE TABLE match_proposals (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES family_requests(id) ON DELETE CASCADE,
    application_id INTEGER NOT NULL REFERENCES worker_applications(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN
        ('proposed', 'accepted', 'declined', 'withdrawn', 'hired', 'not_hired')),
    -- Who proposed: 'family' or 'staff', and the user.
    proposed_by TEXT NOT NULL CHECK (proposed_by IN ('family', 'staff')),
    proposed_by_user INTEGER REFERENCES users(id) ON DELETE SET NULL,
    score INTEGER NOT NULL,
    -- The explanation at the time of the proposal (domain::matching::Reason list as JSON).
    reasons TEXT NOT NULL DEFAULT '[]',
    reason TEXT NOT NULL DEFAULT '',
    hiring_mode TEXT,
    worker_rating INTEGER CHECK (worker_rating BETWEEN 1 AND 5),
    worker_feedback TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    answered_at TEXT,
    closed_at TEXT,
    UNIQUE (request_id, application_id)
);
CREATE INDEX match_proposals_application ON match_proposals(application_id, state);

-- What happened, for whom: the notification centre's domestic-work lines.
CREATE TABLE domestic_events (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- application, proposal, request
    kind TEXT NOT NULL,
    -- The request reference or the application's id, as text.
    reference TEXT NOT NULL,
    code TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX domestic_events_user ON domestic_events(user_id, at);

-- A form the server refused, kept for its page to show again with what was typed (one per
-- person and form; deleted when the form is accepted).
CREATE TABLE form_drafts (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    form TEXT NOT NULL,
    -- app::model::FormDraft as JSON.
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (user_id, form)
);
