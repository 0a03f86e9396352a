package pl.koordes.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose answer to an anonymous visitor depends only on the address and the language:
 * the same bytes for everyone apart from the CSRF token of a form. {@link AnonymousPageCache} may then
 * keep the answer for a few seconds and give it to the next visitors, each with a token of their own.
 * Never put it on a handler whose page shows anything about the visitor, reads a token from the
 * address, or changes state.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicPage {}
