-- The city's voucher files (issue 6): each upload, imported whole or refused whole with the
-- list of problems (JSON: line, Italian and English message), and who sent it. A file
-- (by its SHA-256) is imported at most once.
CREATE TABLE voucher_imports (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL,
    filename TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('imported', 'refused')),
    row_count INTEGER NOT NULL DEFAULT 0,
    total_cents BIGINT NOT NULL DEFAULT 0,
    errors TEXT NOT NULL DEFAULT '[]',
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX voucher_imports_once ON voucher_imports(digest) WHERE state = 'imported';
CREATE INDEX voucher_imports_recent ON voucher_imports(created_at);

ALTER TABLE vouchers ADD COLUMN import_id INTEGER REFERENCES voucher_imports(id);
CREATE INDEX vouchers_same ON vouchers(fiscal_code, scheme, valid_from, valid_until);
