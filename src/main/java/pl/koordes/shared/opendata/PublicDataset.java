package pl.koordes.shared.opendata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A collection of public data that a module offers through the open-data API ({@code /api/v1/<name>}).
 * The module implements it as one internal bean per collection and reads only its own tables. An item
 * holds exactly the {@link #fields()}, in their order, and only what the public page of the same thing
 * shows (a test per collection compares them). Reading a page runs a fixed number of statements,
 * whatever the page size.
 */
public interface PublicDataset {

    /** The collection's name in addresses: lower-case letters and hyphens ({@code regions}). */
    String name();

    /** The collection's title in Polish, for the catalogue and the documentation. */
    String title();

    /** One or two sentences in Polish saying what the collection holds. */
    String description();

    /** What each item holds, in order: the JSON fields and the CSV columns. The first is the item's id. */
    List<PublicField> fields();

    /** The filters this collection honours; asking another one is a 400. */
    Set<PublicFilter> filters();

    /** One page of items, in a stable order, with the total. */
    PublicRows page(PublicQuery query);

    /** The item with this id (as in the first field), when it is public. */
    Optional<Map<String, @Nullable Object>> item(String id);
}
