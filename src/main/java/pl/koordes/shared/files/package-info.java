/**
 * One storage for uploaded files, used by every module that keeps them (the events' materials, the library's
 * documents): the bytes in PostgreSQL in chunks of at most 1 MiB, the type detected from the content by the
 * module's {@link pl.koordes.shared.web.UploadTypes}, the size limited by configuration, the download streamed
 * a chunk at a time with safe headers ({@link pl.koordes.shared.files.StoredFiles#send}). A module keeps its own
 * row (title, who may read it) with the stored file's id; deleting that row releases the file.
 */
@NullMarked
package pl.koordes.shared.files;

import org.jspecify.annotations.NullMarked;
