package pl.koordes.postulates.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may do what with postulates; one place for every controller and template of the module. A null
 * user is a visitor.
 *
 * <ul>
 *   <li>A region (its coordinators and committee members) drafts; drafts are seen by that region only,
 *       not even by the operator. The region's coordinator submits and withdraws.
 *   <li>Coordinators of other regions co-sign on behalf of their region while the window is open;
 *       signed-in participants, committee members and experts endorse individually.
 *   <li>The operator (editors, administrators) merges duplicates, forwards with a deadline and puts
 *       postulates on a national meeting's agenda.
 *   <li>Only people holding the central-institution role for the addressee answer, and correct answers.
 *   <li>Everything but drafts is public.
 * </ul>
 */
@Component
public class PostulatePermissions {

    /** Operators: review, merge, forward, agenda. */
    public boolean isOperator(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.EDITOR) || user.has(Role.ADMINISTRATOR));
    }

    /** Whether the visitor may see the postulate at all: public ones everyone, drafts their region. */
    public boolean canSee(@Nullable CurrentUser user, PostulateStatus status, long regionId) {
        return status.isPublic() || canDraft(user, regionId);
    }

    /** Drafting for a region and editing its drafts: its coordinators and committee members. */
    public boolean canDraft(@Nullable CurrentUser user, long regionId) {
        return user != null
                && (user.has(Role.REGIONAL_COORDINATOR, regionId) || user.has(Role.COMMITTEE_MEMBER, regionId));
    }

    /** Whether the person drafts for any region (the header's and the list's link to the region's postulates). */
    public boolean draftsForSomeRegion(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.REGIONAL_COORDINATOR) || user.has(Role.COMMITTEE_MEMBER));
    }

    /** Submitting a region's draft and withdrawing its postulate: the region's coordinator. */
    public boolean canSubmit(@Nullable CurrentUser user, long regionId) {
        return user != null && user.has(Role.REGIONAL_COORDINATOR, regionId);
    }

    /** Whether the region may still withdraw it: before a final answer, not once merged. */
    public boolean canWithdraw(@Nullable CurrentUser user, PostulateStatus status, long regionId) {
        return canSubmit(user, regionId)
                && (status == PostulateStatus.SUBMITTED
                        || status == PostulateStatus.FORWARDED
                        || status == PostulateStatus.IN_ANALYSIS);
    }

    /** Whether co-signing and endorsing are open: submitted and the window not yet closed. */
    public boolean signingOpen(PostulateStatus status, @Nullable Instant closesAt, Instant now) {
        return status == PostulateStatus.SUBMITTED && closesAt != null && now.isBefore(closesAt);
    }

    /** The regions the person may co-sign for: regions they coordinate other than the postulate's own. */
    public List<Long> cosigningRegions(@Nullable CurrentUser user, long postulateRegionId) {
        if (user == null) {
            return List.of();
        }
        return user.regionsOf(Role.REGIONAL_COORDINATOR).stream()
                .filter(region -> region != postulateRegionId)
                .sorted()
                .toList();
    }

    /** Endorsing individually: signed-in participants, committee members and experts. */
    public boolean canEndorse(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.PARTICIPANT) || user.has(Role.COMMITTEE_MEMBER) || user.has(Role.EXPERT));
    }

    /** Following a postulate (told of every change): anyone signed in. */
    public boolean canFollow(@Nullable CurrentUser user) {
        return user != null;
    }

    /** Answering (and correcting an answer): only for the institution the postulate is addressed to. */
    public boolean canAnswer(@Nullable CurrentUser user, long addresseeId) {
        return user != null && user.institutionsOf(Role.CENTRAL_INSTITUTION).contains(addresseeId);
    }

    /** Whether the person answers for some institution (the header's link to the postulates to answer). */
    public boolean answersForSomeInstitution(@Nullable CurrentUser user) {
        return user != null && !user.institutionsOf(Role.CENTRAL_INSTITUTION).isEmpty();
    }

    /**
     * Putting a postulate on a national meeting's agenda (AGENDA): the operator, for a public postulate that is
     * still on its way or answered — not a draft, a withdrawn or a merged one.
     */
    public boolean canPutOnAgenda(@Nullable CurrentUser user, PostulateStatus status) {
        return isOperator(user)
                && (status == PostulateStatus.SUBMITTED || status == PostulateStatus.FORWARDED || status.answered());
    }
}
