-- An e-mail address counts only once proven: a change waits in a token for the link sent to the new
-- address, and the old address gets a token to undo it. The address a token is about is kept with it.
alter table account_token add column address varchar(254);
alter table account_token drop constraint account_token_purpose_check;
alter table account_token add constraint account_token_purpose_check
    check (purpose in ('INVITATION','PASSWORD_RESET','EMAIL_VERIFICATION','SETUP','EMAIL_CHANGE','EMAIL_CHANGE_UNDO'));

