/** The administration panel: people, their roles and the audit log. Only administrators reach it (see SecurityConfiguration). */
@NullMarked
package pl.koordes.accounts.web.admin;

import org.jspecify.annotations.NullMarked;
