package pl.koordes.postulates.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import pl.koordes.postulates.PostulatePageSection;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.CurrentUsers;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;

/**
 * The region's actions on its postulate's page (edit, attachments, submit, delete, withdraw), for the
 * region's people only, with the notice that a draft is seen by the region alone and what just happened
 * (after a redirect). Reads nothing: the permissions decide from the signed-in person and the status.
 */
@Component
class DraftingSection implements PostulatePageSection {

    private final PostulatePermissions permissions;
    private final PageFactory pages;
    private final TemplateEngine templates;

    DraftingSection(PostulatePermissions permissions, PageFactory pages, TemplateEngine templates) {
        this.permissions = permissions;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Content> render(PostulateReference postulate, HttpServletRequest request) {
        @Nullable CurrentUser user = CurrentUsers.current().orElse(null);
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        Object notice = flash == null ? null : flash.get("draftingNotice");
        if (!permissions.canDraft(user, postulate.regionId()) && notice == null) {
            return Optional.empty();
        }
        Page page = pages.of(request);
        page.csrfToken();
        boolean region = permissions.canDraft(user, postulate.regionId());
        boolean draft = postulate.status() == PostulateStatus.DRAFT;
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("postulate", postulate);
        model.put("region", region);
        model.put("draft", draft);
        model.put("canSubmit", region && draft && permissions.canSubmit(user, postulate.regionId()));
        model.put("canWithdraw", region && permissions.canWithdraw(user, postulate.status(), postulate.regionId()));
        model.put("notice", notice instanceof String text ? text : "");
        return Optional.of(output -> templates.render("postulates/drafting/section.jte", model, output));
    }
}
