-- Comments hang under articles and under public postulates. article_id stays the name of the subject's id
-- column (renaming it would touch every query and the tests that read it): with subject = 'POSTULATE' it holds
-- the postulate's id. Neither has a foreign key: modules own their tables.
alter table comments_comment add column subject varchar(16) not null default 'ARTICLE'
    check (subject in ('ARTICLE', 'POSTULATE'));
comment on column comments_comment.article_id is 'The id of the subject (an article or a postulate, see subject).';
-- The public list: approved comments of one subject in order of publication.
drop index comments_comment_public_idx;
create index comments_comment_public_idx on comments_comment (subject, article_id, published_at, id) where state = 'APPROVED';

-- One row per subject with comments.
alter table comments_thread add column subject varchar(16) not null default 'ARTICLE'
    check (subject in ('ARTICLE', 'POSTULATE'));
alter table comments_thread drop constraint comments_thread_pkey;
alter table comments_thread add primary key (subject, article_id);
