-- Active editors for bench/comments: each gets an in-application notice per comment waiting for moderation, as the
-- editorial team of a real site would. Run with psql -v editors=3.
insert into account (email, display_name, status, language)
select 'redaktor' || g || '@bench.koordes.example', 'Redaktor Testowy ' || g, 'ACTIVE', 'pl'
from generate_series(1, :editors) g;
insert into role_assignment (account_id, role)
select id, 'EDITOR' from account where email like 'redaktor%@bench.koordes.example';
