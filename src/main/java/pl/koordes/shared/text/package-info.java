/** Typed text: the one normaliser and the constraint every text field of a form carries. */
@NullMarked
package pl.koordes.shared.text;

import org.jspecify.annotations.NullMarked;
