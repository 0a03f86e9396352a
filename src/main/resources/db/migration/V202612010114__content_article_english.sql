-- An optional English version of an article (kept in every revision too), shown in the English
-- interface when it has a title and a text; otherwise the Polish article is shown there, marked as Polish.
alter table article
    add column title_en         varchar(200) not null default '',
    add column lead_en          varchar(600) not null default '',
    add column body_markdown_en text         not null default '',
    add column body_html_en     text         not null default '';

alter table article_revision
    add column title_en         varchar(200) not null default '',
    add column lead_en          varchar(600) not null default '',
    add column body_markdown_en text         not null default '';
