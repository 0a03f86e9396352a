-- Search across the platform (docs/decisions/0010): every module puts what it publishes here with the
-- audience allowed to open it. Terms are Polish lemmas without diacritics computed in Java (Morfologik) and
-- stored as a tsvector (title words weight A); the vocabulary of terms, with trigrams, matches misspelt words.
-- pg_trgm is a trusted extension: the database's owner may create it, no superuser needed.
create extension if not exists pg_trgm;

create table search_entry (
    source     varchar(40)  not null,
    source_id  varchar(80)  not null,
    kind       varchar(40)  not null,
    region_id  bigint,
    year       int,
    title      varchar(500) not null,
    body       text         not null default '',
    url        varchar(500) not null,
    -- Who may open it: PUBLIC, SIGNED_IN, ROLE:<role>, ROLE:<role>:REGION:<id|ANY>, ACCOUNT:<id>.
    audience   text[]       not null check (cardinality(audience) > 0),
    vector     tsvector     not null,
    updated_at timestamptz  not null default now(),
    primary key (source, source_id)
);
create index search_entry_vector_idx on search_entry using gin (vector);
create index search_entry_audience_idx on search_entry using gin (audience);

create table search_lexeme (
    lexeme text primary key
);
create index search_lexeme_trgm_idx on search_lexeme using gin (lexeme gin_trgm_ops);
