-- An entry may be put before it may be found: an article published for a later hour is indexed when it is saved
-- and turns up in results from that hour on, with nothing to run at the hour itself (docs/decisions/0010).
alter table search_entry add column visible_from timestamptz;
