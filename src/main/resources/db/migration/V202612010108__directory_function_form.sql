-- The form in which a member's function is named (przewodnicząca / przewodniczący); existing
-- members keep the wording that names both until someone chooses.
alter table committee_membership
    add column function_form text not null default 'UNSPECIFIED'
        check (function_form in ('FEMININE', 'MASCULINE', 'UNSPECIFIED'));
