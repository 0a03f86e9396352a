-- The monitoring bench's data set (bench/monitoring, see bench/README.md "Monitoring"): on a fresh prod
-- database (no demo data), 12 KPRES directions, a current programme for each of the 16 regions with 11
-- actions mapped to 11 directions (IV.3 left uncovered, as in the demo), 20 indicators per region mapped in
-- turn to the 13 KPRES indicators with yearly targets, 10 half-year periods (2020–2024) and an approved value
-- for each indicator in each period: 16 × 20 × 10 = 3,200 values.
insert into monitoring_direction (area_id, code, name_pl, name_en, position)
select a.id, d.code, d.name, d.name, d.position
from (values ('I', 'I.1', 'Usługi lokalne z podmiotami ekonomii społecznej', 1),
             ('I', 'I.2', 'Zakupy publiczne z celami społecznymi', 2),
             ('I', 'I.3', 'Lokalne partnerstwa', 3),
             ('II', 'II.1', 'Miejsca pracy w przedsiębiorstwach społecznych', 4),
             ('II', 'II.2', 'Reintegracja społeczna i zawodowa', 5),
             ('II', 'II.3', 'Praca osób z niepełnosprawnościami', 6),
             ('III', 'III.1', 'Rozwój przedsiębiorstw społecznych', 7),
             ('III', 'III.2', 'Finansowanie zwrotne', 8),
             ('III', 'III.3', 'Dostęp do rynku', 9),
             ('IV', 'IV.1', 'Ekonomia społeczna w edukacji', 10),
             ('IV', 'IV.2', 'Jakość wsparcia i znaki jakości', 11),
             ('IV', 'IV.3', 'Aktywność obywatelska i wolontariat', 12)) as d(area, code, name, position)
join monitoring_area a on a.code = d.area;

update monitoring_national_indicator i set direction_id = d.id, baseline_year = coalesce(i.baseline_year, 2018)
from monitoring_direction d
where d.code = (array['I.1', 'I.2', 'I.3', 'II.1', 'II.2', 'II.3', 'III.1', 'III.3', 'III.3', 'III.2', 'III.1', 'IV.2', 'IV.2'])[i.position];

insert into monitoring_programme (region_id) select id from region;

insert into monitoring_programme_version (programme_id, number, status, name, resolution_number, resolution_date,
                                          period_start, period_end, adopted_at)
select p.id, 1, 'CURRENT', 'Regionalny program rozwoju ekonomii społecznej – ' || r.name_pl || ' (bench)',
       'XL/1/21 (bench)', date '2021-03-10', 2021, 2030, timestamptz '2021-03-10 12:00Z'
from monitoring_programme p join region r on r.id = p.region_id;

insert into monitoring_goal (version_id, lineage, position, name)
select v.id, 0, 1, 'Więcej trwałych przedsiębiorstw społecznych' from monitoring_programme_version v;
update monitoring_goal set lineage = id;

insert into monitoring_action (goal_id, lineage, position, name)
select g.id, 0, n, 'Działanie ' || n from monitoring_goal g, generate_series(1, 11) n;
update monitoring_action set lineage = id;

insert into monitoring_action_direction (action_id, direction_id)
select a.id, d.id from monitoring_action a join monitoring_direction d on d.position = a.position;

insert into monitoring_indicator (region_id, code) select r.id, 'R' || n from region r, generate_series(1, 20) n;

insert into monitoring_version_indicator (version_id, indicator_id, goal_id, position, name, unit, baseline,
                                          baseline_year, time_rule, source, national_indicator_id, region_rule)
select v.id, i.id, g.id, substr(i.code, 2)::int, 'Wskaźnik regionalny ' || i.code, 'liczba', 100, 2019,
       case when substr(i.code, 2)::int % 2 = 0 then 'FLOW' else 'STOCK' end, 'ROPS',
       (select id from monitoring_national_indicator where position = 1 + (substr(i.code, 2)::int - 1) % 13),
       case when substr(i.code, 2)::int % 3 = 0 then 'AVERAGE' else 'SUM' end
from monitoring_indicator i
join monitoring_programme p on p.region_id = i.region_id
join monitoring_programme_version v on v.programme_id = p.id
join monitoring_goal g on g.version_id = v.id;

insert into monitoring_target (version_id, indicator_id, year, value)
select vi.version_id, vi.indicator_id, y, 100 + (y - 2019) * 10
from monitoring_version_indicator vi, generate_series(2020, 2030) y;

insert into monitoring_period (kind, year, half, deadline, status)
select 'HALF', y, h, make_date(y + 1, 3, 31), 'CLOSED' from generate_series(2020, 2024) y, generate_series(1, 2) h;

insert into monitoring_value (indicator_id, period_id, region_id, status, value, approved_at)
select i.id, p.id, i.region_id, 'APPROVED', 100 + (p.year - 2019) * 9 + p.half + i.region_id % 7, now()
from monitoring_indicator i, monitoring_period p;
