-- A valid voucher file waits here, checked but not imported, until the office confirms what the
-- preview shows (issue 8: import with a preview). Deleted at confirmation or cancellation.
CREATE TABLE voucher_import_previews (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL,
    filename TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
