package pl.koordes.comments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.comments.internal.CommentSecret;
import pl.koordes.comments.internal.CommentStore;
import pl.koordes.comments.internal.PlainText;
import pl.koordes.comments.internal.ProofOfWork;
import pl.koordes.content.ArticleReference;
import pl.koordes.content.PublishedArticles;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.RateLimiter;

/**
 * Every change to comments: visitors send and report them, editors moderate, edit, reply and keep
 * the list of banned phrases. The spam checks run here, so no other path can skip them.
 */
@Service
public class CommentManagement {

    /** Flags telling editors why a comment waits for them. */
    public static final String NO_PROOF_OF_WORK = "NO_PROOF_OF_WORK";
    public static final String INVALID_PROOF_OF_WORK = "INVALID_PROOF_OF_WORK";
    public static final String HONEYPOT = "HONEYPOT";

    private static final int MAX_PHRASE = 200;

    private final CommentStore store;
    private final ProofOfWork proofOfWork;
    private final CommentSecret secret;
    private final RateLimiter limiter;
    private final CommentsProperties properties;
    private final PublishedArticles articles;
    private final Mailer mailer;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CommentManagement(CommentStore store, ProofOfWork proofOfWork, CommentSecret secret, RateLimiter limiter,
            CommentsProperties properties, PublishedArticles articles, Mailer mailer, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
        this.proofOfWork = proofOfWork;
        this.secret = secret;
        this.limiter = limiter;
        this.properties = properties;
        this.articles = articles;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * How sending went: refused with errors (field → message key; the key {@code ""} for a refusal of
     * the whole form), or accepted in a state. A comment caught by the honeypot looks accepted and
     * pending to its sender.
     *
     * @param tooMany the client address sent too many comments lately (answer 429)
     */
    public record Outcome(Map<String, String> errors, boolean tooMany, @Nullable CommentState state) {

        public boolean accepted() {
            return state != null;
        }

        /** Whether the sender should read that the comment is public already. */
        public boolean published() {
            return state == CommentState.APPROVED;
        }
    }

    /**
     * Checks and stores a visitor's comment. Not one transaction: the per-address limit keeps its
     * buckets in the database through connections of its own, so it is consulted before this method
     * takes a connection for the write (holding one while waiting for another could exhaust the pool).
     */
    public Outcome submit(ArticleReference article, CommentForm form, String clientAddress, Locale locale) {
        String title = PlainText.oneLine(form.title());
        String body = PlainText.multiLine(form.body());
        String signature = PlainText.oneLine(form.signature());
        String email = form.email().strip();
        Map<String, String> errors = validate(title, body, signature);
        if (!email.isEmpty() && !EmailAddresses.valid(email)) {
            errors.put("email", "comments.error.email");
        } else if (!email.isEmpty() && !form.consent()) {
            errors.put("consent", "comments.error.consentMissing");
        } else if (email.isEmpty() && form.consent()) {
            errors.put("email", "comments.error.emailMissing");
        }
        if (!errors.isEmpty()) {
            return new Outcome(errors, false, null);
        }
        Instant now = clock.instant();
        String fingerprint = PlainText.fingerprint(body);
        String language = Language.of(locale).code();
        if (!form.website().isEmpty()) {
            // A robot filled the field people never see: kept as spam (so its text is known again), never shown.
            transactions.executeWithoutResult(status -> store.insert(new CommentStore.NewComment(article.id(), title,
                    body, signature, null, language, CommentState.SPAM, List.of(HONEYPOT), fingerprint, now)));
            return new Outcome(Map.of(), false, CommentState.PENDING);
        }
        if (PlainText.links(title + "\n" + body + "\n" + signature) > properties.maxLinks()) {
            errors.put("body", "comments.error.links");
        }
        Optional<String> banned = bannedIn(title, body, signature);
        banned.ifPresent(field -> errors.putIfAbsent(field, "comments.error.banned"));
        if (!errors.isEmpty()) {
            return new Outcome(errors, false, null);
        }
        if (!limiter.tryConsume(limit(), clientAddress)) {
            return new Outcome(Map.of("", "comments.error.tooMany"), true, null);
        }
        String address = email.isEmpty() ? null : email;
        return transactions.execute(status -> {
            if (store.duplicate(fingerprint, now.minus(properties.duplicateWindow()))) {
                return new Outcome(Map.of("body", "comments.error.duplicate"), false, null);
            }
            List<String> flags = new ArrayList<>();
            switch (proofOfWork.check(form.proof())) {
                case SOLVED -> { }
                case MISSING -> flags.add(NO_PROOF_OF_WORK);
                case INVALID -> flags.add(INVALID_PROOF_OF_WORK);
            }
            CommentState state = properties.moderation() == CommentsProperties.Moderation.POST && flags.isEmpty()
                    ? CommentState.APPROVED : CommentState.PENDING;
            store.insert(new CommentStore.NewComment(article.id(), title, body, signature, address, language, state,
                    flags, fingerprint, now));
            if (state == CommentState.APPROVED) {
                store.touchThreads(List.of(article.id()));
            }
            return new Outcome(Map.of(), false, state);
        });
    }

    /** Applies an editor's decision to comments; returns how many there were. */
    @Transactional
    public int moderate(Collection<Long> ids, ModerationAction action, CurrentUser editor) {
        List<Long> distinct = ids.stream().distinct().toList();
        List<Long> touched = store.setState(distinct, action.result(), editor.displayName(), clock.instant());
        if (action == ModerationAction.APPROVE) {
            store.clearReports(distinct);
            notifyAuthors(distinct);
        }
        store.touchThreads(touched);
        return touched.isEmpty() ? 0 : distinct.size();
    }

    /** Edits a comment (to take out personal data, say); errors as field → message key. */
    @Transactional
    public Map<String, String> edit(long id, String title, String body, String signature) {
        Comment comment = store.byId(id).orElseThrow(() -> new CommentNotFound(id));
        String t = PlainText.oneLine(title);
        String b = PlainText.multiLine(body);
        String s = PlainText.oneLine(signature);
        Map<String, String> errors = validate(t, b, s);
        if (errors.isEmpty()) {
            store.edit(id, t, b, s, clock.instant());
            store.touchThreads(List.of(comment.articleId()));
        }
        return errors;
    }

    /** The editorial team's reply under a comment; an empty text removes it. Errors as field → message key. */
    @Transactional
    public Map<String, String> reply(long id, String text, CurrentUser editor) {
        Comment comment = store.byId(id).orElseThrow(() -> new CommentNotFound(id));
        String reply = PlainText.multiLine(text);
        if (PlainText.length(reply) > properties.bodyMaxLength()) {
            return Map.of("reply", "comments.error.replyTooLong");
        }
        store.reply(id, reply.isEmpty() ? null : reply, editor.displayName(), clock.instant());
        store.touchThreads(List.of(comment.articleId()));
        return Map.of();
    }

    /**
     * A visitor reports a public comment; one report per client address counts. After enough reports
     * the comment is hidden until an editor decides. False when there is no such public comment.
     */
    @Transactional
    public boolean report(long id, String clientAddress) {
        Optional<Comment> comment = store.byId(id).filter(c -> c.state() == CommentState.APPROVED);
        if (comment.isEmpty()) {
            return false;
        }
        int reports = store.report(id, secret.hash(clientAddress), clock.instant());
        if (reports >= properties.reportsToHide()) {
            store.setState(List.of(id), CommentState.HIDDEN, "", clock.instant());
            store.touchThreads(List.of(comment.get().articleId()));
        }
        return true;
    }

    public List<BannedPhrase> bannedPhrases() {
        return store.bannedPhrases();
    }

    /** Adds a phrase; the error's message key, or empty when added (or there already). */
    @Transactional
    public Optional<String> banPhrase(String phrase, CurrentUser editor) {
        String p = PlainText.oneLine(phrase);
        if (p.isEmpty()) {
            return Optional.of("comments.banned.required");
        }
        if (PlainText.length(p) > MAX_PHRASE) {
            return Optional.of("comments.banned.tooLong");
        }
        store.addBannedPhrase(p, editor.displayName(), clock.instant());
        return Optional.empty();
    }

    @Transactional
    public boolean removeBannedPhrase(long id) {
        return store.removeBannedPhrase(id);
    }

    private Map<String, String> validate(String title, String body, String signature) {
        Map<String, String> errors = new LinkedHashMap<>();
        check(errors, "title", title, properties.titleMaxLength());
        check(errors, "body", body, properties.bodyMaxLength());
        check(errors, "signature", signature, properties.signatureMaxLength());
        return errors;
    }

    private static void check(Map<String, String> errors, String field, String value, int max) {
        if (value.isEmpty()) {
            errors.put(field, "comments.error." + field + ".required");
        } else if (PlainText.length(value) > max) {
            errors.put(field, "comments.error." + field + ".tooLong");
        }
    }

    /** The field holding a banned phrase, if any. */
    private Optional<String> bannedIn(String title, String body, String signature) {
        List<BannedPhrase> phrases = store.bannedPhrases();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", PlainText.comparable(title));
        fields.put("body", PlainText.comparable(body));
        fields.put("signature", PlainText.comparable(signature));
        for (var field : fields.entrySet()) {
            for (BannedPhrase phrase : phrases) {
                if (field.getValue().contains(PlainText.comparable(phrase.phrase()))) {
                    return Optional.of(field.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private RateLimiter.Limit limit() {
        return new RateLimiter.Limit("comment", properties.perAddressLimit(), properties.perAddressPeriod());
    }

    private void notifyAuthors(List<Long> ids) {
        List<CommentStore.Notice> notices = store.takeNotices(ids);
        if (notices.isEmpty()) {
            return;
        }
        Map<Long, ArticleReference> published = articles.findByIds(notices.stream().map(CommentStore.Notice::articleId).toList());
        for (CommentStore.Notice notice : notices) {
            ArticleReference article = published.get(notice.articleId());
            if (article != null) {
                mailer.send(notice.email(), Language.fromCode(notice.language()).locale(), "comments/mail/published",
                        Map.of("title", notice.title(), "articleTitle", article.title(),
                                "path", article.path() + "#komentarz-" + notice.id()));
            }
        }
    }

    /** No comment with this id (answered with 404). */
    public static class CommentNotFound extends RuntimeException {

        public CommentNotFound(long id) {
            super("No comment " + id);
        }
    }
}
