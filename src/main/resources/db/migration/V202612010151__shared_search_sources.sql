-- Which version of each module's search entries the index holds: the start-up backfill rebuilds a source
-- whose version is missing (a module indexing for the first time, or data loaded without its write paths,
-- as the demo is) or older than the module's, and leaves the others alone.
create table search_source (
    source     varchar(40) primary key,
    version    int         not null,
    entries    int         not null,
    indexed_at timestamptz not null default now()
);
