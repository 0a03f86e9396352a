/** The contract between modules and the audit log (kept by the accounts module). */
@NullMarked
package pl.koordes.shared.audit;

import org.jspecify.annotations.NullMarked;
