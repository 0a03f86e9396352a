-- Needs: the operator may mark a need answered by hand (with the day), whatever is linked; and advice sessions
-- say when they took place (events are read from the events module).

-- True when the operator marked the need answered: answered_at is then the day they gave, and links no longer
-- move its status.
alter table surveys_need add column answered_marked boolean not null default false;

-- An ADVICE link: when the advice was given (null while it is only planned). Unused for EVENT links.
alter table surveys_need_link add column done_at timestamptz;

-- The list's filters by survey, and "needs answered by this event or advice" read from the other side.
create index surveys_need_survey_idx on surveys_need (survey_id);
create index surveys_need_source_response_idx on surveys_need_source (response_id);
