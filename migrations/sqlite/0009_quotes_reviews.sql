-- Quote requests and offers, and reviews (issue 6). Same meaning as ../postgres/0009.

-- One request, sent to 1..5 providers (each through one of its services). `version` guards
-- the request's aggregate (domain::quotes): every change checks and bumps it.
CREATE TABLE quote_requests (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    description TEXT NOT NULL,
    people INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),
    preferred_date TEXT,
    time_slot TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL,
    contact_phone TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('open', 'answered', 'closed', 'expired')),
    answer_by TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    locale TEXT NOT NULL DEFAULT 'it',
    order_id INTEGER REFERENCES orders(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX quote_requests_user ON quote_requests(user_id, created_at);
CREATE INDEX quote_requests_live ON quote_requests(state, answer_by);

CREATE TABLE quote_recipients (
    request_id INTEGER NOT NULL REFERENCES quote_requests(id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES providers(id),
    service_id INTEGER NOT NULL REFERENCES services(id),
    state TEXT NOT NULL CHECK (state IN ('waiting', 'declined', 'offered')),
    decline_reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (request_id, provider_id)
);
CREATE INDEX quote_recipients_provider ON quote_recipients(provider_id);

CREATE TABLE quote_offers (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES quote_requests(id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES providers(id),
    state TEXT NOT NULL,
    price_cents BIGINT NOT NULL CHECK (price_cents > 0),
    valid_until TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    time_slot TEXT NOT NULL DEFAULT '',
    operator_name TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    pdf BLOB,
    created_at TEXT NOT NULL
);
CREATE INDEX quote_offers_request ON quote_offers(request_id);
CREATE INDEX quote_offers_pending ON quote_offers(state, valid_until);

CREATE TABLE quote_messages (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES quote_requests(id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES providers(id),
    from_citizen INTEGER NOT NULL,
    author_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX quote_messages_request ON quote_messages(request_id, provider_id, id);

-- Reviews of completed orders: several criteria (1–5), a text, moderated by the city; the
-- provider may reply once. Only published reviews count in the services' ratings.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id) ON DELETE CASCADE,
    service_id INTEGER NOT NULL REFERENCES services(id),
    provider_id INTEGER NOT NULL REFERENCES providers(id),
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    punctuality INTEGER NOT NULL CHECK (punctuality BETWEEN 1 AND 5),
    professionalism INTEGER NOT NULL CHECK (professionalism BETWEEN 1 AND 5),
    kindness INTEGER NOT NULL CHECK (kindness BETWEEN 1 AND 5),
    body TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('pending', 'published', 'rejected')),
    moderated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    moderation_reason TEXT NOT NULL DEFAULT '',
    reply TEXT NOT NULL DEFAULT '',
    replied_at TEXT,
    created_at TEXT NOT NULL,
    moderated_at TEXT
);
CREATE INDEX reviews_state ON reviews(state, created_at);
CREATE INDEX reviews_service ON reviews(service_id, state);
