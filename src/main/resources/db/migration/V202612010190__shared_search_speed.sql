-- The vocabulary of misspellings loses its unique key: inserting a term that another, uncommitted transaction has just
-- inserted waited for that transaction, and two transactions each putting several entries with shared new words
-- deadlocked. A term may now stand twice for a moment (two first uses at once); the lookup groups it.
alter table search_lexeme drop constraint search_lexeme_pkey;
create index search_lexeme_lexeme_idx on search_lexeme (lexeme);

-- A query matching most of the index is answered from its newest matches (docs/decisions/0010, "Speed"): they are read
-- in this order, and the search stops after the first thousand.
create index search_entry_recent_idx on search_entry (updated_at desc, source, source_id);

-- The title's terms alone (weight A), small and kept in the row: many matches are ranked by their title without
-- reading each whole vector.
alter table search_entry add column title_vector tsvector generated always as (ts_filter(vector, '{a}')) stored;

-- Matching a row reads its vector, and a long one is compressed: lz4 unpacks several times faster than the default
-- pglz (bench/search: ranking a thousand vectors took 6 ms instead of 20). A server built without lz4 keeps pglz.
do $$
begin
    alter table search_entry alter column vector set compression lz4;
    alter table search_entry alter column body set compression lz4;
exception
    when feature_not_supported or invalid_parameter_value then
        raise notice 'lz4 compression is not available; search_entry keeps pglz';
end
$$;
