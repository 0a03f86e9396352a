-- Generated events and registrations for bench/report and ProgrammeReportQueryCountIntegrationTests: :events
-- events titled "Wydarzenie generowane <label> <n>" spread over the last 365 days, every level, format and
-- status but drafts (every twentieth cancelled), regional ones over the 16 regions (each serving its region),
-- and :registrations confirmed registrations over them, from every region and kind of institution (every
-- seventh without a region, every fifth marked present, every eleventh absent). Run with
-- psql -v label=… -v events=5000 -v registrations=100000, or with the three replaced.
-- Remove with: delete from event where title like 'Wydarzenie generowane %';
insert into event (type, level, region_id, macroregion_id, format, title, starts_at, ends_at, seats_on_site,
                   seats_online, status)
select (array['MEETING', 'WEBINAR', 'CONFERENCE', 'STUDY_VISIT', 'MEETING'])[1 + g % 5],
       l.level,
       case when l.level = 'REGIONAL' then r.ids[1 + g % cardinality(r.ids)] end,
       case when l.level = 'MACROREGIONAL' then m.ids[1 + g % cardinality(m.ids)] end,
       (array['IN_PERSON', 'ONLINE', 'HYBRID'])[1 + (g / 3) % 3],
       'Wydarzenie generowane ' || :'label' || ' ' || g,
       now() - (g % 365) * interval '1 day' - interval '2 hours',
       now() - (g % 365) * interval '1 day' - interval '1 hour', 100, 100,
       case when g % 20 = 0 then 'CANCELLED' when g % 365 > 30 then 'COMPLETED' else 'PUBLISHED' end
from generate_series(1, :events) g,
     (select array_agg(id order by id) as ids from region) r,
     (select array_agg(id order by id) as ids from macroregion) m,
     lateral (select (array['REGIONAL', 'REGIONAL', 'MACROREGIONAL', 'NATIONAL'])[1 + g % 4] as level) l;
insert into event_region (event_id, region_id)
select e.id, coalesce(e.region_id, g.id)
from event e join region g on g.id = e.region_id or (e.region_id is null and g.macroregion_id = e.macroregion_id)
where e.title like 'Wydarzenie generowane ' || :'label' || ' %' and e.level <> 'NATIONAL';
insert into event_registration (event_id, email, full_name, institution, institution_kind, region_id, privacy_accepted_at,
                                mode, status, cancel_token_hash, attendance, created_at, confirmed_at)
select e.ids[1 + g % cardinality(e.ids)], 'osoba' || (g % 4999) || '.' || :'label' || '@generowane.example',
       'Osoba generowana ' || g, 'Instytucja ' || (g % 300),
       (array['ROPS', 'OWES', 'NGO', 'MUNICIPALITY', 'COUNTY', 'SOCIAL_ENTERPRISE', 'OTHER', null])[1 + g % 8],
       case when g % 7 = 0 then null else r.ids[1 + g % cardinality(r.ids)] end, now(), 'ON_SITE', 'CONFIRMED',
       md5('generowana ' || :'label' || ' ' || g),
       case when g % 5 = 0 then 'ATTENDED' when g % 11 = 0 then 'ABSENT' end, now(), now()
from generate_series(1, :registrations) g,
     (select array_agg(id order by id) as ids from event where title like 'Wydarzenie generowane ' || :'label' || ' %') e,
     (select array_agg(id order by id) as ids from region) r;
