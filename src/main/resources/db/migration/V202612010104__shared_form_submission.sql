-- Once-only form submissions (shared.web.OnceOnlySubmissions): a form that creates something carries a
-- random key; the first request with a key claims its row here, and a second one with the same key (a double
-- click, a resent form) answers the redirect the first one answered instead of creating again. The owner is a
-- SHA-256 of the visitor's CSRF token (bound to the session for signed-in people), so a key means nothing in
-- anyone else's hands. Rows are deleted after a day.
create table shared_form_submission (
    owner       varchar(64)  not null,
    key         varchar(64)  not null,
    started_at  timestamptz  not null default now(),
    -- the answer of the first request once it redirected (status 301/302/303/307/308 and its Location)
    status      smallint,
    location    text,
    primary key (owner, key)
);
create index shared_form_submission_started_idx on shared_form_submission (started_at);
