-- A chosen facet (a year, a kind, a region) narrows a common word's matches in the indexes, before any row is read:
-- PostgreSQL combines these with the vector's GIN index (a BitmapAnd). Without them, "klauzule społeczne" in 2020 read
-- all 31,000 rows matching the words to keep 1,300 of that year (bench/search: 410 ms, with the index 34 ms).
create index search_entry_year_idx on search_entry (year, updated_at desc);
create index search_entry_kind_idx on search_entry (kind, updated_at desc);
create index search_entry_region_idx on search_entry (region_id, updated_at desc);
