package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.security.Cookies;

/**
 * Chooses the interface language: {@code ?lang=} on the request (remembered in a cookie), then the
 * cookie, then Polish. The browser's Accept-Language is not consulted: the platform is Polish first.
 */
public class LanguageResolver implements LocaleResolver, HandlerInterceptor {

    static final String PARAMETER = "lang";
    static final String COOKIE = "koordes_lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolve(request).locale();
    }

    static Language resolve(HttpServletRequest request) {
        String parameter = request.getParameter(PARAMETER);
        if (parameter != null) {
            return Language.fromCode(parameter);
        }
        return fromCookie(request);
    }

    /** The language remembered in the cookie, Polish without one; reads no request parameter. */
    static Language fromCookie(HttpServletRequest request) {
        String value = Cookies.value(request, COOKIE);
        return value == null ? Language.PL : Language.fromCode(value);
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (response == null) {
            return;
        }
        Language language = Language.of(locale);
        ResponseCookie cookie = Cookies.cookie(request, COOKIE, language.code())
                .maxAge(Duration.ofDays(365))
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getParameter(PARAMETER) != null) {
            setLocale(request, response, resolveLocale(request));
        }
        return true;
    }
}
