/**
 * The extension point of the go-live checklist: each module that has something an operator must settle
 * before launch (a placeholder left in a page, the mail server, the public address) declares it here,
 * and the administrators' checklist shows every declaration.
 */
@NullMarked
package pl.koordes.shared.golive;

import org.jspecify.annotations.NullMarked;
