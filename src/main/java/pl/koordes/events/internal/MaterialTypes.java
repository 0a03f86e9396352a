package pl.koordes.events.internal;

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
            UploadTypes.PDF,
            UploadTypes.DOCX,
            UploadTypes.XLSX,
            UploadTypes.PPTX,
            UploadTypes.ODT,
            UploadTypes.ODS,
            UploadTypes.ODP,
            UploadTypes.PNG,
            UploadTypes.JPEG,
            UploadTypes.TXT,
            UploadTypes.CSV);

    private MaterialTypes() {}
}
