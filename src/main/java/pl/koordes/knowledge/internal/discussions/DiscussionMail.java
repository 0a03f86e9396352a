package pl.koordes.knowledge.internal.discussions;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.shared.text.Markdown;

/**
 * Tells people of a new post, in the transaction that saved it: the readers it mentions get a notice in the
 * application and an e-mail; the readers who follow its space or thread get an e-mail (once, even when also
 * mentioned). Only readers of the space are ever told: a mention of anyone else matches nobody, and a follower who
 * may no longer read the space is left out. Both e-mails are optional kinds (notifications off: none).
 *
 * <p>Followers with {@code delivery = 'DAILY'} are not mailed here: each gets a notice published for the daily
 * digest ({@link NoticeRequested#forDigest}), scoped to the space, so the notifications module puts it in their
 * next digest only if they may still read the space then ({@link DiscussionNoticeAccess}).
 */
@Component
class DiscussionMail {

    static final String POST = "knowledge/discussions/mail/discussionPost";
    static final String MENTION = "knowledge/discussions/mail/discussionMention";

    private static final int EXCERPT = 400;

    private final Mailer mailer;
    private final Messages messages;
    private final Markdown markdown;
    private final SpaceStore spaces;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DiscussionMail(
            Mailer mailer,
            Messages messages,
            Markdown markdown,
            SpaceStore spaces,
            ApplicationEventPublisher events,
            Clock clock) {
        this.mailer = mailer;
        this.messages = messages;
        this.markdown = markdown;
        this.spaces = spaces;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A post was added (or edited: then {@code previousBody} names those already told, and followers are not
     * told again).
     *
     * @return the accounts mentioned and told
     */
    Set<Long> posted(
            Space space,
            DiscussionThread thread,
            long postId,
            long position,
            long authorId,
            String authorName,
            String body,
            @org.jspecify.annotations.Nullable String previousBody) {
        String path = SpacePaths.post(space.slug(), thread.id(), postId, position);
        Set<Long> told = new HashSet<>();
        Set<Long> mentioned = new HashSet<>();
        if (PostMentions.possible(body)) {
            List<SpaceStore.Reader> readers = spaces.readers(space);
            Set<Long> before = new HashSet<>();
            if (previousBody != null) {
                PostMentions.of(previousBody, readers).forEach(r -> before.add(r.accountId()));
            }
            for (SpaceStore.Reader reader : PostMentions.of(body, readers)) {
                if (reader.accountId() == authorId || before.contains(reader.accountId())) {
                    continue;
                }
                Locale locale = Language.fromCode(reader.language()).locale();
                events.publishEvent(NoticeRequested.of(
                        reader.accountId(),
                        "discussion-mention",
                        messages.get(locale, "knowledge.discussions.notice.mention", authorName, thread.title()),
                        path,
                        clock.instant()));
                mailer.send(reader.email(), locale, MENTION, model(space, thread, authorName, body, path));
                told.add(reader.accountId());
                mentioned.add(reader.accountId());
            }
        }
        if (previousBody == null) {
            for (SpaceStore.Reader follower : spaces.followers(space, thread.id(), authorId, "IMMEDIATE")) {
                if (told.add(follower.accountId())) {
                    Locale locale = Language.fromCode(follower.language()).locale();
                    events.publishEvent(NoticeRequested.of(
                            follower.accountId(),
                            NotificationKind.DISCUSSION_POST,
                            messages.get(locale, "knowledge.discussions.notice.post", authorName, thread.title()),
                            path,
                            clock.instant()));
                    mailer.send(follower.email(), locale, POST, model(space, thread, authorName, body, path));
                }
            }
            for (SpaceStore.Reader follower : spaces.followers(space, thread.id(), authorId, "DAILY")) {
                if (told.add(follower.accountId())) {
                    Locale locale = Language.fromCode(follower.language()).locale();
                    events.publishEvent(NoticeRequested.forDigest(
                            follower.accountId(),
                            NotificationKind.DISCUSSION_POST,
                            messages.get(locale, "knowledge.discussions.notice.post", authorName, thread.title()),
                            path,
                            DiscussionNoticeAccess.scope(space),
                            clock.instant()));
                }
            }
        }
        return mentioned;
    }

    private Map<String, Object> model(
            Space space, DiscussionThread thread, String authorName, String body, String path) {
        String text = markdown.toPlainText(body);
        Map<String, Object> model = new HashMap<>();
        model.put("discussionsSpace", space.name());
        model.put("discussionsThread", thread.title());
        model.put("discussionsAuthor", authorName);
        model.put("discussionsExcerpt", text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
        model.put("path", path);
        return model;
    }
}
