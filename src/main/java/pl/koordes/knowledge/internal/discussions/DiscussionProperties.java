package pl.koordes.knowledge.internal.discussions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the discussion spaces.
 *
 * @param editMinutes how long after posting its author may still change a post
 */
@ConfigurationProperties("koordes.discussions")
public record DiscussionProperties(@DefaultValue("15") int editMinutes) {

    public DiscussionProperties {
        editMinutes = Math.clamp(editMinutes, 0, 24 * 60);
    }
}
