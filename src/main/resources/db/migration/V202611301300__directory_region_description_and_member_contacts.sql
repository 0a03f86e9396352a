-- A region's public profile text, written by its coordinator (Polish; English optional, Polish shown when missing),
-- and the contact details of committee members: not public, seen only by the region's coordinators and administrators.
alter table region
    add column description_pl varchar(4000),
    add column description_en varchar(4000);

alter table committee_membership
    add column email varchar(254),
    add column phone varchar(40);
