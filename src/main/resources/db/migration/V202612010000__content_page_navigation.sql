-- Where a page's link appears on every page: the main navigation or the footer, at nav_order.
alter table content_page add column nav_place varchar(8) check (nav_place in ('MAIN', 'FOOTER'));
-- Until now a position meant the main navigation (nothing showed it yet).
update content_page set nav_place = 'MAIN' where nav_order is not null;
-- The accessibility declaration belongs where visitors look for it: the footer of every page.
update content_page set nav_place = 'FOOTER', nav_order = 2 where slug = 'deklaracja-dostepnosci' and nav_order is null;
update content_page set nav_place = 'FOOTER', nav_order = 1 where slug = 'prywatnosc' and nav_order is null;
-- A place without a position (or the reverse) would be a link in no defined order.
alter table content_page add constraint content_page_nav_place_with_order check ((nav_place is null) = (nav_order is null));
