package pl.koordes.directory;

import org.jspecify.annotations.Nullable;

/**
 * An institution of the directory by name, as other modules name an author or a source.
 *
 * @param regionId its region, or null for a national one
 */
public record InstitutionName(
        long id, String name, @Nullable Long regionId) {}
