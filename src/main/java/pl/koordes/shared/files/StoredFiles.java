package pl.koordes.shared.files;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.web.UploadTypes;

/**
 * The one file storage: {@link #store} writes an upload already checked by the module's {@link UploadTypes}
 * (in the module's transaction, one chunk of at most 1 MiB per statement, so no request holds a whole file),
 * {@link #send} streams it back one chunk per short query, so that neither the file nor a database connection
 * is held while a client reads slowly. Modules keep the id in their own row; deleting that row releases the file
 * (a trigger of each owning table, see the migration {@code V202612010160__shared_files.sql}).
 */
@Component
public class StoredFiles {

    /** The largest chunk kept in one row. */
    public static final int CHUNK = 1024 * 1024;

    private static final String COLUMNS = "id, file_name, content_type, size_bytes, stored_at";

    private final JdbcClient jdbc;
    private final FilesProperties settings;

    StoredFiles(JdbcClient jdbc, FilesProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The largest file accepted where a module has no limit of its own ({@code koordes.files.max-size}). */
    public long maxBytes() {
        return settings.maxSize().toBytes();
    }

    /**
     * Stores the upload's bytes under the safe name, in the caller's transaction.
     *
     * @param type the accepted type {@link UploadTypes#check} found
     * @return the stored file's id, or empty when the content was not the size the upload announced (cut short
     *     or changed while read): the caller refuses it, and its refusal rolls the transaction back
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OptionalLong store(UploadTypes.Upload upload, String fileName, UploadTypes.Type type) {
        long id = jdbc.sql("""
                        insert into stored_file (file_name, content_type, size_bytes)
                        values (:name, :type, :size) returning id
                        """)
                .param("name", fileName)
                .param("type", type.mime())
                .param("size", upload.size())
                .query(Long.class)
                .single();
        long written = writeChunks(id, upload);
        return written == upload.size() ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** Stores bytes made by the application itself (demo data), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long store(byte[] content, String fileName, String contentType) {
        long id = jdbc.sql("""
                        insert into stored_file (file_name, content_type, size_bytes)
                        values (:name, :type, :size) returning id
                        """)
                .param("name", fileName)
                .param("type", contentType)
                .param("size", (long) content.length)
                .query(Long.class)
                .single();
        for (int seq = 0, from = 0; from < content.length; seq++, from += CHUNK) {
            byte[] chunk = Arrays.copyOfRange(content, from, Math.min(content.length, from + CHUNK));
            insertChunk(id, seq, chunk);
        }
        return id;
    }

    private long writeChunks(long fileId, UploadTypes.Upload upload) {
        long total = 0;
        try (InputStream in = upload.content().getInputStream()) {
            int seq = 0;
            while (true) {
                byte[] chunk = in.readNBytes(CHUNK);
                if (chunk.length == 0) {
                    break;
                }
                total += chunk.length;
                if (total > upload.size()) {
                    return total;
                }
                insertChunk(fileId, seq++, chunk);
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    private void insertChunk(long fileId, int seq, byte[] chunk) {
        jdbc.sql("insert into stored_file_chunk (file_id, seq, data) values (:file, :seq, :data)")
                .param("file", fileId)
                .param("seq", seq)
                .param("data", chunk)
                .update();
    }

    /** The stored file with this id. */
    public Optional<StoredFile> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from stored_file where id = :id")
                .param("id", id)
                .query(StoredFiles::file)
                .optional();
    }

    /**
     * Writes the file's bytes, one chunk per query.
     *
     * @throws IOException when the file was deleted during the download (the response ends short rather than
     *     pretend it is whole)
     */
    public void write(long fileId, long size, OutputStream out) throws IOException {
        int chunks = (int) ((size + CHUNK - 1) / CHUNK);
        for (int seq = 0; seq < chunks; seq++) {
            Optional<byte[]> data = jdbc.sql("select data from stored_file_chunk where file_id = :file and seq = :seq")
                    .param("file", fileId)
                    .param("seq", seq)
                    .query((rs, n) -> rs.getBytes(1))
                    .optional();
            if (data.isEmpty()) {
                throw new IOException("Stored file " + fileId + " was deleted during the download");
            }
            out.write(data.get());
        }
        out.flush();
    }

    /**
     * Sends a file: its detected type and length, Content-Disposition {@code attachment} (or {@code inline} for a
     * picture) with the RFC 5987 name, {@code nosniff} so that the browser never guesses another type, and a
     * cache rule: anyone's cache for a few minutes where the file is public, only the reader's own otherwise.
     */
    public void send(
            HttpServletResponse response,
            long fileId,
            String fileName,
            String contentType,
            long size,
            boolean publicFile)
            throws IOException {
        response.setContentType(contentType);
        response.setContentLengthLong(size);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                UploadTypes.contentDisposition(fileName, contentType.startsWith("image/")));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, publicFile ? "public, max-age=300" : "private, max-age=300");
        if (!publicFile) {
            response.setHeader(HttpHeaders.VARY, "Cookie");
        }
        write(fileId, size, response.getOutputStream());
    }

    /** Sends a stored file as {@link #send(HttpServletResponse, long, String, String, long, boolean)} does. */
    public void send(HttpServletResponse response, StoredFile file, boolean publicFile) throws IOException {
        send(response, file.id(), file.fileName(), file.contentType(), file.size(), publicFile);
    }

    private static StoredFile file(ResultSet rs, int row) throws SQLException {
        return new StoredFile(
                rs.getLong("id"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getTimestamp("stored_at").toInstant());
    }
}
