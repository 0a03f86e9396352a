-- Public comments under articles. article_id names content's article without a foreign key: modules
-- own their tables, and comments know articles only through content's PublishedArticles.
create table comments_comment (
    id             bigserial primary key,
    article_id     bigint not null,
    title          text not null,
    body           text not null,
    signature      text not null,
    -- Only with the author's consent, only to say the comment was published; erased once used or refused.
    email          text,
    language       varchar(2) not null,
    state          varchar(16) not null check (state in ('PENDING', 'APPROVED', 'REJECTED', 'SPAM', 'HIDDEN')),
    -- Why the spam checks want a person to look (NO_PROOF_OF_WORK, HONEYPOT…), for the moderation queue.
    flags          text[] not null default '{}',
    -- SHA-256 of the normalised content, for duplicate detection.
    fingerprint    varchar(64) not null,
    reports        int not null default 0,
    created_at     timestamptz not null,
    published_at   timestamptz,
    moderated_at   timestamptz,
    moderated_by   text,
    edited_at      timestamptz,
    reply          text,
    reply_by       text,
    replied_at     timestamptz
);
-- The public list: approved comments of one article in order of publication.
create index comments_comment_public_idx on comments_comment (article_id, published_at, id) where state = 'APPROVED';
-- The moderation queue: by state, newest first.
create index comments_comment_queue_idx on comments_comment (state, created_at desc, id desc);
create index comments_comment_fingerprint_idx on comments_comment (fingerprint, created_at);

-- One row per article with comments: revision changes with every change visible to the public, so
-- each node's cache of rendered comment lists knows when it is stale; approved is the public count.
create table comments_thread (
    article_id  bigint primary key,
    revision    bigint not null,
    approved    int not null
);

-- Who reported a comment, as a keyed hash of the client address: one report per address and comment.
create table comments_report (
    comment_id  bigint not null references comments_comment (id) on delete cascade,
    reporter    varchar(64) not null,
    reported_at timestamptz not null,
    primary key (comment_id, reporter)
);

-- Proof-of-work solutions already used, so that one solved challenge cannot carry many comments.
create table comments_used_challenge (
    signature   varchar(128) primary key,
    expires_at  timestamptz not null
);

-- Phrases that refuse a comment, kept by the editors.
create table comments_banned_phrase (
    id          bigserial primary key,
    phrase      text not null unique,
    added_at    timestamptz not null,
    added_by    text not null
);
