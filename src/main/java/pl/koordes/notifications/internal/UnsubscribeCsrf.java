package pl.koordes.notifications.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pl.koordes.shared.security.CsrfExemption;

/** The unsubscribe address takes POSTs without the site's CSRF token (RFC 8058 one-click). */
@Configuration(proxyBeanMethods = false)
class UnsubscribeCsrf {

    @Bean
    CsrfExemption unsubscribeCsrfExemption() {
        return new CsrfExemption(
                PreferenceMail.UNSUBSCRIBE + "*",
                "RFC 8058: the mail client posts List-Unsubscribe=One-Click without a page, so without a CSRF token;"
                        + " the signed token in the path is the proof a forged request would lack");
    }
}
