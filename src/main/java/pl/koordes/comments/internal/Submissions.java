package pl.koordes.comments.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.comments.CommentAwaitingModeration;
import pl.koordes.comments.CommentPublished;
import pl.koordes.comments.CommentState;
import pl.koordes.shared.database.GroupCommit;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.web.RateLimiter;

/**
 * Group commit of visitors' comments ({@link GroupCommit}, one queue per node): the checks that need the database
 * (the per-address limit, duplicates, the proof of work's single use) and the insert into the moderation queue, for
 * every submission that arrived while the previous group was being written, in one transaction of a few statements
 * whatever the group's size. Each submission is decided exactly as alone: its address's token first (a refused one
 * uses none), then its content against what is stored and what was decided before it in the group, then its
 * solution's single use.
 */
@Component
class Submissions {

    /** A submission whose fields, links, banned phrases and proof-of-work signature were checked already. */
    record Pending(CommentStore.NewComment comment, ProofOfWork.Checked proof, String clientAddress) {}

    /** One queue and one turn per node: the submissions of every article are written together. */
    private static final String NODE = "comments";

    private final ReentrantLock turn = new ReentrantLock();
    private final GroupCommit<String, Pending, Object> groups;
    private final RateLimiter limiter;
    private final SubmissionStore store;
    private final ProofOfWork proofOfWork;
    private final CommentThreads threads;
    private final CommentsProperties properties;
    private final ApplicationEventPublisher events;

    Submissions(
            RateLimiter limiter,
            SubmissionStore store,
            ProofOfWork proofOfWork,
            CommentThreads threads,
            CommentsProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.limiter = limiter;
        this.store = store;
        this.proofOfWork = proofOfWork;
        this.threads = threads;
        this.properties = properties;
        this.events = events;
        this.groups = new GroupCommit<>(
                node -> turn, new TransactionTemplate(transactionManager), (node, group) -> decide(group));
    }

    /** Writes the submission with its group; returns the state it is kept in or throws its {@link Refused}. */
    CommentState submit(Pending pending) {
        Object answer = groups.submit(NODE, pending);
        if (answer instanceof Refused refused) {
            throw refused;
        }
        return (CommentState) answer;
    }

    /** Decides and stores a group in the caller's transaction: per submission its state or its {@link Refused}. */
    private List<Object> decide(List<Pending> group) {
        Object[] answers = new Object[group.size()];
        // 1. The per-address limit: one token per submission, the first ones of each address first, taken in this
        // transaction (the shared limiter's buckets: counted across nodes, nothing counted if the group rolls back).
        Map<String, Integer> wanted = new LinkedHashMap<>();
        group.forEach(p -> wanted.merge(p.clientAddress(), 1, Integer::sum));
        Map<String, Integer> left = new HashMap<>(limiter.take(limit(), wanted));
        for (int i = 0; i < group.size(); i++) {
            if (left.merge(group.get(i).clientAddress(), -1, Integer::sum) < 0) {
                answers[i] = Refused.because(CommentManagement.TOO_MANY);
            }
        }
        // 2. Duplicates, under the contents' locks: of what is stored, and of what came before in this group.
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < group.size(); i++) {
            if (answers[i] == null) {
                fingerprints.add(group.get(i).comment().fingerprint());
            }
        }
        store.lockFingerprints(fingerprints);
        Set<String> taken = new HashSet<>(store.duplicates(
                fingerprints, group.getFirst().comment().createdAt().minus(properties.duplicateWindow())));
        for (int i = 0; i < group.size(); i++) {
            if (answers[i] == null && !taken.add(group.get(i).comment().fingerprint())) {
                answers[i] = Refused.field("body", "comments.error.duplicate");
            }
        }
        // 3. Each solution once: a signature used earlier in this group or before is not solved.
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            String signature = group.get(i).proof().signature();
            if (answers[i] == null && signature != null && !signatures.contains(signature)) {
                signatures.add(signature);
            }
        }
        Set<String> claimed = new HashSet<>(proofOfWork.claim(signatures));
        // 4. The comments, in one statement, and what their keeping tells the others.
        List<CommentStore.NewComment> kept = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (answers[i] == null) {
                CommentStore.NewComment comment = withVerdict(group.get(i), claimed);
                answers[i] = comment.state();
                kept.add(comment);
                positions.add(i);
            }
        }
        List<Long> ids = store.insertAll(kept);
        Set<CommentStore.Key> published = new HashSet<>();
        for (int k = 0; k < kept.size(); k++) {
            CommentStore.NewComment c = kept.get(k);
            if (c.state() == CommentState.APPROVED) {
                published.add(new CommentStore.Key(c.subject(), c.articleId()));
                events.publishEvent(new CommentPublished(ids.get(k), c.articleId()));
            } else {
                events.publishEvent(new CommentAwaitingModeration(ids.get(k), c.articleId()));
            }
        }
        if (!published.isEmpty()) {
            threads.touchSubjects(published);
        }
        return List.of(answers);
    }

    /** The per-address limit ({@code koordes.comments.per-address-limit} per {@code per-address-period}). */
    private RateLimiter.Limit limit() {
        return new RateLimiter.Limit("comment", properties.perAddressLimit(), properties.perAddressPeriod());
    }

    /** The comment as kept: flagged when its solution is missing, wrong or used, published at once only if not. */
    private CommentStore.NewComment withVerdict(Pending pending, Set<String> claimed) {
        @Nullable String signature = pending.proof().signature();
        ProofOfWork.Verdict verdict = pending.proof().verdict();
        if (verdict == ProofOfWork.Verdict.SOLVED && (signature == null || !claimed.remove(signature))) {
            verdict = ProofOfWork.Verdict.INVALID;
        }
        List<String> flags = switch (verdict) {
            case SOLVED -> List.of();
            case MISSING -> List.of(CommentManagement.NO_PROOF_OF_WORK);
            case INVALID -> List.of(CommentManagement.INVALID_PROOF_OF_WORK);
        };
        CommentState state = properties.moderation() == CommentsProperties.Moderation.POST && flags.isEmpty()
                ? CommentState.APPROVED
                : CommentState.PENDING;
        CommentStore.NewComment c = pending.comment();
        return new CommentStore.NewComment(
                c.subject(),
                c.articleId(),
                c.title(),
                c.body(),
                c.signature(),
                c.email(),
                c.language(),
                state,
                flags,
                c.fingerprint(),
                c.createdAt());
    }
}
