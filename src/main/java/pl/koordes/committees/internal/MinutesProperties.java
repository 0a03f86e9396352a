package pl.koordes.committees.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the minutes (other settings of the committees module bind the same prefix in records of their own).
 *
 * @param remarksDays how many days the members have for remarks when the secretary does not choose the day
 */
@ConfigurationProperties("koordes.committees")
public record MinutesProperties(@DefaultValue("7") int remarksDays) {

    public MinutesProperties {
        remarksDays = Math.clamp(remarksDays, 1, 60);
    }
}
