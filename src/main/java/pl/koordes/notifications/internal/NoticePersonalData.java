package pl.koordes.notifications.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/** A person's in-application notices: listed in "Pobierz moje dane", deleted with the account. */
@Component
class NoticePersonalData implements PersonalData {

    private final Notices notices;

    NoticePersonalData(Notices notices) {
        this.notices = notices;
    }

    @Override
    public String section() {
        return "notices";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return List.of();
        }
        return notices.all(account).stream()
                .map(notice -> {
                    var row = PersonalData.row();
                    row.put("createdAt", notice.createdAt().toString());
                    row.put("text", notice.text());
                    row.put("link", notice.link());
                    row.put(
                            "readAt",
                            notice.readAt() == null ? "" : notice.readAt().toString());
                    return row;
                })
                .toList();
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account != null) {
            notices.deleteAll(account);
        }
    }
}
