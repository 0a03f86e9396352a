package pl.koordes.postulates.internal;

import pl.koordes.shared.web.UploadTypes;

/**
 * Which files a postulate accepts as attachments: PDF, DOC, DOCX, ODT, XLS, XLSX, ODS, PNG, JPEG. The type is
 * decided by the content and the names are made safe as {@link UploadTypes} does for every module (the old
 * binary Office formats are one container to the detector: the content proves it is one, the name's extension
 * says whether it is a document or a sheet); a file whose own name leaves nothing is called {@code zalacznik}.
 */
public final class AttachmentTypes {

    /** The accepted types of a postulate's attachments. */
    public static final UploadTypes ACCEPTED = UploadTypes.of(
            "zalacznik",
            UploadTypes.PDF,
            UploadTypes.DOC,
            UploadTypes.DOCX,
            UploadTypes.XLS,
            UploadTypes.XLSX,
            UploadTypes.ODT,
            UploadTypes.ODS,
            UploadTypes.PNG,
            UploadTypes.JPEG);

    private AttachmentTypes() {}
}
