package pl.koordes.knowledge.web.discussions;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.knowledge.internal.discussions.Space;
import pl.koordes.knowledge.internal.discussions.SpaceGroupForm;
import pl.koordes.knowledge.internal.discussions.SpaceManagement;
import pl.koordes.knowledge.internal.discussions.SpacePaths;
import pl.koordes.knowledge.internal.discussions.SpacePermissions;
import pl.koordes.knowledge.internal.discussions.SpaceStore;
import pl.koordes.knowledge.internal.discussions.ThreadStore;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.Paged;

/**
 * The discussion spaces: {@code /dyskusje} lists those the person may read, each space's page lists its threads
 * (20 a page) with the record of who may read it, and editors open groups and change who may read them.
 */
@Controller
class DiscussionSpacesController {

    private final DiscussionAccess access;
    private final SpaceStore spaces;
    private final ThreadStore threads;
    private final SpacePermissions permissions;
    private final SpaceManagement management;

    DiscussionSpacesController(
            DiscussionAccess access,
            SpaceStore spaces,
            ThreadStore threads,
            SpacePermissions permissions,
            SpaceManagement management) {
        this.access = access;
        this.spaces = spaces;
        this.threads = threads;
        this.permissions = permissions;
        this.management = management;
    }

    @Bean
    static HeaderLink discussionsLink(SpacePermissions permissions) {
        return HeaderLink.to(SpacePaths.ROOT, "knowledge.discussions.nav", 49, permissions::hasSpaceByRole);
    }

    @GetMapping(SpacePaths.ROOT)
    String list(CurrentUser user, Model model) {
        Set<Long> named = spaces.groupsNaming(user.id());
        List<Space> readable = spaces.all().stream()
                .filter(s -> permissions.canRead(user, s, named.contains(s.id())))
                .toList();
        model.addAttribute("spaces", readable);
        model.addAttribute("canManageGroups", permissions.canManageGroups(user));
        return "knowledge/discussions/spaces";
    }

    @GetMapping(SpacePaths.ROOT + "/nowa-grupa")
    String newGroup(CurrentUser user, Model model) {
        editor(user);
        return groupForm(model, null, SpaceGroupForm.empty(), FormErrors.none());
    }

    @PostMapping(SpacePaths.ROOT + "/nowa-grupa")
    String open(
            CurrentUser user,
            @Valid SpaceGroupForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        editor(user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    String slug = management.open(user.id(), form);
                    redirect.addFlashAttribute("notice", "knowledge.discussions.group.opened");
                    return "redirect:" + SpacePaths.ROOT + "/" + slug;
                },
                errors -> groupForm(model, null, form, errors));
    }

    @GetMapping(SpacePaths.ROOT + "/{slug}")
    String space(
            CurrentUser user,
            @PathVariable String slug,
            @RequestParam(name = "strona", required = false) @Nullable String strona,
            Model model) {
        Space space = access.readable(user, slug);
        model.addAttribute("space", space);
        model.addAttribute("threads", threads.threads(space.id(), Paged.number(strona)));
        model.addAttribute("members", space.group() ? spaces.members(space.id()) : List.of());
        model.addAttribute("canModerate", permissions.canModerate(user, space));
        model.addAttribute("canManageGroups", space.group() && permissions.canManageGroups(user));
        model.addAttribute("following", threads.following(user.id(), space.id(), -1)[0]);
        return "knowledge/discussions/space";
    }

    @GetMapping(SpacePaths.ROOT + "/{slug}/ustawienia")
    String settings(CurrentUser user, @PathVariable String slug, Model model) {
        Space group = group(user, slug);
        String members = String.join(
                "\n",
                spaces.members(group.id()).stream()
                        .map(SpaceStore.Member::email)
                        .toList());
        SpaceGroupForm form = new SpaceGroupForm(
                group.name(),
                group.description(),
                group.roles().stream().sorted().toList(),
                members,
                group.rowVersion());
        return groupForm(model, group, form, FormErrors.none());
    }

    @PostMapping(SpacePaths.ROOT + "/{slug}/ustawienia")
    String change(
            CurrentUser user,
            @PathVariable String slug,
            @Valid SpaceGroupForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Space group = group(user, slug);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.change(group, form);
                    redirect.addFlashAttribute("notice", "knowledge.discussions.group.saved");
                    return "redirect:" + group.path();
                },
                errors -> groupForm(model, group, form, errors));
    }

    /** Follows the space (an e-mail per post; {@code obserwuj=dziennie}: in the daily digest) or stops ({@code nie}). */
    @PostMapping(SpacePaths.ROOT + "/{slug}/obserwuj")
    String follow(
            CurrentUser user,
            @PathVariable String slug,
            @RequestParam(name = "obserwuj", required = false) @Nullable String follow,
            RedirectAttributes redirect) {
        Space space = access.readable(user, slug);
        boolean on = !"nie".equals(follow);
        management.follow(user.id(), space, null, on, "dziennie".equals(follow));
        redirect.addFlashAttribute(
                "notice",
                !on
                        ? "knowledge.discussions.follow.space.off"
                        : "dziennie".equals(follow)
                                ? "knowledge.discussions.follow.space.on.daily"
                                : "knowledge.discussions.follow.space.on");
        return "redirect:" + space.path();
    }

    private void editor(CurrentUser user) {
        if (!permissions.canManageGroups(user)) {
            throw new AccessDeniedException("Only editors open discussion groups");
        }
    }

    /** A group the editor may change: another kind of space has no settings (404), a non-editor reader 403. */
    private Space group(CurrentUser user, String slug) {
        Space space = access.readable(user, slug);
        if (!space.group()) {
            throw new NotFound("discussion group", slug);
        }
        editor(user);
        return space;
    }

    private String groupForm(Model model, @Nullable Space group, SpaceGroupForm form, FormErrors errors) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "knowledge/discussions/groupForm";
    }
}
