-- A generated survey for bench/surveys and ResultsQueryCountIntegrationTests: a closed survey with public results
-- titled "Ankieta generowana <label>", :questions questions of every type in turn (single choice and multiple
-- choice with four options and "inna", scale, a matrix of three rows, short and long text, number, date) in three
-- sections, and :answers submitted answers spread over the 16 regions and four kinds of institution, stored as
-- the answering part stores them (one row per chosen option, matrix row or value). Run with
-- psql -v label=… -v questions=30 -v answers=10000, or with the three replaced.
-- Remove with: delete from surveys_survey where title like 'Ankieta generowana %';
insert into surveys_survey (title, published, opens_at, closes_at, response_mode, anonymous, results_visibility,
                            audience_roles, link_token, created_at, updated_at)
values ('Ankieta generowana ' || :'label', true, now() - interval '60 days', now() - interval '1 day', 'PERSON', false,
        'PUBLIC', '{PARTICIPANT,REGIONAL_COORDINATOR,COMMITTEE_MEMBER}', md5('Ankieta generowana ' || :'label'),
        now(), now());
insert into surveys_section (survey_id, position, title)
select s.id, g, 'Sekcja ' || g from surveys_survey s, generate_series(1, 3) g
where s.title = 'Ankieta generowana ' || :'label';
insert into surveys_question (survey_id, section_id, position, type, text, other_option, scale_min_label,
                              scale_max_label)
select s.id, (select c.id from surveys_section c where c.survey_id = s.id and c.position = 1 + (g - 1) * 3 / :questions),
       g, (array['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SCALE', 'MATRIX', 'SHORT_TEXT', 'LONG_TEXT', 'NUMBER',
                 'DATE'])[1 + (g - 1) % 8],
       'Pytanie generowane ' || g, (g - 1) % 8 < 2, 'bardzo źle', 'bardzo dobrze'
from surveys_survey s, generate_series(1, :questions) g
where s.title = 'Ankieta generowana ' || :'label';
insert into surveys_option (question_id, position, label)
select q.id, g, 'Opcja ' || g from surveys_question q join surveys_survey s on s.id = q.survey_id, generate_series(1, 4) g
where s.title = 'Ankieta generowana ' || :'label' and q.type in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE');
insert into surveys_matrix_row (question_id, position, label)
select q.id, g, 'Wiersz ' || g from surveys_question q join surveys_survey s on s.id = q.survey_id, generate_series(1, 3) g
where s.title = 'Ankieta generowana ' || :'label' and q.type = 'MATRIX';
insert into surveys_response (survey_id, region_id, institution_kind, status, submitted_on, submitted_at, created_at,
                              updated_at)
select s.id, r.ids[1 + g % cardinality(r.ids)], (array['ROPS', 'OWES', 'NGO', 'MUNICIPALITY'])[1 + g % 4], 'SUBMITTED',
       cast(now() - (g % 50) * interval '1 day' as date), now() - (g % 50) * interval '1 day', now(), now()
from surveys_survey s, generate_series(1, :answers) g, (select array_agg(id order by id) as ids from region) r
where s.title = 'Ankieta generowana ' || :'label';
-- Single choice: one option, every tenth answer "inna (jaka?)" with its text.
insert into surveys_answer (response_id, question_id, option_id, text_value)
select r.id, q.id, case when r.id % 10 <> 0 then o.id end,
       case when r.id % 10 = 0 then 'Inna odpowiedź numer ' || r.id end
from surveys_response r join surveys_survey s on s.id = r.survey_id
join surveys_question q on q.survey_id = s.id join surveys_option o on o.question_id = q.id
where s.title = 'Ankieta generowana ' || :'label' and q.type = 'SINGLE_CHOICE' and o.position = 1 + (r.id + q.id) % 4;
-- Multiple choice: two of the four options.
insert into surveys_answer (response_id, question_id, option_id)
select r.id, q.id, o.id
from surveys_response r join surveys_survey s on s.id = r.survey_id
join surveys_question q on q.survey_id = s.id join surveys_option o on o.question_id = q.id
where s.title = 'Ankieta generowana ' || :'label' and q.type = 'MULTIPLE_CHOICE' and (o.position + r.id) % 2 = 0;
insert into surveys_answer (response_id, question_id, scale_value)
select r.id, q.id, 1 + (r.id * 7 + q.id) % 5
from surveys_response r join surveys_survey s on s.id = r.survey_id join surveys_question q on q.survey_id = s.id
where s.title = 'Ankieta generowana ' || :'label' and q.type = 'SCALE';
insert into surveys_answer (response_id, question_id, matrix_row_id, scale_value)
select r.id, q.id, m.id, 1 + (r.id + m.id * 3) % 5
from surveys_response r join surveys_survey s on s.id = r.survey_id
join surveys_question q on q.survey_id = s.id join surveys_matrix_row m on m.question_id = q.id
where s.title = 'Ankieta generowana ' || :'label' and q.type = 'MATRIX';
insert into surveys_answer (response_id, question_id, text_value)
select r.id, q.id, 'Odpowiedź ' || r.id || ' na pytanie ' || q.position || ': potrzebne doradztwo prawne i księgowe'
from surveys_response r join surveys_survey s on s.id = r.survey_id join surveys_question q on q.survey_id = s.id
where s.title = 'Ankieta generowana ' || :'label' and q.type in ('SHORT_TEXT', 'LONG_TEXT');
insert into surveys_answer (response_id, question_id, number_value)
select r.id, q.id, (r.id * 13 + q.id) % 250
from surveys_response r join surveys_survey s on s.id = r.survey_id join surveys_question q on q.survey_id = s.id
where s.title = 'Ankieta generowana ' || :'label' and q.type = 'NUMBER';
insert into surveys_answer (response_id, question_id, date_value)
select r.id, q.id, date '2026-01-01' + cast((r.id + q.id) % 365 as int)
from surveys_response r join surveys_survey s on s.id = r.survey_id join surveys_question q on q.survey_id = s.id
where s.title = 'Ankieta generowana ' || :'label' and q.type = 'DATE';
