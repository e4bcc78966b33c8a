-- Foundation schema (SQLite). Same version numbers and meaning as ../postgres/.
-- Money: integer cents. Times: UTC, ISO 8601 text. Dates: 'YYYY-MM-DD' text.

CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name_it TEXT NOT NULL,
    name_en TEXT NOT NULL,
    description_it TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    icon TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);

CREATE TABLE target_groups (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name_it TEXT NOT NULL,
    name_en TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE municipi (
    id INTEGER PRIMARY KEY CHECK (id BETWEEN 1 AND 9),
    name TEXT NOT NULL
);

CREATE TABLE providers (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    legal_form TEXT NOT NULL CHECK (legal_form IN ('cooperativa_sociale', 'associazione', 'altro_ets')),
    vat_number TEXT NOT NULL UNIQUE,
    fiscal_code TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    description_it TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    accredited_from TEXT,
    accredited_until TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE provider_categories (
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id),
    PRIMARY KEY (provider_id, category_id)
);

CREATE TABLE provider_sites (
    id INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    municipio_id INTEGER REFERENCES municipi(id)
);
CREATE INDEX provider_sites_provider ON provider_sites(provider_id);

CREATE TABLE services (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    provider_id INTEGER NOT NULL REFERENCES providers(id),
    category_id INTEGER NOT NULL REFERENCES categories(id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'to_correct', 'validated', 'disabled')),
    name_it TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    summary_it TEXT NOT NULL DEFAULT '',
    summary_en TEXT NOT NULL DEFAULT '',
    description_it TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    addressed_it TEXT NOT NULL DEFAULT '',
    addressed_en TEXT NOT NULL DEFAULT '',
    how_to_it TEXT NOT NULL DEFAULT '',
    how_to_en TEXT NOT NULL DEFAULT '',
    needed_it TEXT NOT NULL DEFAULT '',
    needed_en TEXT NOT NULL DEFAULT '',
    achieved_it TEXT NOT NULL DEFAULT '',
    achieved_en TEXT NOT NULL DEFAULT '',
    timing_it TEXT NOT NULL DEFAULT '',
    timing_en TEXT NOT NULL DEFAULT '',
    qualifications_it TEXT NOT NULL DEFAULT '',
    qualifications_en TEXT NOT NULL DEFAULT '',
    terms_it TEXT NOT NULL DEFAULT '',
    terms_en TEXT NOT NULL DEFAULT '',
    tags_it TEXT NOT NULL DEFAULT '',
    tags_en TEXT NOT NULL DEFAULT '',
    pricing TEXT NOT NULL CHECK (pricing IN ('free', 'funded', 'paid')),
    funded_by TEXT,
    mode TEXT NOT NULL CHECK (mode IN ('individual', 'shared')),
    capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
    unit TEXT NOT NULL CHECK (unit IN ('hour', 'session', 'month', 'package')),
    quote_required INTEGER NOT NULL DEFAULT 0,
    accepts_vouchers INTEGER NOT NULL DEFAULT 0,
    -- Lowest unit price of the price list, kept with the tiers for sorting and filtering.
    price_from_cents BIGINT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX services_category ON services(category_id, status);
CREATE INDEX services_provider ON services(provider_id);

CREATE TABLE price_tiers (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    min_people INTEGER NOT NULL DEFAULT 1 CHECK (min_people >= 1),
    max_people INTEGER CHECK (max_people IS NULL OR max_people >= min_people),
    min_quantity INTEGER NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
    max_quantity INTEGER CHECK (max_quantity IS NULL OR max_quantity >= min_quantity),
    unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents >= 0)
);
CREATE INDEX price_tiers_service ON price_tiers(service_id);

CREATE TABLE service_municipi (
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    municipio_id INTEGER NOT NULL REFERENCES municipi(id),
    PRIMARY KEY (service_id, municipio_id)
);

CREATE TABLE service_targets (
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    target_group_id INTEGER NOT NULL REFERENCES target_groups(id),
    PRIMARY KEY (service_id, target_group_id)
);

-- Small closed vocabularies (delivery mode, time of day, language) as rows, for filters.
CREATE TABLE service_attributes (
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('delivery_mode', 'time_of_day', 'language')),
    value TEXT NOT NULL,
    PRIMARY KEY (service_id, kind, value)
);

CREATE TABLE spaces (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    municipio_id INTEGER NOT NULL REFERENCES municipi(id),
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    description_it TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    activities_it TEXT NOT NULL DEFAULT '',
    activities_en TEXT NOT NULL DEFAULT '',
    latitude TEXT,
    longitude TEXT
);

CREATE TABLE space_hours (
    space_id INTEGER NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    PRIMARY KEY (space_id, weekday, opens)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    created_at TEXT NOT NULL
);

-- A role, optionally scoped to a provider or a WeMi space (scope_id), or a city permission.
CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    scope_id INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, role, scope_id)
);

CREATE TABLE page_feedback (
    id INTEGER PRIMARY KEY,
    page TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    answer TEXT,
    comment TEXT,
    created_at TEXT NOT NULL
);

-- Facts about this installation, e.g. whether the demo data set was loaded.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
