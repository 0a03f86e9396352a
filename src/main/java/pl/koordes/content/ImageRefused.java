package pl.koordes.content;

/** An uploaded file that is not an acceptable image; the message key says why, in the reader's language. */
public class ImageRefused extends RuntimeException {

    private final String messageKey;

    public ImageRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
