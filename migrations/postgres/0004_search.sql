-- Catalogue search (PostgreSQL). Same tables and meaning as ../sqlite/0004_search.sql; the
-- full-text index is a weighted tsvector with the 'simple' configuration over terms the domain
-- already normalized (domain::search::text), so both engines index the same terms.

CREATE TABLE service_search (
    service_id BIGINT PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
    name_terms TEXT NOT NULL,
    topic_terms TEXT NOT NULL,
    body_terms TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    category_id BIGINT NOT NULL,
    provider_id BIGINT NOT NULL,
    pricing TEXT NOT NULL,
    mode TEXT NOT NULL,
    vouchers BIGINT NOT NULL,
    price_from_cents BIGINT,
    municipi_mask BIGINT NOT NULL,
    targets_mask BIGINT NOT NULL,
    delivery_mask BIGINT NOT NULL,
    time_mask BIGINT NOT NULL,
    rating_x100 BIGINT,
    rating_count BIGINT NOT NULL DEFAULT 0,
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', name_terms), 'A')
        || setweight(to_tsvector('simple', topic_terms), 'B')
        || setweight(to_tsvector('simple', body_terms), 'D')
    ) STORED
);
CREATE INDEX service_search_category ON service_search(category_id);
CREATE INDEX service_search_price ON service_search(price_from_cents);
CREATE INDEX service_search_document ON service_search USING GIN (document);
CREATE INDEX service_search_sort_name ON service_search(sort_name text_pattern_ops);

CREATE TABLE search_typos (
    variant TEXT NOT NULL,
    term TEXT NOT NULL,
    PRIMARY KEY (variant, term)
);
