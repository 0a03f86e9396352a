package pl.koordes.events.internal;

import static pl.koordes.shared.web.UploadTypes.type;

import pl.koordes.shared.web.UploadTypes;

/**
 * Which uploaded files are accepted as event materials: PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, PNG, JPEG, plain
 * text and CSV (text so named). The type is decided by the content and the names are made safe as
 * {@link UploadTypes} does for every module; a file whose own name leaves nothing is called {@code material}.
 */
public final class MaterialTypes {

    /** The accepted types of event materials. */
    public static final UploadTypes ACCEPTED = UploadTypes.of(
            "material",
            type("application/pdf", "PDF", "pdf"),
            type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", "docx"),
            type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", "xlsx"),
            type("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX", "pptx"),
            type("application/vnd.oasis.opendocument.text", "ODT", "odt"),
            type("application/vnd.oasis.opendocument.spreadsheet", "ODS", "ods"),
            type("application/vnd.oasis.opendocument.presentation", "ODP", "odp"),
            type("image/png", "PNG", "png"),
            type("image/jpeg", "JPEG", "jpg", "jpeg"),
            type("text/plain", "TXT", "txt"),
            type("text/csv", "CSV", "csv"));

    private MaterialTypes() {}
}
