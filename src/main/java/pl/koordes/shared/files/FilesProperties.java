package pl.koordes.shared.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the shared file storage.
 *
 * @param maxSize the largest file a module that has no limit of its own accepts (the library's documents); the
 *     multipart limits ({@code spring.servlet.multipart.*}) must allow a little more, so that a file just over it
 *     is refused with a message beside the field rather than by the server
 */
@ConfigurationProperties("koordes.files")
public record FilesProperties(@DefaultValue("20MB") DataSize maxSize) {}
