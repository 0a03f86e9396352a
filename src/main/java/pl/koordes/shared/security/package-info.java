/**
 * Who is acting: roles with their optional region, the signed-in person, and the way controllers of
 * every module receive it. The rules of who may do what live in each module's permissions bean.
 */
@NullMarked
package pl.koordes.shared.security;

import org.jspecify.annotations.NullMarked;
