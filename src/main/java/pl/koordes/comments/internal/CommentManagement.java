package pl.koordes.comments.internal;

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.comments.BannedPhrase;
import pl.koordes.comments.BannedPhrasesChanged;
import pl.koordes.comments.Comment;
import pl.koordes.comments.CommentAction;
import pl.koordes.comments.CommentEdited;
import pl.koordes.comments.CommentForm;
import pl.koordes.comments.CommentHidden;
import pl.koordes.comments.CommentModerated;
import pl.koordes.comments.CommentPublished;
import pl.koordes.comments.CommentState;
import pl.koordes.content.ArticleReference;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
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

    private final CommentStore store;
    private final CommentThreads threads;
    private final ProofOfWork proofOfWork;
    private final CommentSecret secret;
    private final RateLimiter limiter;
    private final CommentsProperties properties;
    private final Subjects subjects;
    private final Mailer mailer;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final CommentNotices commentNotices;
    private final Submissions submissions;
    private final SubmissionLookups lookups;

    CommentManagement(
            CommentStore store,
            CommentThreads threads,
            ProofOfWork proofOfWork,
            CommentSecret secret,
            RateLimiter limiter,
            CommentsProperties properties,
            Subjects subjects,
            Mailer mailer,
            Clock clock,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            CommentNotices notices,
            Submissions submissions,
            SubmissionLookups lookups) {
        this.submissions = submissions;
        this.lookups = lookups;
        this.commentNotices = notices;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.store = store;
        this.threads = threads;
        this.proofOfWork = proofOfWork;
        this.secret = secret;
        this.limiter = limiter;
        this.properties = properties;
        this.subjects = subjects;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** The message key of a refusal because the client address sent too many comments lately (answer 429). */
    public static final String TOO_MANY = "comments.error.tooMany";

    /** A comment under an article: see {@link #submit(Subject, CommentForm, String, Locale)}. */
    public CommentState submit(ArticleReference article, CommentForm form, String clientAddress, Locale locale) {
        return submit(Subjects.of(article), form, clientAddress, locale);
    }

    /**
     * Checks and stores a visitor's comment, already checked field by field ({@link CommentForm}); returns
     * the state it is kept in, or throws {@link Refused} (with {@link #TOO_MANY} when the address sent
     * too many lately). A comment caught by the honeypot looks accepted and pending to its sender.
     *
     * <p>The checks that need no database run here, in the request's thread; the per-address limit, the duplicate
     * check, the proof of work's single use and the insert run in the transaction of the group of submissions that
     * arrived together ({@link Submissions}), each decided as if alone.
     */
    public CommentState submit(Subject subject, CommentForm form, String clientAddress, Locale locale) {
        Texts texts = Texts.of(form);
        String title = texts.title();
        String body = texts.body();
        String signature = texts.signature();
        String email = CommentForm.text(form.email());
        List<Refused.Reason> reasons = validate(texts);
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        Instant now = clock.instant();
        String fingerprint = PlainText.fingerprint(body);
        String language = Language.of(locale).code();
        if (!CommentForm.text(form.website()).isEmpty()) {
            // A robot filled the field people never see: kept as spam (so its text is known again), never shown.
            transactions.executeWithoutResult(status -> store.insert(new CommentStore.NewComment(
                    subject.kind(),
                    subject.id(),
                    title,
                    body,
                    signature,
                    null,
                    language,
                    CommentState.SPAM,
                    List.of(HONEYPOT),
                    fingerprint,
                    now)));
            return CommentState.PENDING;
        }
        if (PlainText.links(title + "\n" + body + "\n" + signature) > properties.maxLinks()) {
            reasons.add(new Refused.Reason("body", "comments.error.links"));
        }
        Optional<String> banned = bannedIn(title, body, signature);
        if (banned.isPresent() && reasons.stream().noneMatch(r -> banned.get().equals(r.field()))) {
            reasons.add(new Refused.Reason(banned.get(), "comments.error.banned"));
        }
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        // The solution's hash and signature are checked here; its single use, the per-address limit, duplicates and
        // the insert are decided with the submissions sent at the same moment, in one transaction (Submissions).
        ProofOfWork.Checked proof = proofOfWork.verify(CommentForm.text(form.proof()));
        return submissions.submit(new Submissions.Pending(
                new CommentStore.NewComment(
                        subject.kind(),
                        subject.id(),
                        title,
                        body,
                        signature,
                        email.isEmpty() ? null : email,
                        language,
                        CommentState.PENDING,
                        List.of(),
                        fingerprint,
                        now),
                proof,
                clientAddress));
    }

    /** Applies an editor's decision to comments; returns how many there were. */
    @Transactional
    public int moderate(Collection<Long> ids, ModerationAction action, CurrentUser editor) {
        List<Long> distinct = ids.stream().distinct().toList();
        List<CommentStore.Changed> changed =
                store.changeState(distinct, action.result(), editor.displayName(), clock.instant());
        for (CommentStore.Changed comment : changed) {
            events.publishEvent(new CommentModerated(comment.id(), comment.articleId(), action, comment.before()));
            if (action == ModerationAction.APPROVE && comment.before() != CommentState.APPROVED) {
                events.publishEvent(new CommentPublished(comment.id(), comment.articleId()));
            }
        }
        if (action == ModerationAction.APPROVE) {
            store.settleReports(distinct);
            notifyAuthors(distinct);
        }
        threads.touchSubjects(
                changed.stream().map(CommentStore.Changed::key).distinct().toList());
        return changed.isEmpty() ? 0 : distinct.size();
    }

    /**
     * Edits a comment (to take out personal data, say): only the form's title, content and signature are
     * read. Throws {@link Refused} beyond the settings' limits.
     */
    @Transactional
    public void edit(long id, CommentForm form) {
        Comment comment = store.byId(id).orElseThrow(() -> new NotFound("comment", id));
        Texts texts = Texts.of(form);
        List<Refused.Reason> reasons = validate(texts);
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        store.edit(id, texts.title(), texts.body(), texts.signature(), clock.instant());
        threads.touchSubjects(List.of(new CommentStore.Key(comment.subject(), comment.articleId())));
        events.publishEvent(new CommentEdited(id, comment.articleId(), CommentAction.COMMENT_EDITED));
    }

    /** The editorial team's reply under a comment; an empty text removes it. Throws {@link Refused} when too long. */
    @Transactional
    public void reply(long id, ReplyForm form, CurrentUser editor) {
        Comment comment = store.byId(id).orElseThrow(() -> new NotFound("comment", id));
        String reply = PlainText.multiLine(form.text());
        if (PlainText.length(reply) > properties.bodyMaxLength()) {
            throw Refused.field("reply", "comments.error.replyTooLong");
        }
        store.reply(id, reply.isEmpty() ? null : reply, editor.displayName(), clock.instant());
        threads.touchSubjects(List.of(new CommentStore.Key(comment.subject(), comment.articleId())));
        events.publishEvent(new CommentEdited(id, comment.articleId(), CommentAction.COMMENT_REPLIED));
    }

    /** The message key of a refusal because the client address sent too many reports lately (answer 429). */
    public static final String TOO_MANY_REPORTS = "comments.reportPage.tooMany";

    /**
     * Someone reports a public comment. Reporting is open to everybody, but a report counts once per reporter
     * and comment (a visitor by client address, a signed-in person by account, settled reports included) and
     * only reports by signed-in accounts hide a comment: once {@code reportsToHide} of them are unsettled, the
     * comment is hidden until an editor decides. A visitor's report leaves the comment public and brings it to
     * the editors' queue (filter "reported", with the count). Approving a comment settles its reports, so it is
     * hidden again only by as many new reports of signed-in accounts.
     *
     * <p>Throws {@link Refused} ({@link #TOO_MANY_REPORTS}) when the client address sent too many reports lately,
     * counting nothing; {@link NotFound} when there is no such public comment. Not one transaction: the shared rate
     * limiter keeps its buckets through connections of its own, so it is consulted before this method takes a
     * connection for the write (holding one while waiting for another could exhaust the pool).
     *
     * @param accountId the signed-in reporter's account, or null for a visitor without one
     */
    public void report(long id, String clientAddress, @Nullable Long accountId) {
        if (!limiter.tryConsume(reportLimit(), clientAddress)) {
            throw Refused.because(TOO_MANY_REPORTS);
        }
        boolean signedIn = accountId != null;
        String reporter = secret.hash(signedIn ? "account:" + accountId : clientAddress);
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            Comment comment = store.byId(id)
                    .filter(c -> c.state() == CommentState.APPROVED)
                    .orElseThrow(() -> new NotFound("comment", id));
            Optional<CommentStore.Reports> counted = store.report(id, reporter, signedIn, now);
            if (counted.isPresent() && signedIn && counted.get().signedIn() >= properties.reportsToHide()) {
                store.hide(id, now).ifPresent(subject -> {
                    threads.touchSubjects(List.of(subject));
                    events.publishEvent(new CommentHidden(
                            id, comment.articleId(), counted.get().signedIn()));
                });
            }
        });
    }

    public List<BannedPhrase> bannedPhrases() {
        return store.bannedPhrases();
    }

    /** Adds a phrase (nothing happens when it is there already). */
    @Transactional
    public void banPhrase(BannedPhraseForm form, CurrentUser editor) {
        String p = PlainText.oneLine(form.phrase() == null ? "" : form.phrase());
        if (p.isEmpty()) {
            throw Refused.field("phrase", "comments.banned.required");
        }
        store.addBannedPhrase(p, editor.displayName(), clock.instant())
                .ifPresent(
                        id -> events.publishEvent(new BannedPhrasesChanged(CommentAction.BANNED_PHRASE_ADDED, id, p)));
    }

    /** Takes a phrase off the list; {@link NotFound} when there is none with this id. */
    @Transactional
    public void removeBannedPhrase(long id) {
        String phrase = store.removeBannedPhrase(id).orElseThrow(() -> new NotFound("banned phrase", id));
        events.publishEvent(new BannedPhrasesChanged(CommentAction.BANNED_PHRASE_REMOVED, id, phrase));
    }

    /** A comment's texts as they are kept: line breaks folded in the title and signature, invisible characters out. */
    private record Texts(String title, String body, String signature) {

        static Texts of(CommentForm form) {
            return new Texts(
                    PlainText.oneLine(CommentForm.text(form.title())),
                    PlainText.multiLine(CommentForm.text(form.body())),
                    PlainText.oneLine(CommentForm.text(form.signature())));
        }
    }

    /** The settings' limits (the form's annotations allow the most any setting may); the list is open for more reasons. */
    private List<Refused.Reason> validate(Texts texts) {
        List<Refused.Reason> reasons = new ArrayList<>();
        check(reasons, "title", texts.title(), properties.titleMaxLength());
        check(reasons, "body", texts.body(), properties.bodyMaxLength());
        check(reasons, "signature", texts.signature(), properties.signatureMaxLength());
        return reasons;
    }

    private static void check(List<Refused.Reason> reasons, String field, String value, int max) {
        // Empty after folding white space and dropping invisible characters, though the form had something.
        if (value.isEmpty()) {
            reasons.add(new Refused.Reason(field, "comments.error." + field + ".required"));
        } else if (PlainText.length(value) > max) {
            reasons.add(new Refused.Reason(field, "comments.error." + field + ".tooLong"));
        }
    }

    /** The field holding a banned phrase, if any. */
    private Optional<String> bannedIn(String title, String body, String signature) {
        List<SubmissionLookups.Phrase> phrases = lookups.bannedPhrases();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", PlainText.comparable(title));
        fields.put("body", PlainText.comparable(body));
        fields.put("signature", PlainText.comparable(signature));
        for (var field : fields.entrySet()) {
            for (SubmissionLookups.Phrase phrase : phrases) {
                if (field.getValue().contains(phrase.comparable())) {
                    return Optional.of(field.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private RateLimiter.Limit reportLimit() {
        return new RateLimiter.Limit(
                "comment-report", properties.reportsPerAddressLimit(), properties.reportsPerAddressPeriod());
    }

    private void notifyAuthors(List<Long> ids) {
        List<CommentStore.Notice> notices = store.takeNotices(ids);
        if (notices.isEmpty()) {
            return;
        }
        Map<CommentStore.Key, Subject> published = subjects.findAll(notices.stream()
                .map(n -> new CommentStore.Key(n.subject(), n.articleId()))
                .toList());
        for (CommentStore.Notice notice : notices) {
            Subject article = published.get(new CommentStore.Key(notice.subject(), notice.articleId()));
            if (article != null) {
                String path = article.path() + "#komentarz-" + notice.id();
                commentNotices.published(notice.email(), notice.language(), notice.title(), article.title(), path);
                mailer.send(
                        notice.email(),
                        Language.fromCode(notice.language()).locale(),
                        "comments/mail/published",
                        Map.of(
                                "title",
                                notice.title(),
                                "articleTitle",
                                article.title(),
                                "path",
                                path,
                                "textKey",
                                article.isPostulate() ? "comments.mail.textPostulate" : "comments.mail.text"));
            }
        }
    }
}
