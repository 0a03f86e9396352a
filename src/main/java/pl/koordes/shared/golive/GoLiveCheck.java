package pl.koordes.shared.golive;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one module checks before the site is launched: each item says what must be true, whether it is,
 * what stands now and what to do. The administrators' checklist ({@code /admin/gotowosc}) calls every
 * bean of this type on each visit, so a fixed item shows as done at once; a bean reads its settings or a
 * few rows, never anything slow.
 */
public interface GoLiveCheck {

    /** This module's items, read now. */
    List<Item> items();

    /**
     * One thing to settle before launch.
     *
     * @param order position on the checklist, smaller first
     * @param titleKey message: what must be true ("Adres publiczny jest ustawiony")
     * @param done whether it is
     * @param stateKey message: what stands now, formatted with {@code stateArguments}
     * @param stateArguments values for {@code stateKey} (addresses as text, counts as numbers for plural forms)
     * @param adviceKey message: what to do, shown while the item is not done
     * @param findings the particular things left (a placeholder on a page, an account without a second factor)
     */
    record Item(
            int order,
            String titleKey,
            boolean done,
            String stateKey,
            List<Object> stateArguments,
            String adviceKey,
            List<Finding> findings) {

        public Item {
            stateArguments = List.copyOf(stateArguments);
            findings = List.copyOf(findings);
        }

        /** An item without findings. */
        public static Item of(
                int order, String titleKey, boolean done, String stateKey, String adviceKey, Object... arguments) {
            return new Item(order, titleKey, done, stateKey, List.of(arguments), adviceKey, List.of());
        }
    }

    /**
     * A particular thing left to do: its text as stored (in {@code lang} when that is not the page's
     * language), and where it is fixed.
     */
    record Finding(
            String text, @Nullable String lang, @Nullable String href) {}
}
