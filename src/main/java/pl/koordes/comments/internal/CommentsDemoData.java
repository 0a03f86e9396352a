package pl.koordes.comments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.comments.CommentState;
import pl.koordes.content.ArticleReference;
import pl.koordes.content.PublishedArticles;
import pl.koordes.shared.database.DemoData;

/**
 * Invented comments in every state under the two newest demo articles (after content's demo data):
 * approved ones (one answered by the editors, one with personal data edited out), pending ones (with
 * and without proof of work), a rejected one, spam caught by the honeypot and one hidden after reports.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("koordes.site.demo")
class CommentsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CommentsDemoData.class);
    private static final String EDITORS = "Roman Redakcyjny";

    private final DemoData demoData;
    private final CommentStore store;
    private final CommentThreads threads;
    private final PublishedArticles articles;
    private final Clock clock;

    CommentsDemoData(
            DemoData demoData, CommentStore store, CommentThreads threads, PublishedArticles articles, Clock clock) {
        this.demoData = demoData;
        this.store = store;
        this.threads = threads;
        this.articles = articles;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // The demo's articles are the first ones of a fresh database; ids through the published API only.
        List<ArticleReference> newest =
                articles.findByIds(LongStream.rangeClosed(1, 50).boxed().toList()).values().stream()
                        .sorted(Comparator.comparing(ArticleReference::publishedAt)
                                .reversed())
                        .limit(2)
                        .toList();
        if (newest.isEmpty() || !demoData.claim("comments")) {
            return;
        }
        Instant now = clock.instant();
        ArticleReference first = newest.get(0);
        long withReply = add(
                first,
                "Spółdzielnia socjalna w naszej gminie",
                "U nas pierwsza spółdzielnia socjalna powstała z inicjatywy dwóch gmin i stowarzyszenia rodziców.\n"
                        + "Najtrudniejszy był pierwszy rok: zamówień było mało, a koszty stałe duże.\n\n"
                        + "Czy region planuje wsparcie dla takich partnerstw?",
                "Marta z Nowego Targu",
                CommentState.APPROVED,
                List.of(),
                now.minus(Duration.ofDays(3)));
        store.reply(
                withReply,
                "Dziękujemy za pytanie. Nabór na wsparcie partnerstw gmin ruszy w przyszłym kwartale;"
                        + " szczegóły opublikujemy w aktualnościach.",
                EDITORS,
                now.minus(Duration.ofDays(2)));
        long edited = add(
                first,
                "Klauzule społeczne działają",
                "Od dwóch lat nasze starostwo stosuje klauzule społeczne przy zamówieniach na catering. "
                        + "Chętnie podzielę się wzorami dokumentów, proszę o kontakt przez ośrodek wsparcia.",
                "Paweł, PES z Tarnowa",
                CommentState.APPROVED,
                List.of(),
                now.minus(Duration.ofDays(2)));
        store.edit(
                edited,
                "Klauzule społeczne działają",
                "Od dwóch lat nasze starostwo stosuje klauzule społeczne przy zamówieniach na catering. "
                        + "Chętnie podzielę się wzorami dokumentów, proszę o kontakt przez ośrodek wsparcia [dane usunięte przez redakcję].",
                "Paweł, PES z Tarnowa",
                now.minus(Duration.ofDays(1)));
        long reported = add(
                first,
                "Więcej szkoleń dla księgowych",
                "Brakuje szkoleń z rozliczania dotacji dla małych podmiotów. To <b>naprawdę</b> duża bariera.",
                "Księgowa z Podhala",
                CommentState.APPROVED,
                List.of(),
                now.minus(Duration.ofDays(1)));
        add(
                first,
                "Pytanie o terminy",
                "Kiedy pojawi się harmonogram spotkań regionalnych na przyszły rok?",
                "Tomasz",
                CommentState.PENDING,
                List.of(),
                now.minus(Duration.ofHours(5)));
        add(
                first,
                "Dobre praktyki z Mazur",
                "Warto zaprosić do rozmowy spółdzielnie z Warmii i Mazur: mają ciekawe doświadczenia z turystyką.",
                "Anonimowa czytelniczka",
                CommentState.PENDING,
                List.of(CommentManagement.NO_PROOF_OF_WORK),
                now.minus(Duration.ofHours(3)));
        add(
                first,
                "Nie na temat",
                "Ten komentarz nie dotyczy artykułu i redakcja go odrzuciła.",
                "Przypadkowy gość",
                CommentState.REJECTED,
                List.of(),
                now.minus(Duration.ofDays(2)));
        add(
                first,
                "Najtańsze kredyty bez BIK",
                "Kliknij w link i odbierz nagrodę: www.nagroda.example",
                "Super Oferta",
                CommentState.SPAM,
                List.of(CommentManagement.HONEYPOT),
                now.minus(Duration.ofDays(1)));
        long hidden = add(
                first,
                "Ostra krytyka",
                "Ten komentarz czytelnicy zgłosili kilka razy, więc czeka ukryty na decyzję redakcji.",
                "Zdenerwowany czytelnik",
                CommentState.APPROVED,
                List.of(),
                now.minus(Duration.ofDays(1)));
        // Signed-in readers' reports hide a comment; visitors' reports only bring it to the editors' queue.
        for (int i = 1; i <= 3; i++) {
            store.report(hidden, "demo-account-" + i, true, now.minus(Duration.ofHours(i)));
            store.report(reported, "demo-visitor-" + i, false, now.minus(Duration.ofHours(i)));
        }
        store.hide(hidden, now.minus(Duration.ofHours(1)));
        if (newest.size() > 1) {
            ArticleReference second = newest.get(1);
            add(
                    second,
                    "Dziękujemy za podsumowanie",
                    "Przydatne zestawienie. Czy prezentacje z konferencji będą dostępne do pobrania?",
                    "Joanna, ROPS",
                    CommentState.APPROVED,
                    List.of(),
                    now.minus(Duration.ofDays(4)));
            add(
                    second,
                    "Uwaga o dostępności",
                    "Prośba o napisy do nagrań wideo: nie wszyscy uczestnicy słyszą dobrze.",
                    "Krzysztof",
                    CommentState.APPROVED,
                    List.of(),
                    now.minus(Duration.ofDays(3)));
        }
        threads.touchThreads(newest.stream().map(ArticleReference::id).toList());
        log.info("Demo data: comments in every state under \"{}\"", first.title());
    }

    private long add(
            ArticleReference article,
            String title,
            String body,
            String signature,
            CommentState state,
            List<String> flags,
            Instant at) {
        return store.insert(new CommentStore.NewComment(
                article.id(), title, body, signature, null, "pl", state, flags, PlainText.fingerprint(body), at));
    }
}
