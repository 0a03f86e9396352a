package pl.koordes.notifications.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/** A person's notification preferences: in "Pobierz moje dane" once they chose any, deleted with the account. */
@Component
class PreferencesPersonalData implements PersonalData {

    private final Preferences preferences;

    PreferencesPersonalData(Preferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public String section() {
        return "notificationPreferences";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null || !preferences.stored(account)) {
            return List.of();
        }
        return List.of(preferences.settings(account).snapshot());
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account != null) {
            preferences.deleteAll(account);
        }
    }
}
