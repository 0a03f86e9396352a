package pl.koordes.directory.web.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the directory's administration pages.
 *
 * @param pageSize institutions per page of the administration list
 */
@ConfigurationProperties("koordes.directory.admin")
public record DirectoryAdminProperties(@DefaultValue("25") int pageSize) {

    public DirectoryAdminProperties {
        pageSize = Math.clamp(pageSize, 1, 500);
    }
}
