-- The notification centre (issue 6): notifications are read from the events already stored
-- (order history, offers, messages, requests received); this only keeps, per person, when they
-- last read them, so newer ones show as unread.
CREATE TABLE notification_marks (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    seen_at TEXT NOT NULL
);
CREATE INDEX quote_messages_provider ON quote_messages(provider_id, created_at);
CREATE INDEX order_events_at ON order_events(order_id, at);
