package pl.koordes.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The page that asks before a destructive action (cancel an event, remove a participant, delete an
 * article…): the GET of the action's own address shows it ({@code shared/confirm.jte}), saying in concrete
 * terms what will happen, with a dangerous-styled button that posts the action with {@link #FIELD} set and
 * a link back. The action's POST refuses to act without that field and redirects here instead
 * ({@link #given}), so a forged or stale one-click form destroys nothing.
 */
public final class Confirmation {

    /** The form field only the confirmation page's button sends. */
    public static final String FIELD = "potwierdzenie";

    /** Its value. */
    public static final String VALUE = "tak";

    /** A message key and its arguments, translated by the page. */
    public record Text(String key, List<Object> arguments) {

        /** The arguments as {@code Page.t} takes them. */
        public Object[] args() {
            return arguments.toArray();
        }
    }

    private final Text title;
    private final @Nullable String subject;
    private final List<Text> consequences;
    private final String action;
    private final Map<String, String> fields;
    private final Text button;
    private final String back;
    private final @Nullable Text refusal;

    private Confirmation(
            Text title,
            @Nullable String subject,
            List<Text> consequences,
            String action,
            Map<String, String> fields,
            Text button,
            String back,
            @Nullable Text refusal) {
        this.title = title;
        this.subject = subject;
        this.consequences = List.copyOf(consequences);
        this.action = action;
        this.fields = Map.copyOf(fields);
        this.button = button;
        this.back = back;
        this.refusal = refusal;
    }

    /**
     * A confirmation of the action posted to {@code action} (its own address), titled by {@code titleKey};
     * {@code back} is where "Anuluj" leads.
     */
    public static Confirmation of(String action, String back, String titleKey, String buttonKey) {
        return new Confirmation(
                new Text(titleKey, List.of()),
                null,
                List.of(),
                action,
                Map.of(),
                new Text(buttonKey, List.of()),
                back,
                null);
    }

    /** The name of what is destroyed (an event's or an article's title), shown as typed. */
    public Confirmation subject(String name) {
        return new Confirmation(title, name, consequences, action, fields, button, back, refusal);
    }

    /** One thing that will happen, in concrete terms ("3 osoby dostaną wiadomość"). */
    public Confirmation consequence(String key, Object... args) {
        List<Text> more = new ArrayList<>(consequences);
        more.add(new Text(key, List.of(args)));
        return new Confirmation(title, subject, more, action, fields, button, back, refusal);
    }

    /** A hidden field the action needs besides the confirmation (the status to set). */
    public Confirmation field(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new Confirmation(title, subject, consequences, action, more, button, back, refusal);
    }

    /** The action cannot be done: the page says why, and offers only the way back. */
    public Confirmation refused(String key, Object... args) {
        return new Confirmation(
                title, subject, consequences, action, fields, button, back, new Text(key, List.of(args)));
    }

    /** Whether the POST carries the confirmation page's field. */
    public static boolean given(@Nullable String value) {
        return VALUE.equals(value);
    }

    public Text title() {
        return title;
    }

    public @Nullable String subject() {
        return subject;
    }

    public List<Text> consequences() {
        return consequences;
    }

    public String action() {
        return action;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Text button() {
        return button;
    }

    public String back() {
        return back;
    }

    public @Nullable Text refusal() {
        return refusal;
    }
}
