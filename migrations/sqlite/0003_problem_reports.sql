-- "Segnala un disservizio": reports from citizens to the city's offices.
CREATE TABLE problem_reports (
    id INTEGER PRIMARY KEY,
    category TEXT NOT NULL CHECK (category IN ('portal', 'service', 'information', 'accessibility', 'other')),
    description TEXT NOT NULL,
    email TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'closed')),
    created_at TEXT NOT NULL
);
