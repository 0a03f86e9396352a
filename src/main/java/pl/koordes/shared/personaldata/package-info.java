/**
 * The one extension point for personal data: each module that keeps data about a person declares it
 * here, and the accounts module's "download my data" and erasure call every declaration.
 */
@NullMarked
package pl.koordes.shared.personaldata;

import org.jspecify.annotations.NullMarked;
