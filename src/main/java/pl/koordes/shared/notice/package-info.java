/** In-application notifications as other modules request them; the notifications module keeps and shows them. */
@NullMarked
package pl.koordes.shared.notice;

import org.jspecify.annotations.NullMarked;
