-- A digital-identity login started from the area personale to link SPID/CIE to the account
-- already logged in (security review: an identity is never linked by e-mail address alone).
ALTER TABLE oidc_logins ADD COLUMN link_user_id BIGINT;
