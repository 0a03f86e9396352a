package pl.koordes.postulates.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.postulates.PostulatePageSection;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.internal.AnswerQueries;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.CurrentUsers;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;

/**
 * The postulate page's answer section (order 30): the latest answer (status, text, date, institution,
 * document) and every earlier version with its date and whether it corrected the one before; for the
 * operator the actions they may take (forward, merge), for the addressee's people "Odpowiedz" or
 * "Popraw odpowiedź". One statement for the versions.
 */
@Component
class AnswerSection implements PostulatePageSection {

    private final AnswerQueries queries;
    private final PostulatePermissions permissions;
    private final Directory directory;
    private final PageFactory pages;
    private final TemplateEngine templates;

    AnswerSection(
            AnswerQueries queries,
            PostulatePermissions permissions,
            Directory directory,
            PageFactory pages,
            TemplateEngine templates) {
        this.queries = queries;
        this.permissions = permissions;
        this.directory = directory;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Content> render(PostulateReference postulate, HttpServletRequest request) {
        @Nullable CurrentUser user = CurrentUsers.current().orElse(null);
        PostulateStatus status = postulate.status();
        boolean operator = permissions.isOperator(user);
        boolean canForward = operator && status == PostulateStatus.SUBMITTED;
        boolean canMerge = operator && (status == PostulateStatus.SUBMITTED || status == PostulateStatus.FORWARDED);
        boolean addressee = permissions.canAnswer(user, postulate.addresseeId());
        boolean waiting = status.awaitsAnswer() || status.answered();
        List<AnswerQueries.Version> versions = waiting ? queries.versions(postulate.id()) : List.of();
        boolean canAnswer = addressee && status.awaitsAnswer();
        boolean canCorrect = addressee && !versions.isEmpty();
        if (versions.isEmpty() && !canForward && !canMerge && !canAnswer) {
            return Optional.empty();
        }
        Page page = pages.of(request);
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("postulate", postulate);
        model.put("versions", versions);
        model.put("canForward", canForward);
        model.put("canMerge", canMerge);
        model.put("canAnswer", canAnswer);
        model.put("canCorrect", canCorrect);
        Object notice = flash == null ? null : flash.get("notice");
        model.put("notice", notice instanceof String key && key.startsWith("postulates.answers.") ? key : null);
        CentralInstitution addresseeInstitution =
                directory.centralInstitution(postulate.addresseeId()).orElse(null);
        model.put("addressee", addresseeInstitution == null ? "—" : addresseeInstitution.name());
        return Optional.of(output -> templates.render("postulates/answers/section.jte", model, output));
    }
}
