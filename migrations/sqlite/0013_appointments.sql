-- Appointments at a WeMi space (issue 8): closure days per space, desks per space (how many
-- people a slot holds), and the bookings. A booked appointment holds one desk of its slot;
-- the partial unique indexes make a full slot and a second booking of one person on one day
-- impossible even when requests race (the second insert fails and is retried or refused).
ALTER TABLE spaces ADD COLUMN appointment_desks INTEGER NOT NULL DEFAULT 1
    CHECK (appointment_desks BETWEEN 1 AND 20);

CREATE TABLE space_closures (
    space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    -- YYYY-MM-DD, Rome.
    day TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (space_id, day)
);

CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    -- The start's day in Rome, YYYY-MM-DD.
    day TEXT NOT NULL,
    desk INTEGER NOT NULL CHECK (desk >= 1),
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    service_id INTEGER REFERENCES services(id) ON DELETE SET NULL,
    notes TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'booked' CHECK (state IN ('booked', 'cancelled')),
    locale TEXT NOT NULL DEFAULT 'it',
    reminder_sent_at TEXT,
    cancelled_at TEXT,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX appointments_desk_booked ON appointments(space_id, starts_at, desk)
    WHERE state = 'booked';
CREATE UNIQUE INDEX appointments_one_per_day ON appointments(user_id, day)
    WHERE state = 'booked';
CREATE INDEX appointments_user ON appointments(user_id, starts_at);
CREATE INDEX appointments_space_day ON appointments(space_id, day);
CREATE INDEX appointments_reminders ON appointments(starts_at) WHERE reminder_sent_at IS NULL;
