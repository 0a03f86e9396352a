package pl.koordes.knowledge.internal.discussions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.notice.NoticeAccess;

/**
 * Answers the notifications module, when it sends a daily digest, whether a person may still read the discussion
 * space a notice is about ({@code discussion-space:<id>}): one who lost the role or the membership meanwhile does
 * not get the post in the digest, and a space that is gone is nobody's.
 */
@Component
class DiscussionNoticeAccess implements NoticeAccess {

    static final String PREFIX = "discussion-space";

    private final SpaceStore spaces;

    DiscussionNoticeAccess(SpaceStore spaces) {
        this.spaces = spaces;
    }

    static String scope(Space space) {
        return PREFIX + ":" + space.id();
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean allowed(long accountId, String id) {
        long spaceId;
        try {
            spaceId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return false;
        }
        return spaces.byId(spaceId).map(space -> spaces.reads(space, accountId)).orElse(false);
    }
}
