-- The last TOTP time step accepted per account: a code, once used, is refused for the rest of its validity.
alter table account add column totp_last_step bigint;
