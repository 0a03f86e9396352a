-- The account's single notifications switch now lives in the notifications module's preferences
-- (V202612060110 copied every account's choice there first).
alter table account drop column notifications_enabled;
