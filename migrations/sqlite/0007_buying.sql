-- Buying (issue 6): carts that survive login, orders (one per provider) with their declared
-- state machine's history, payments through a gateway, webhook deduplication, vouchers with a
-- ledger that cannot go negative, and seats of shared services that cannot be overbooked.
-- Money in integer cents. Same meaning as ../postgres/0007.

-- A cart belongs to a person, or to a browser (cookie digest) until its owner logs in; it also
-- holds the checkout draft (billing data, payment choice), so checkout can be resumed later.
CREATE TABLE carts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT UNIQUE,
    billing_name TEXT NOT NULL DEFAULT '',
    billing_fiscal_code TEXT NOT NULL DEFAULT '',
    billing_address TEXT NOT NULL DEFAULT '',
    billing_email TEXT NOT NULL DEFAULT '',
    billing_phone TEXT NOT NULL DEFAULT '',
    payment_method TEXT NOT NULL DEFAULT 'card'
        CHECK (payment_method IN ('card', 'paypal', 'agreed')),
    use_vouchers INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (user_id IS NOT NULL OR token_hash IS NOT NULL)
);

CREATE TABLE cart_items (
    id INTEGER PRIMARY KEY,
    cart_id INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
    service_id INTEGER NOT NULL REFERENCES services(id),
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    people INTEGER NOT NULL CHECK (people >= 1),
    preferred_date TEXT,
    time_slot TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX cart_items_cart ON cart_items(cart_id);

-- One order per provider of a checkout. `checkout_key` makes a resubmitted checkout (double
-- click, retry after a timeout) find the orders it already created instead of new ones.
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    provider_id INTEGER NOT NULL REFERENCES providers(id),
    state TEXT NOT NULL,
    payment_method TEXT NOT NULL
        CHECK (payment_method IN ('card', 'paypal', 'voucher', 'free', 'agreed')),
    gateway TEXT,
    total_cents BIGINT NOT NULL CHECK (total_cents >= 0),
    voucher_cents BIGINT NOT NULL DEFAULT 0 CHECK (voucher_cents >= 0),
    gateway_cents BIGINT NOT NULL DEFAULT 0 CHECK (gateway_cents >= 0),
    refunded_cents BIGINT NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
    billing_name TEXT NOT NULL,
    billing_fiscal_code TEXT NOT NULL DEFAULT '',
    billing_address TEXT NOT NULL DEFAULT '',
    billing_email TEXT NOT NULL,
    billing_phone TEXT NOT NULL DEFAULT '',
    checkout_key TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT 'it',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    payment_due_at TEXT NOT NULL,
    paid_at TEXT,
    scheduled_for TEXT,
    delivered_at TEXT,
    closed_at TEXT,
    UNIQUE (checkout_key, provider_id),
    CHECK (voucher_cents + gateway_cents <= total_cents)
);
CREATE INDEX orders_user ON orders(user_id, created_at);
CREATE INDEX orders_provider ON orders(provider_id, created_at);
CREATE INDEX orders_due ON orders(state, payment_due_at);

-- Prices are copied at checkout: later changes to the price list never touch an order.
CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    service_id INTEGER NOT NULL REFERENCES services(id),
    service_name TEXT NOT NULL,
    unit TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    people INTEGER NOT NULL,
    preferred_date TEXT,
    time_slot TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    unit_price_cents BIGINT NOT NULL,
    total_cents BIGINT NOT NULL,
    voucher_eligible INTEGER NOT NULL DEFAULT 0,
    -- Seats of a shared service still held by this line (0 once released).
    seats_held INTEGER NOT NULL DEFAULT 0 CHECK (seats_held >= 0)
);
CREATE INDEX order_lines_order ON order_lines(order_id);

-- Every transition: who (actor kind and person), when, why. Append-only like the audit log.
CREATE TABLE order_events (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    on_behalf_of_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    reason TEXT NOT NULL DEFAULT '',
    amount_cents BIGINT
);
CREATE INDEX order_events_order ON order_events(order_id, id);

-- One attempt to take an order's card/PayPal part through a gateway. The gateway's own id
-- (`gateway_ref`) is unique per gateway; at most one attempt per order is open at a time.
CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    gateway TEXT NOT NULL,
    gateway_ref TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    status TEXT NOT NULL CHECK (status IN ('open', 'succeeded', 'failed', 'cancelled')),
    redirect_url TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (gateway, gateway_ref)
);
CREATE INDEX payments_order ON payments(order_id);
CREATE INDEX payments_open ON payments(status, created_at);

CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    gateway TEXT,
    gateway_ref TEXT,
    gateway_cents BIGINT NOT NULL DEFAULT 0,
    voucher_cents BIGINT NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- Webhook events already processed: a redelivered event changes nothing.
CREATE TABLE webhook_events (
    gateway TEXT NOT NULL,
    event_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (gateway, event_id)
);

-- The demo gateway's own records (what a real gateway keeps on its side): the hosted page's
-- outcome, which the reconciliation job reads when a webhook never arrived.
CREATE TABLE demo_gateway_sessions (
    gateway_ref TEXT PRIMARY KEY,
    amount_cents BIGINT NOT NULL,
    description TEXT NOT NULL,
    return_url TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'declined', 'cancelled')),
    refunded_cents BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Welfare credits assigned by the city to a fiscal code. The balance can never go below zero:
-- a debit is one conditional UPDATE, so concurrent checkouts cannot overspend.
CREATE TABLE vouchers (
    id INTEGER PRIMARY KEY,
    fiscal_code TEXT NOT NULL,
    scheme TEXT NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    balance_cents BIGINT NOT NULL CHECK (balance_cents >= 0),
    valid_from TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX vouchers_fiscal_code ON vouchers(fiscal_code);

CREATE TABLE voucher_ledger (
    id INTEGER PRIMARY KEY,
    voucher_id INTEGER NOT NULL REFERENCES vouchers(id),
    order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('assigned', 'debit', 'reversal')),
    -- Negative for debits.
    amount_cents BIGINT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX voucher_ledger_voucher ON voucher_ledger(voucher_id);
CREATE INDEX voucher_ledger_order ON voucher_ledger(order_id);

-- Seats of a shared service: taking seats is one conditional UPDATE (taken + n <= capacity).
CREATE TABLE shared_seats (
    service_id INTEGER PRIMARY KEY REFERENCES services(id),
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    taken INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity)
);

-- Families waiting for seats; told by e-mail, oldest first, when seats free up.
CREATE TABLE seat_waitlist (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES services(id),
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    seats INTEGER NOT NULL CHECK (seats >= 1),
    created_at TEXT NOT NULL,
    notified_at TEXT,
    UNIQUE (service_id, user_id)
);
