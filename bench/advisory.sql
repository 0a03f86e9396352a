-- Generated advisory cases and sessions for bench/advisory and ReportingQueryCountIntegrationTests: :cases cases
-- titled "Sprawa generowana <label> <n>" spread over the 16 regions, the topics and every status (requested over
-- the last 700 days), one expert assigned to each case past SUBMITTED when there are experts, and :sessions sessions
-- of a quarter to four hours over the cases in progress and completed, held over the last 700 days by the experts,
-- every tenth waiting for consent, every tenth refused, every tenth granted. Run with
-- psql -v label=… -v cases=2000 -v sessions=20000, or with the three replaced.
-- Remove with: delete from advisory_request where title like 'Sprawa generowana %';
insert into advisory_request (region_id, topic_id, title, description, kind, mode, status, decline_reason,
                              hours_limit, final_recommendation, rating, rated_at, requested_at, decided_at,
                              completed_at, updated_at)
select r.ids[1 + g % cardinality(r.ids)], t.ids[1 + (g / 3) % cardinality(t.ids)],
       'Sprawa generowana ' || :'label' || ' ' || g, 'Opis sprawy generowanej ' || g,
       (array['INDIVIDUAL', 'GROUP'])[1 + g % 2], (array['IN_PERSON', 'ONLINE'])[1 + (g / 2) % 2], s.status,
       case when s.status in ('DECLINED', 'WITHDRAWN') then 'Powód ' || g end, 20,
       case when s.status = 'COMPLETED' then 'Rekomendacja końcowa ' || g end,
       case when s.status = 'COMPLETED' and g % 3 = 0 then 1 + g % 5 end,
       case when s.status = 'COMPLETED' and g % 3 = 0 then now() - (g % 300) * interval '1 day' end,
       now() - (g % 700) * interval '1 day', now() - (g % 700) * interval '1 day',
       case when s.status = 'COMPLETED' then now() - (g % 300) * interval '1 day' end, now()
from generate_series(1, :cases) g,
     (select array_agg(id order by id) as ids from region) r,
     (select array_agg(id order by id) as ids from advisory_topic) t,
     lateral (select (array['SUBMITTED', 'ACCEPTED', 'DECLINED', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN',
                            'COMPLETED', 'IN_PROGRESS', 'COMPLETED'])[1 + g % 10] as status) s;
insert into advisory_assignment (request_id, account_id, assigned_at)
select c.id, e.ids[1 + c.id % cardinality(e.ids)], c.requested_at
from advisory_request c,
     (select array_agg(account_id order by account_id) as ids from role_assignment where role = 'EXPERT') e
where c.title like 'Sprawa generowana ' || :'label' || ' %'
  and c.status in ('ACCEPTED', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED') and cardinality(e.ids) > 0;
insert into advisory_session (request_id, account_id, held_on, hours, mode, participants, summary, recommendations,
                              consent, created_at, updated_at)
select c.ids[1 + g % cardinality(c.ids)], e.ids[1 + g % cardinality(e.ids)], cast(now() - (g % 700) * interval '1 day' as date),
       (1 + g % 16) * 0.25, (array['IN_PERSON', 'ONLINE'])[1 + g % 2], 'Uczestnicy sesji ' || g,
       'Podsumowanie sesji ' || g, 'Zalecenia ' || g,
       (array[null, null, null, null, null, null, null, 'GRANTED', 'PENDING', 'REFUSED'])[1 + g % 10], now(), now()
from generate_series(1, :sessions) g,
     (select array_agg(id order by id) as ids from advisory_request
      where title like 'Sprawa generowana ' || :'label' || ' %' and status in ('IN_PROGRESS', 'COMPLETED')) c,
     (select array_agg(account_id order by account_id) as ids from role_assignment where role = 'EXPERT') e;
