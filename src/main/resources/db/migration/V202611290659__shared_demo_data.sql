-- Which modules have loaded their invented demonstration data, so that a restart never loads it twice.
create table demo_data (
    module     varchar(40) primary key,
    loaded_at  timestamptz not null default now()
);
