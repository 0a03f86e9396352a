package pl.koordes.accounts.web.admin;

import java.util.Locale;
import pl.koordes.shared.i18n.Messages;

/** The name of an audit action in the reader's language where one is known ({@code admin.audit.action.<CODE>}), else its code. */
public final class ActionLabels {

    static final String PREFIX = "admin.audit.action.";

    private final Messages messages;
    private final Locale locale;

    ActionLabels(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String of(String action) {
        String key = PREFIX + action;
        return messages.has(locale, key) ? messages.get(locale, key) : action;
    }
}
