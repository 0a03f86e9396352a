package pl.koordes.knowledge.internal.discussions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.database.DemoData;

/**
 * A few conversations in each kind of space, written by the demo accounts: the coordinators' network (with a
 * mention, a quote and a post hidden by moderation), the committees of małopolskie and śląskie, and two thematic
 * groups (one by roles and a named adviser, one with the central institutions). Loaded straight into the tables;
 * the search backfill indexes them after every demo loader.
 */
@Component
@Order(160)
@ConditionalOnBooleanProperty("koordes.site.demo")
class DiscussionsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DiscussionsDemoData.class);

    private final JdbcClient jdbc;
    private final DemoData demoData;
    private final Clock clock;

    DiscussionsDemoData(JdbcClient jdbc, DemoData demoData, Clock clock) {
        this.jdbc = jdbc;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("discussions")) {
            return;
        }
        Long kinga = account("koordynator.malopolskie");
        Long stefan = account("koordynator.slaskie");
        Long kamila = account("komitet.malopolskie");
        Long roman = account("redaktor");
        Long ada = account("administrator");
        Long edward = account("ekspert");
        Long dorota = account("doradczyni");
        Long irena = account("ministerstwo");
        if (kinga == null || stefan == null || roman == null) {
            return;
        }
        network(kinga, stefan, roman);
        committees(kinga, stefan, kamila, ada);
        groups(kinga, stefan, roman, edward, dorota, irena);
        log.info("Loaded the discussions' demo threads");
    }

    private void network(long kinga, long stefan, long roman) {
        long network = space("siec-koordynatorow");
        long clauses =
                thread(network, "Klauzule społeczne w zamówieniach gmin: jak przekonujecie skarbników?", kinga, 12);
        long first = post(clauses, kinga, 12, 0, null, """
                W Małopolsce trzy gminy zapytały nas w tym kwartale o zastrzeżenie zamówień dla spółdzielni socjalnych.
                Najczęstsza obawa skarbników: **że zapłacą więcej**. Czy macie policzone przykłady, ile to naprawdę kosztowało?
                """);
        long second = post(clauses, stefan, 11, 40, null, """
                @Kinga Koordynacyjna, u nas pomogło zestawienie z dwóch przetargów na utrzymanie zieleni: różnica w cenie
                wyniosła kilka procent, a gmina zatrudniła przez spółdzielnię cztery osoby z listy bezrobotnych.
                Mogę podesłać tabelę, wrzucę ją do biblioteki.
                """);
        post(clauses, kinga, 11, 90, second, """
                > różnica w cenie wyniosła kilka procent, a gmina zatrudniła przez spółdzielnię cztery osoby

                Dokładnie takiej liczby potrzebuję na spotkanie z burmistrzami. Dziękuję, czekam na tabelę.
                """);
        long offTopic = post(clauses, stefan, 10, 15, null, "Czy ktoś sprzedaje używany rzutnik? Pilne.");
        jdbc.sql("""
                        update discussion_post set hidden_at = :at, hidden_by = :by,
                            hidden_reason = 'Ogłoszenie niezwiązane z tematem wątku.' where id = :id
                        """)
                .param("at", at(10, 60))
                .param("by", roman)
                .param("id", offTopic)
                .update();
        long report = thread(network, "Jeden wzór notatki z wizyty monitorującej", stefan, 6);
        post(report, stefan, 6, 0, null, """
                Każdy ROPS pisze notatki z wizyt w OWES inaczej. Proponuję wspólny układ: cel wizyty, ustalenia,
                zalecenia z terminem, podpisy. Co byście dodali?
                """);
        post(report, roman, 5, 30, null, """
                Z perspektywy redakcji: dodajcie krótkie streszczenie na początku, łatwiej będzie je potem
                opublikować w aktualnościach regionu.
                """);
        follow(kinga, network, null);
        touch(clauses, first);
    }

    private void committees(long kinga, long stefan, @Nullable Long kamila, @Nullable Long ada) {
        long malopolskie = space("komitet-malopolskie");
        long opinion = thread(malopolskie, "Opinia o aktualizacji programu: podział pracy", kinga, 8);
        post(opinion, kinga, 8, 0, null, """
                Przed posiedzeniem proszę o uwagi do rozdziału o wskaźnikach. Zbieram je do piątku, potem przygotuję
                projekt opinii do głosowania.
                """);
        if (kamila != null) {
            post(opinion, kamila, 7, 120, null, """
                    Wskaźnik liczby miejsc pracy w PES wydaje mi się zbyt ambitny na 2027 rok. Proponuję rozbić go na
                    lata i dopisać źródło danych.
                    """);
        }
        post(opinion, kinga, 7, 200, null, "Dziękuję, dopiszę to do projektu opinii jako uwagę komitetu.");
        long slaskie = space("komitet-slaskie");
        long calendar = thread(slaskie, "Terminy posiedzeń w drugim półroczu", stefan, 9);
        post(calendar, stefan, 9, 0, null, """
                Proponuję posiedzenia w ostatni czwartek miesiąca, zawsze o 10:00 w sali urzędu marszałkowskiego.
                Jeśli ktoś z członków komitetu nie może w czwartki, proszę o sygnał.
                """);
        if (ada != null) {
            post(calendar, ada, 8, 45, null, """
                    Przypominam, że w przestrzeni komitetu można obserwować wątek: powiadomienie o każdej odpowiedzi
                    przyjdzie e-mailem.
                    """);
        }
    }

    private void groups(
            long kinga, long stefan, long roman, @Nullable Long edward, @Nullable Long dorota, @Nullable Long irena) {
        long finance = group(
                "grupa-finansowanie-zwrotne",
                "Finansowanie zwrotne dla PES",
                "Pożyczki, poręczenia i wkłady własne: doświadczenia regionów i doradców.",
                roman,
                List.of("REGIONAL_COORDINATOR", "EXPERT"),
                dorota);
        long loans = thread(finance, "Pożyczka na start czy dotacja? Kiedy co proponować", roman, 4);
        long question = post(loans, roman, 4, 0, null, """
                Otwieram grupę pytaniem od kilku OWES: kiedy młodej spółdzielni lepiej doradzić pożyczkę niż czekać
                na dotację? Proszę o przykłady z praktyki.
                """);
        if (edward != null) {
            post(loans, edward, 3, 60, question, """
                    > **Roman Redakcyjny**:
                    > kiedy młodej spółdzielni lepiej doradzić pożyczkę niż czekać na dotację?

                    Gdy ma już podpisane pierwsze zlecenia i potrzebuje tylko płynności. Dotacja przychodzi za późno,
                    a pożyczka z umorzeniem części rat bywa tańsza niż utracony kontrakt.
                    """);
        }
        if (dorota != null) {
            post(loans, dorota, 2, 30, null, "Dodam, że przy pożyczce warto od razu zaplanować doradztwo księgowe.");
        }
        post(loans, kinga, 1, 10, null, "W Małopolsce zbieramy takie przypadki, podzielę się zestawieniem.");
        if (irena != null) {
            long central = group(
                    "grupa-wspolpraca-z-ministerstwem",
                    "Współpraca z instytucjami centralnymi",
                    "Pytania regionów do ministerstw i odpowiedzi, zanim trafią do oficjalnych postulatów.",
                    roman,
                    List.of("REGIONAL_COORDINATOR", "CENTRAL_INSTITUTION"),
                    null);
            long deadlines = thread(central, "Terminy sprawozdań półrocznych", irena, 5);
            post(deadlines, irena, 5, 0, null, """
                    Czy termin przekazania danych za pierwsze półrocze do końca lipca jest dla regionów wykonalny?
                    Zbieramy opinie przed zmianą wytycznych.
                    """);
            post(
                    deadlines,
                    stefan,
                    4,
                    90,
                    null,
                    "Dla Śląska lipiec jest trudny przez urlopy; wolelibyśmy połowę sierpnia.");
        }
    }

    private @Nullable Long account(String login) {
        return jdbc.sql("select id from account where email = :email")
                .param("email", login + "@demo.koordes.example")
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private long space(String slug) {
        return jdbc.sql("select id from discussion_space where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single();
    }

    private long group(
            String slug, String name, String description, long editor, List<String> roles, @Nullable Long member) {
        long id = jdbc.sql("""
                        insert into discussion_space (kind, slug, name, description, created_by, created_at, updated_at)
                        values ('GROUP', :slug, :name, :description, :by, :at, :at) returning id
                        """)
                .param("slug", slug)
                .param("name", name)
                .param("description", description)
                .param("by", editor)
                .param("at", at(20, 0))
                .query(Long.class)
                .single();
        for (String role : roles) {
            jdbc.sql("insert into discussion_space_role (space_id, role) values (:s, :r)")
                    .param("s", id)
                    .param("r", role)
                    .update();
        }
        if (member != null) {
            jdbc.sql("insert into discussion_space_member (space_id, account_id) values (:s, :a)")
                    .param("s", id)
                    .param("a", member)
                    .update();
        }
        return id;
    }

    private long thread(long space, String title, long author, int daysAgo) {
        return jdbc.sql("""
                        insert into discussion_thread (space_id, title, author_id, created_at, last_post_at, post_count)
                        values (:space, :title, :author, :at, :at, 0) returning id
                        """)
                .param("space", space)
                .param("title", title)
                .param("author", author)
                .param("at", at(daysAgo, 0))
                .query(Long.class)
                .single();
    }

    private long post(long thread, long author, int daysAgo, int minutes, @Nullable Long quoted, String body) {
        Timestamp at = at(daysAgo, minutes);
        long id = jdbc.sql("""
                        insert into discussion_post (thread_id, author_id, body, quoted_post_id, created_at)
                        values (:thread, :author, :body, :quoted, :at) returning id
                        """)
                .param("thread", thread)
                .param("author", author)
                .param("body", body.strip())
                .param("quoted", quoted)
                .param("at", at)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        update discussion_thread set post_count = post_count + 1,
                            last_post_at = greatest(last_post_at, :at) where id = :thread
                        """).param("at", at).param("thread", thread).update();
        return id;
    }

    /** A document of the library, pointed to by the first post (the library's demo numbers its documents from 1). */
    private void touch(long thread, long post) {
        jdbc.sql("insert into discussion_post_document (post_id, document_id, position) values (:p, 1, 0)")
                .param("p", post)
                .update();
    }

    private void follow(long account, long space, @Nullable Long thread) {
        jdbc.sql("insert into discussion_subscription (account_id, space_id, thread_id) values (:a, :s, :t)")
                .param("a", account)
                .param("s", thread == null ? space : null)
                .param("t", thread)
                .update();
    }

    private Timestamp at(int daysAgo, int minutes) {
        Instant now = clock.instant();
        return Timestamp.from(now.minus(Duration.ofDays(daysAgo)).plus(Duration.ofMinutes(minutes)));
    }
}
