-- Generated postulates for bench/postulates and PostulatesQueryCountIntegrationTests: :n postulates titled
-- "Postulat generowany N", spread over the 16 regions, the central institutions, the KPRES areas, the public
-- statuses and the last 1,000 days, each with its timeline steps, a co-signature of another region, and an
-- answer where its status has one. Run with psql -v n=10000, or with :n replaced by a number.
-- Remove with: delete from postulates_postulate where title like 'Postulat generowany %';
insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, justification, status,
                                  created_at, updated_at, submitted_at, signing_closes_at, forwarded_at,
                                  answer_due, first_answered_at, last_answered_at, withdrawn_at)
select r.ids[1 + x.g % cardinality(r.ids)], i.ids[1 + x.g % cardinality(i.ids)],
       'Postulat generowany ' || x.g,
       'Opis problemu postulatu generowanego numer ' || x.g || ': brak stabilnego finansowania usług społecznych.',
       'Propozycja: wieloletnie umowy na usługi społeczne zlecane podmiotom ekonomii społecznej.', '',
       x.status, x.at, x.at, x.at, x.at + interval '14 days',
       case when x.status in ('FORWARDED', 'IN_ANALYSIS', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED')
            then x.at + interval '15 days' end,
       case when x.status in ('FORWARDED', 'IN_ANALYSIS', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED')
            then (x.at + interval '45 days')::date end,
       case when x.status in ('IN_ANALYSIS', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED')
            then x.at + interval '15 days' + (x.g % 60) * interval '1 day' end,
       case when x.status in ('IN_ANALYSIS', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED')
            then x.at + interval '15 days' + (x.g % 60) * interval '1 day' end,
       case when x.status = 'WITHDRAWN' then x.at + interval '3 days' end
from (select g,
             (array['SUBMITTED', 'FORWARDED', 'IN_ANALYSIS', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED',
                    'WITHDRAWN'])[1 + g % 7] as status,
             now() - (g % 1000) * interval '1 day' - (g % 24) * interval '1 hour' as at
      from generate_series(1, :n) g) x,
     (select array_agg(id order by id) as ids from region) r,
     (select array_agg(id order by id) as ids from institution where kind = 'CENTRAL') i;

insert into postulates_area (postulate_id, area_code)
select p.id, (array['I', 'II', 'III', 'IV'])[1 + p.id % 4]
from postulates_postulate p
where p.title like 'Postulat generowany %' and not exists (select 1 from postulates_area a where a.postulate_id = p.id);

insert into postulates_signature (postulate_id, region_id, signed_at)
select p.id, (select id from region where id <> p.region_id order by id limit 1), p.submitted_at + interval '2 days'
from postulates_postulate p
where p.title like 'Postulat generowany %'
  and not exists (select 1 from postulates_signature s where s.postulate_id = p.id);

insert into postulates_answer (postulate_id, version, institution_id, status, body, new_due, answered_at)
select p.id, 1, p.addressee_id, p.status, 'Odpowiedź instytucji na postulat ' || p.id || '.',
       case when p.status = 'IN_ANALYSIS' then p.answer_due + 60 end, p.first_answered_at
from postulates_postulate p
where p.title like 'Postulat generowany %' and p.first_answered_at is not null
  and not exists (select 1 from postulates_answer a where a.postulate_id = p.id);

insert into postulates_step (postulate_id, kind, at, region_id, institution_id, detail)
select p.id, s.kind, s.at, s.region_id, s.institution_id, s.detail
from postulates_postulate p
cross join lateral (values
    ('DRAFTED', p.created_at - interval '1 day', null::bigint, null::bigint, null::text),
    ('SUBMITTED', p.submitted_at, p.region_id, null, null),
    ('COSIGNED', p.submitted_at + interval '2 days',
     (select id from region where id <> p.region_id order by id limit 1), null, null),
    ('FORWARDED', p.forwarded_at, null, p.addressee_id, p.answer_due::text),
    ('ANSWERED', p.first_answered_at, null, p.addressee_id, p.status),
    ('WITHDRAWN', p.withdrawn_at, p.region_id, null, null)) as s(kind, at, region_id, institution_id, detail)
where p.title like 'Postulat generowany %' and s.at is not null
  and not exists (select 1 from postulates_step t where t.postulate_id = p.id);
