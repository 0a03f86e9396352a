package pl.koordes.directory.web;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.internal.CommitteeMember;
import pl.koordes.directory.internal.MembershipEndForm;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;

/**
 * A membership end that came back for correction, on a page where every current member's row has its
 * own end form: the error shows beside that row's field ({@code end-<id>}), with the day as typed;
 * every other row shows today.
 */
public record MembershipEnding(long memberId, String typed, FormErrors errors) {

    public static final MembershipEnding NONE = new MembershipEnding(-1, "", FormErrors.none());

    /** The errors of one member's end form (bound or refused), moved beside that member's field. */
    public static MembershipEnding of(long memberId, MembershipEndForm form, FormErrors errors) {
        String key = errors.key("end") != null
                ? errors.key("end")
                : errors.global().isEmpty() ? "form.invalid" : errors.global().getFirst();
        return new MembershipEnding(
                memberId,
                errors.value("end", form.end()),
                FormErrors.of(Map.of(MembershipEndForm.field(memberId), key)));
    }

    /** What the end field of a member's row shows. */
    public String value(long id, String today) {
        return id == memberId ? typed : today;
    }

    /** The address of the question before ending a membership on {@code end} (today when null). */
    public static String questionPath(String committeePath, long memberId, @Nullable LocalDate end) {
        return committeePath + "/czlonkowie/" + memberId + "/koniec" + (end == null ? "" : "?end=" + end);
    }

    /** The question itself: who stops being a member, from which day, and that the record stays. */
    public static Confirmation question(
            String committeePath, CommitteeMember member, @Nullable LocalDate end, String back) {
        Confirmation question = Confirmation.of(
                        committeePath + "/czlonkowie/" + member.id() + "/koniec",
                        back,
                        "directory.confirm.end.title",
                        "directory.admin.members.endButton")
                .subject(member.fullName())
                .field("end", end == null ? "" : end.toString());
        question = end == null
                ? question.consequence("directory.confirm.end.today")
                : question.consequence("directory.confirm.end.day", Formats.date(end));
        return question.consequence("directory.confirm.end.kept");
    }
}
