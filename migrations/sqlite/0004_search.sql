-- Catalogue search (SQLite). One row per published service with what search, filters, facets
-- and sorting read, rebuilt by the store whenever a service changes. The text columns hold
-- terms already normalized by the domain (domain::search::text), so both engines index the same
-- terms. Sets (municipi, target groups, delivery modes, times of day) are bit masks: bit N for
-- municipio N, target group id N, and the position of the value in domain::search::params.

CREATE TABLE service_search (
    service_id INTEGER PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
    name_terms TEXT NOT NULL,
    topic_terms TEXT NOT NULL,
    body_terms TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    category_id INTEGER NOT NULL,
    provider_id INTEGER NOT NULL,
    pricing TEXT NOT NULL,
    mode TEXT NOT NULL,
    vouchers INTEGER NOT NULL,
    price_from_cents BIGINT,
    municipi_mask INTEGER NOT NULL,
    targets_mask INTEGER NOT NULL,
    delivery_mask INTEGER NOT NULL,
    time_mask INTEGER NOT NULL,
    -- Average review rating × 100 (e.g. 450 = 4.5 stars) and number of reviews; NULL when none.
    rating_x100 INTEGER,
    rating_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX service_search_category ON service_search(category_id);
CREATE INDEX service_search_price ON service_search(price_from_cents);

-- FTS5 over the normalized terms, kept in step with service_search by triggers.
CREATE VIRTUAL TABLE service_fts USING fts5(
    name_terms, topic_terms, body_terms,
    content = 'service_search', content_rowid = 'service_id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER service_search_ai AFTER INSERT ON service_search BEGIN
    INSERT INTO service_fts(rowid, name_terms, topic_terms, body_terms)
    VALUES (new.service_id, new.name_terms, new.topic_terms, new.body_terms);
END;
CREATE TRIGGER service_search_ad AFTER DELETE ON service_search BEGIN
    INSERT INTO service_fts(service_fts, rowid, name_terms, topic_terms, body_terms)
    VALUES ('delete', old.service_id, old.name_terms, old.topic_terms, old.body_terms);
END;
CREATE TRIGGER service_search_au AFTER UPDATE ON service_search BEGIN
    INSERT INTO service_fts(service_fts, rowid, name_terms, topic_terms, body_terms)
    VALUES ('delete', old.service_id, old.name_terms, old.topic_terms, old.body_terms);
    INSERT INTO service_fts(rowid, name_terms, topic_terms, body_terms)
    VALUES (new.service_id, new.name_terms, new.topic_terms, new.body_terms);
END;

-- Typo index (domain::search::typo): every indexed term under itself and under each of its
-- one-letter deletions. Terms are never removed: a stale one simply matches nothing.
CREATE TABLE search_typos (
    variant TEXT NOT NULL,
    term TEXT NOT NULL,
    PRIMARY KEY (variant, term)
) WITHOUT ROWID;

-- Suggestions as you type: service names by their normalized form.
CREATE INDEX service_search_sort_name ON service_search(sort_name);
