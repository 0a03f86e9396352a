-- An optional English title and description of an event, shown in the English interface; where one
-- is missing the Polish text is shown there, marked as Polish.
alter table event
    add column title_en       varchar(300)  not null default '',
    add column description_en text          not null default '';
