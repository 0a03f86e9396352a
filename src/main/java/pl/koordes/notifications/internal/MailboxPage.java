package pl.koordes.notifications.internal;

import java.util.List;

/**
 * One page of the development mailbox, newest first.
 *
 * @param messages the messages on this page (bodies left empty: the list does not show them)
 * @param number this page's number, from 1
 * @param pages how many pages there are (at least 1)
 * @param total how many messages the mailbox holds
 */
public record MailboxPage(List<MailboxMessage> messages, int number, int pages, long total) {

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }
}
