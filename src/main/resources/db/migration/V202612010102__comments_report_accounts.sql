-- Reports by signed-in accounts count towards hiding a comment; reports by visitors without an account only
-- bring it to the editors' attention (the comment stays public). One report per address or account and comment.
-- reporter stays a keyed hash: of the client address (visitors) or of the account (signed-in people).
alter table comments_report add column signed_in boolean not null default false;
-- A report an editor has answered by approving the comment: kept, so that the same address or account
-- cannot report the comment again, but no longer counted.
alter table comments_report add column settled boolean not null default false;

-- comments_comment.reports counts the unsettled reports of every kind (the queue shows it); this column
-- the unsettled reports of signed-in accounts, the ones that hide a comment.
alter table comments_comment add column signed_in_reports int not null default 0;

-- The queue's "reported" filter and count.
create index comments_comment_reported_idx on comments_comment (created_at desc, id desc) where reports > 0;
