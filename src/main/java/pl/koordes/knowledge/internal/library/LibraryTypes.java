package pl.koordes.knowledge.internal.library;

import pl.koordes.shared.web.UploadTypes;

/**
 * Which files the library accepts: office documents (PDF, DOC, DOCX, XLS, XLSX, PPTX, ODT, ODS, ODP), pictures
 * (PNG, JPEG), plain text and CSV, and short recordings (MP3, MP4). The type is decided by the content
 * ({@link UploadTypes}); a file whose own name leaves nothing is called {@code dokument}.
 */
public final class LibraryTypes {

    public static final UploadTypes ACCEPTED = UploadTypes.of(
            "dokument",
            UploadTypes.PDF,
            UploadTypes.DOC,
            UploadTypes.DOCX,
            UploadTypes.XLS,
            UploadTypes.XLSX,
            UploadTypes.PPTX,
            UploadTypes.ODT,
            UploadTypes.ODS,
            UploadTypes.ODP,
            UploadTypes.PNG,
            UploadTypes.JPEG,
            UploadTypes.TXT,
            UploadTypes.CSV,
            UploadTypes.type("audio/mpeg", "MP3", "mp3"),
            UploadTypes.type("video/mp4", "MP4", "mp4"));

    private LibraryTypes() {}

    /** "PDF", "DOCX"…: the short name of a stored type. */
    public static String label(String mime) {
        UploadTypes.Type type = ACCEPTED.of(mime);
        return type == null ? mime : type.label();
    }
}
