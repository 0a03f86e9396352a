-- One row per message handed to the mail server: a delivery run again (after a crash, or by a node that took
-- a publication it thought stale) finds the message sent, or being sent by another node, and sends nothing.
CREATE TABLE notifications_mail_delivery
(
    mail_id       UUID                     NOT NULL PRIMARY KEY,
    claimed_until TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX notifications_mail_delivery_by_claim ON notifications_mail_delivery (claimed_until);
