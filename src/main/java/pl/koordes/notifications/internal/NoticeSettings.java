package pl.koordes.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-application notices.
 *
 * @param pageSize notices per page of {@code /powiadomienia}
 * @param retention how long a read notice is kept (unread ones stay until read)
 */
@ConfigurationProperties("koordes.notices")
public record NoticeSettings(
        @DefaultValue("20") int pageSize,
        @DefaultValue("180d") Duration retention) {}
