-- A generated committee for bench/committees: małopolskie's committee for the current term with :members members
-- (every kind of body), :meetings meetings over the last years (every tenth cancelled, the rest held with
-- attendance of every member sitting that day: a tenth excused, a twentieth absent), and :resolutions resolutions
-- and opinions (every third public). Run with psql -v members=40 -v meetings=300 -v resolutions=2000.
-- Remove with: delete from committee where name like 'Komitet generowany%';
insert into committee (region_id, name, term_start, term_end)
select id, 'Komitet generowany', current_date - 700, current_date + 400 from region where slug = 'malopolskie';
insert into committee_membership (committee_id, full_name, organisation, sector, function, term_start, body_kind, email)
select c.id, 'Członek Generowany ' || g, 'Instytucja ' || g,
       (array['PUBLIC_REGIONAL','PUBLIC_STATE','LOCAL_GOVERNMENT','SOCIAL_ECONOMY','NGO','COOPERATIVE','SCIENCE',
              'TRADE_UNION','EMPLOYERS'])[1 + g % 9],
       case when g = 1 then 'CHAIR' when g = 2 then 'SECRETARY' else 'MEMBER' end,
       c.term_start + (g % 5) * 30,
       (array['MARSHAL_OFFICE','VOIVODE','LOCAL_GOVERNMENT','SOCIAL_ECONOMY_ENTITY','PUBLIC_BENEFIT_COUNCIL',
              'COOPERATIVE_UNION','RESEARCH','TRADE_UNION','EMPLOYERS'])[1 + g % 9],
       'czlonek' || g || '@bench.koordes.example'
from generate_series(1, :members) g, committee c where c.name = 'Komitet generowany';
insert into committee_meeting (committee_id, region_id, title, starts_at, ends_at, place, agenda, status,
                               cancel_reason, convened_at, attendance_recorded_at)
select c.id, c.region_id, 'Posiedzenie generowane ' || g,
       now() - (g * 2) * interval '1 day', now() - (g * 2) * interval '1 day' + interval '3 hours', 'Sala obrad',
       '1. Otwarcie' || chr(10) || '2. Sprawy bieżące', case when g % 10 = 0 then 'CANCELLED' else 'HELD' end,
       case when g % 10 = 0 then 'Brak kworum' end, now() - (g * 2 + 14) * interval '1 day',
       case when g % 10 <> 0 then now() - (g * 2) * interval '1 day' end
from generate_series(1, :meetings) g, committee c where c.name = 'Komitet generowany';
insert into committee_attendance (meeting_id, membership_id, presence)
select m.id, s.id, case when (m.id + s.id) % 10 = 0 then 'EXCUSED' when (m.id + s.id) % 20 = 1 then 'ABSENT'
                        else 'PRESENT' end
from committee_meeting m join committee c on c.id = m.committee_id
join committee_membership s on s.committee_id = c.id and s.term_start <= cast(m.starts_at as date)
where c.name = 'Komitet generowany' and m.status = 'HELD';
insert into committee_resolution (committee_id, region_id, meeting_id, kind, number, year, title, body, adopted_on,
                                  votes_for, votes_against, votes_abstaining, public_resolution)
select c.id, c.region_id, null, k.kind, row_number() over (partition by k.kind, 2000 + g % 20 order by g), 2000 + g % 20,
       'Uchwała generowana ' || g, 'Treść uchwały generowanej ' || g, make_date(2000 + g % 20, 1 + g % 12, 1 + g % 28),
       10 + g % 5, g % 3, g % 2, g % 3 = 0
from generate_series(1, :resolutions) g, committee c,
     lateral (select (array['RESOLUTION', 'OPINION'])[1 + g % 2] as kind) k
where c.name = 'Komitet generowany';
