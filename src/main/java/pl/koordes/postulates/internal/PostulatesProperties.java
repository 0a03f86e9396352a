package pl.koordes.postulates.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of postulates.
 *
 * @param signingDays how long a submitted postulate is open for co-signing by other regions
 * @param answerDays the answer deadline the operator proposes when forwarding (the operator may change it)
 * @param pageSize postulates per page of the public list
 * @param attachmentMaxSize the largest attachment or answer document (the multipart limits must allow a
 *     little more, so a larger file is refused with a message in the form)
 */
@ConfigurationProperties("koordes.postulates")
public record PostulatesProperties(
        @DefaultValue("14") int signingDays,
        @DefaultValue("30") int answerDays,
        @DefaultValue("20") int pageSize,
        @DefaultValue("10MB") DataSize attachmentMaxSize) {}
