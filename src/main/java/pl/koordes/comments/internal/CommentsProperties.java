package pl.koordes.comments.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of public comments: limits of the form, moderation mode, spam defence and pages.
 *
 * @param moderation PRE: every comment waits for an editor; POST: a comment that passes every check
 *        (proof of work included) is public at once and editors review it afterwards
 * @param titleMaxLength longest title, in characters
 * @param bodyMaxLength longest content, in characters
 * @param signatureMaxLength longest signature, in characters
 * @param maxLinks most web addresses one comment may contain
 * @param pageSize comments per page under an article
 * @param queuePageSize comments per page of the moderation queue
 * @param reportsToHide reports by different signed-in accounts after which a public comment is hidden until an
 *        editor decides; reports by visitors without an account never hide a comment, they bring it to the
 *        editors' queue
 * @param reportsPerAddressLimit reports one client address may send within {@code reportsPerAddressPeriod}
 * @param reportsPerAddressPeriod see {@code reportsPerAddressLimit}
 * @param perAddressLimit comments one client address may send within {@code perAddressPeriod}
 * @param perAddressPeriod see {@code perAddressLimit}
 * @param duplicateWindow how long the same content counts as a duplicate
 * @param proofOfWorkMaxNumber difficulty: the browser tries on average half this many hashes
 * @param proofOfWorkValidity how long a challenge in the form can be solved and sent
 * @param secret key signing challenges and hashing reporters' addresses; empty: a random key per start
 *        (then challenges of pages shown before a restart, or by another node, go to moderation)
 */
@ConfigurationProperties("koordes.comments")
public record CommentsProperties(
        Moderation moderation,
        int titleMaxLength,
        int bodyMaxLength,
        int signatureMaxLength,
        int maxLinks,
        int pageSize,
        int queuePageSize,
        int reportsToHide,
        int reportsPerAddressLimit,
        Duration reportsPerAddressPeriod,
        int perAddressLimit,
        Duration perAddressPeriod,
        Duration duplicateWindow,
        long proofOfWorkMaxNumber,
        Duration proofOfWorkValidity,
        String secret) {

    /** When a comment becomes public. */
    public enum Moderation {
        PRE,
        POST
    }
}
