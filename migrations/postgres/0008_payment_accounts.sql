-- Payment accounts of providers (issue 6, real gateways): each provider is the merchant of
-- record and is paid on its own account at the gateway (a Stripe Connect account `acct_…`, a
-- PayPal merchant id). The reference is stored encrypted (AES-256-GCM under WEMI_SECRET_KEY,
-- bound to the provider and gateway): a copy of the database alone does not reveal it.
-- Same meaning as ../sqlite/0008.
CREATE TABLE provider_payment_accounts (
    provider_id BIGINT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
    gateway TEXT NOT NULL CHECK (gateway IN ('stripe', 'paypal')),
    account_ref_encrypted TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (provider_id, gateway)
);
