package pl.koordes.content;

/**
 * A change to an article that passes the form's rules but not the data's (an image that does not
 * exist, a date that is not a date); the message key says why.
 */
public class ArticleChangeRefused extends RuntimeException {

    private final String field;
    private final String messageKey;

    public ArticleChangeRefused(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
