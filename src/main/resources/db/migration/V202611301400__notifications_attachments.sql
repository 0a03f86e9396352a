-- The names of a message's attachments, one a line, or null when it has none. The mailbox shows the
-- names only: the files themselves stay out of the table (the event's .ics is on the site anyway).
alter table notifications_dev_mailbox add column attachments text;
