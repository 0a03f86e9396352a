package pl.koordes.shared.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.i18n.Wording;

/**
 * What every page template needs from the request it answers: the language and its words, the
 * address of this page in the other language, fingerprinted asset addresses and the navigation.
 */
public final class Page {

    private final Language language;
    private final Messages messages;
    private final Wording wording;
    private final Function<String, String> assets;
    private final String path;
    private final Later<String> otherLanguageUrl;
    private final Later<List<NavigationItem>> navigation;
    private final boolean demo;
    private final Later<@Nullable SignedInPerson> person;
    private final @Nullable CsrfToken csrf;
    private final Later<List<NavigationItem>> personalLinks;
    private final Later<List<NavigationItem>> footerNavigation;

    Page(
            Language language,
            Messages messages,
            Function<String, String> assets,
            String path,
            Supplier<String> otherLanguageUrl,
            Supplier<List<NavigationItem>> navigation,
            boolean demo,
            Supplier<@Nullable SignedInPerson> person,
            @Nullable CsrfToken csrf,
            Supplier<List<NavigationItem>> personalLinks,
            Supplier<List<NavigationItem>> footerNavigation) {
        this.language = language;
        this.messages = messages;
        this.wording = new Wording(language, messages);
        this.assets = assets;
        this.path = path;
        this.otherLanguageUrl = new Later<>(otherLanguageUrl);
        this.navigation = new Later<>(navigation);
        this.demo = demo;
        this.person = new Later<>(person);
        this.csrf = csrf;
        this.personalLinks = new Later<>(personalLinks);
        this.footerNavigation = new Later<>(footerNavigation);
    }

    /**
     * A part of the page worked out when the template first asks for it, then kept: a handler that answers with a
     * redirect (every form that succeeds) never renders its page, and no longer pays for its navigation. A page
     * belongs to one request, on one thread.
     */
    private static final class Later<T extends @Nullable Object> {

        private @Nullable Supplier<T> supplier;
        private @Nullable T value;

        Later(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            Supplier<T> pending = supplier;
            if (pending != null) {
                value = pending.get();
                supplier = null;
            }
            return value;
        }
    }

    /** Links in the header for the person signed in (administration, coordination…), as their permissions allow. */
    public List<NavigationItem> personalLinks() {
        return personalLinks.get();
    }

    /** The person signed in (fully, second factor included), or null for a visitor. */
    public @Nullable SignedInPerson person() {
        return person.get();
    }

    public boolean signedIn() {
        return person.get() != null;
    }

    /** Name of the hidden form field carrying the CSRF token. */
    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    /** The CSRF token every state-changing form sends back. */
    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    /**
     * A new key for a form that creates something, for its hidden {@value OnceOnlySubmissions#PARAMETER}
     * field ({@code @template.shared.once(page = page)}): sent twice, the form creates once.
     */
    public String onceKey() {
        return OnceOnlySubmissions.newKey();
    }

    /** The message {@code key} in this page's language. */
    public String t(String key, Object... args) {
        return wording.t(key, args);
    }

    /**
     * A line of a form's error summary: the field's name, then what is wrong with it ("Imię i nazwisko:
     * to pole jest wymagane."), so that the summary read on its own, as a screen reader does, says which
     * field each error belongs to. The name is the shared label {@code field.<name>}; a field of a list
     * ({@code agenda[2].time}) takes the list's label, and a field without a label shows the message alone.
     */
    public String errorLine(String field, String key) {
        String message = t(key);
        int end = field.indexOf('[');
        String labelKey = "field." + (end < 0 ? field : field.substring(0, end));
        if (!messages.has(locale(), labelKey)) {
            return message;
        }
        String label = t(labelKey);
        // "Obecne hasło jest nieprawidłowe." names its field already.
        if (message.toLowerCase(locale()).startsWith(label.toLowerCase(locale()))) {
            return message;
        }
        return label + ": " + lowerFirst(message);
    }

    /** The message continues the sentence after the field's name; an abbreviation ("PESEL") keeps its capitals. */
    private static String lowerFirst(String message) {
        if (message.length() < 2 || Character.isUpperCase(message.charAt(1))) {
            return message;
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    public String lang() {
        return wording.lang();
    }

    public Locale locale() {
        return wording.locale();
    }

    public boolean english() {
        return language == Language.EN;
    }

    public String otherLang() {
        return language.other().code();
    }

    /** This page's address with the other language chosen, so the switch keeps the reader in place. */
    public String otherLanguageUrl() {
        return otherLanguageUrl.get();
    }

    public String path() {
        return path;
    }

    /** The fingerprinted address of a static file, cached for a year by browsers. */
    public String asset(String path) {
        return assets.apply(path);
    }

    public List<NavigationItem> navigation() {
        return navigation.get();
    }

    /** Links in the footer (pages an editor placed there), in order. */
    public List<NavigationItem> footerNavigation() {
        return footerNavigation.get();
    }

    /** Whether this item is the section the reader is in (for {@code aria-current}). */
    public boolean current(NavigationItem item) {
        String href = item.href();
        if (href.equals("/") || item.text() != null) {
            // The home page and a single page are current only at their own address.
            return path.equals(href);
        }
        return path.equals(href) || path.startsWith(href + "/");
    }

    /** The item's label: an editor's text as written, otherwise its message in this page's language. */
    public String label(NavigationItem item) {
        return item.text() != null ? item.text() : t(item.labelKey());
    }

    /** The language of the item's label when it differs from the page's (for a {@code lang} attribute), otherwise null. */
    public @Nullable String labelLang(NavigationItem item) {
        return item.lang() == null || item.lang().equals(lang()) ? null : item.lang();
    }

    /** Whether this installation runs with invented demonstration data. */
    public boolean demo() {
        return demo;
    }

    public String date(LocalDate date) {
        return Formats.date(date);
    }

    /**
     * A link in the navigation: its address and message key, or (for a link to content an editor wrote)
     * its label as text in the language {@code lang}.
     */
    public record NavigationItem(
            String href,
            String labelKey,
            @Nullable String text,
            @Nullable String lang) {

        public NavigationItem(String href, String labelKey) {
            this(href, labelKey, null, null);
        }

        /** A link labelled with text an editor wrote (a page's title) in the language with this code. */
        public static NavigationItem titled(String href, String text, String lang) {
            return new NavigationItem(href, "", text, lang);
        }
    }

    static String otherLanguageUrl(String path, String query, Language current) {
        if ((query == null || query.isBlank())
                && path.indexOf('?') < 0
                && path.indexOf('#') < 0
                && !path.contains("//")) {
            // The builder's answer for an address without a query (it folds "//"), written directly: every page asks.
            return path + "?" + LanguageResolver.PARAMETER + "="
                    + current.other().code();
        }
        return built(path, query, current);
    }

    /** The same address through {@link UriComponentsBuilder}: any query, kept, with the language replaced. */
    static String built(String path, String query, Language current) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        if (query != null && !query.isBlank()) {
            builder.query(query);
        }
        return builder.replaceQueryParam(
                        LanguageResolver.PARAMETER, current.other().code())
                .build()
                .toUriString();
    }
}
