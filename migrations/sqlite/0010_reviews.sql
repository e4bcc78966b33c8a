-- Ratings of services from their published reviews (issue 6, item 9). Same meaning as
-- ../postgres/0010.
--
-- Exact running totals per service, updated in the transaction that publishes a review, so no
-- page or search ever aggregates the reviews table: the service page reads one row, a
-- provider's page sums its services' rows, and the catalogue's index (service_search's
-- rating_x100 and rating_count) is computed from them.
CREATE TABLE service_ratings (
    service_id INTEGER PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
    provider_id INTEGER NOT NULL REFERENCES providers(id),
    review_count INTEGER NOT NULL DEFAULT 0,
    punctuality_sum INTEGER NOT NULL DEFAULT 0,
    professionalism_sum INTEGER NOT NULL DEFAULT 0,
    kindness_sum INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX service_ratings_provider ON service_ratings(provider_id);

-- Published reviews of a service or provider, newest first; a provider's reviews to answer.
CREATE INDEX reviews_service_published ON reviews(service_id, state, created_at);
CREATE INDEX reviews_provider ON reviews(provider_id, state, created_at);
