package pl.koordes.comments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.comments.CommentState;
import pl.koordes.comments.CommentSubject;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PublicPostulates;
import pl.koordes.shared.database.DemoData;

/**
 * Approved comments under four public demo postulates, read through the postulates' API: runs after the
 * postulates' demo data (order 110).
 */
@Component
@Order(120)
@ConditionalOnBooleanProperty("koordes.site.demo")
class PostulateCommentsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PostulateCommentsDemoData.class);

    /** Title, content and signature of each demo comment, a few per postulate. */
    private static final List<List<String[]>> COMMENTS = List.of(
            List.of(
                    new String[] {
                        "Potwierdzamy ten problem",
                        "W naszym powiecie trzy podmioty ekonomii społecznej czekały na rozliczenie ponad pół roku.\n"
                                + "Bez zmian w przepisach nic się nie poprawi.",
                        "Zarząd spółdzielni socjalnej z Limanowej"
                    },
                    new String[] {
                        "Warto dodać dane",
                        "Może region dołączy zestawienie terminów płatności z ostatnich dwóch lat? Liczby przekonują"
                                + " bardziej niż opis.",
                        "Ania, OWES"
                    }),
            List.<String[]>of(new String[] {
                "Dobry kierunek",
                "Klauzule społeczne w zamówieniach gmin działają tam, gdzie urzędnicy wiedzą, jak je stosować."
                        + " Szkolenia są równie ważne jak przepisy.",
                "Tomasz, radny gminy"
            }),
            List.<String[]>of(new String[] {
                "Pytanie o terminy",
                "Czy wiadomo już, kiedy ministerstwo odpowie? Od tej odpowiedzi zależą nasze plany na przyszły rok.",
                "Koordynatorka CIS"
            }),
            List.of(
                    new String[] {
                        "Z doświadczenia WTZ",
                        "Przejście z warsztatu terapii zajęciowej do pracy jest najtrudniejsze w pierwszych"
                                + " miesiącach. Wsparcie trenera pracy powinno trwać dłużej.",
                        "Instruktor WTZ"
                    },
                    new String[] {
                        "Popieramy",
                        "Nasze stowarzyszenie popiera ten postulat i chętnie podzieli się przykładami z regionu.",
                        "Stowarzyszenie Razem"
                    }));

    private final DemoData demoData;
    private final CommentStore store;
    private final CommentThreads threads;
    private final PublicPostulates postulates;
    private final Clock clock;

    PostulateCommentsDemoData(
            DemoData demoData, CommentStore store, CommentThreads threads, PublicPostulates postulates, Clock clock) {
        this.demoData = demoData;
        this.store = store;
        this.threads = threads;
        this.postulates = postulates;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<PostulateReference> latest = postulates.latest(COMMENTS.size());
        if (latest.isEmpty() || !demoData.claim("comments-postulates")) {
            return;
        }
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < latest.size(); i++) {
            PostulateReference postulate = latest.get(i);
            ids.add(postulate.id());
            List<String[]> comments = COMMENTS.get(i);
            for (int c = 0; c < comments.size(); c++) {
                String[] text = comments.get(c);
                store.insert(new CommentStore.NewComment(
                        CommentSubject.POSTULATE,
                        postulate.id(),
                        text[0],
                        text[1],
                        text[2],
                        null,
                        "pl",
                        CommentState.APPROVED,
                        List.of(),
                        PlainText.fingerprint(text[1]),
                        now.minus(Duration.ofHours(30L * (comments.size() - c) + i))));
            }
        }
        threads.touchThreads(CommentSubject.POSTULATE, ids);
        log.info("Demo data: comments under {} postulates", ids.size());
    }
}
