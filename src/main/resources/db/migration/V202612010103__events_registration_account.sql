-- Registrations belong to the account that made them, never to the address typed: the signed-in
-- person's own registration is found by account.
create index event_registration_account_idx on event_registration (account_id, event_id) where account_id is not null;
