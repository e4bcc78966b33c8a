-- The notification centre (issue 6). Same meaning as ../sqlite/0012.
CREATE TABLE notification_marks (
    user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX quote_messages_provider ON quote_messages(provider_id, created_at);
CREATE INDEX order_events_at ON order_events(order_id, at);
