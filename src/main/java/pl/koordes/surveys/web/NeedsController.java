package pl.koordes.surveys.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.events.EventDrafts;
import pl.koordes.events.EventReference;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.surveys.NeedLinkKind;
import pl.koordes.surveys.NeedReference;
import pl.koordes.surveys.internal.Need;
import pl.koordes.surveys.internal.NeedEventForm;
import pl.koordes.surveys.internal.NeedFilter;
import pl.koordes.surveys.internal.NeedForm;
import pl.koordes.surveys.internal.NeedManagement;
import pl.koordes.surveys.internal.NeedStore;
import pl.koordes.surveys.internal.NeedSurveys;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyPermissions;

/**
 * Needs: the list with its filters and summary, a need's page (its source answers and what answered it), the
 * operator's form (new, from a topic, a question or an answer; edit with optimistic locking), deleting, linking
 * an event or creating a draft event from the need, and removing a link. Staff read
 * ({@link SurveyPermissions#canSeeNeeds}); the operator changes; destructive actions ask first.
 */
@Controller
class NeedsController {

    @Bean
    static HeaderLink needsHeaderLink(SurveyPermissions permissions) {
        return HeaderLink.to(LIST, "surveys.needs.link", 58, permissions::canSeeNeeds);
    }

    static final String LIST = "/potrzeby";

    /** How many needs a page of the list holds. */
    static final int PAGE_SIZE = 20;

    /** How many of the latest events the link form offers. */
    static final int EVENT_CHOICES = 100;

    private final NeedStore store;
    private final NeedManagement needs;
    private final SurveyPermissions permissions;
    private final Directory directory;
    private final EventDrafts events;
    private final NeedSurveys surveys;
    private final Clock clock;

    NeedsController(
            NeedStore store,
            NeedManagement needs,
            SurveyPermissions permissions,
            Directory directory,
            EventDrafts events,
            NeedSurveys surveys,
            Clock clock) {
        this.store = store;
        this.needs = needs;
        this.permissions = permissions;
        this.directory = directory;
        this.events = events;
        this.surveys = surveys;
        this.clock = clock;
    }

    @GetMapping(LIST)
    String list(CurrentUser user, @RequestParam Map<String, String> parameters, Model model) {
        reader(user);
        List<Region> regions = directory.regions();
        NeedsQuery query = NeedsQuery.of(parameters, regions);
        model.addAttribute("list", store.page(query.filter(), query.page(), PAGE_SIZE));
        model.addAttribute("summary", store.summary(query.filter()));
        model.addAttribute("query", query);
        model.addAttribute("regions", regions);
        model.addAttribute("regionNames", directory.regionsById());
        model.addAttribute("surveys", store.surveysWithNeeds());
        model.addAttribute("operator", permissions.isOperator(user));
        return "surveys/needs/list";
    }

    @GetMapping(LIST + "/nowa")
    String newNeed(
            CurrentUser user,
            @RequestParam(name = "temat", required = false) @Nullable String topic,
            @RequestParam(name = "ankieta", required = false) @Nullable Long surveyId,
            @RequestParam(name = "odpowiedz", required = false) @Nullable Long responseId,
            @RequestParam(name = "pytanie", required = false) @Nullable Long questionId,
            Model model) {
        operator(user);
        NeedForm form = NeedForm.prefilled(topic == null ? "" : topic.strip(), null, surveyId, null, null);
        if (questionId != null || responseId != null) {
            if (surveyId == null || questionId == null) {
                throw new NotFound("question", String.valueOf(questionId));
            }
            SurveyDefinition.Question question =
                    needs.question(surveyId, questionId).orElseThrow(() -> new NotFound("question", questionId));
            NeedStore.@Nullable Answer answer = null;
            if (responseId != null) {
                answer = store.submittedAnswer(surveyId, responseId)
                        .orElseThrow(() -> new NotFound("answer", responseId));
            }
            String suggested = topic != null && !topic.isBlank() ? topic.strip() : shortened(question.text());
            form = NeedForm.prefilled(
                    suggested, answer == null ? null : answer.regionId(), surveyId, responseId, questionId);
        }
        return form(model, null, form, FormErrors.none());
    }

    @PostMapping(LIST + "/nowa")
    String create(
            CurrentUser user,
            @Valid NeedForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        operator(user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = needs.create(user, form);
                    redirect.addFlashAttribute("notice", "surveys.needs.created");
                    return "redirect:" + NeedReference.path(id);
                },
                errors -> form(model, null, form, errors));
    }

    /** Another answer for a need already recorded (from the new-need page of that answer). */
    @PostMapping(LIST + "/zrodla")
    String addSource(
            CurrentUser user,
            @RequestParam(name = "need", required = false) @Nullable Long needId,
            @RequestParam(name = "surveyId", required = false) @Nullable Long surveyId,
            @RequestParam(name = "responseId", required = false) @Nullable Long responseId,
            @RequestParam(name = "questionId", required = false) @Nullable Long questionId,
            RedirectAttributes redirect) {
        operator(user);
        if (needId == null || surveyId == null || responseId == null || questionId == null) {
            throw Refused.because("surveys.needs.source.invalid");
        }
        needs.addSource(user, needId, surveyId, responseId, questionId);
        redirect.addFlashAttribute("notice", "surveys.needs.sourceAdded");
        return "redirect:" + NeedReference.path(needId);
    }

    @GetMapping(LIST + "/{id}")
    String need(CurrentUser user, @PathVariable long id, Model model) {
        reader(user);
        Need need = find(id);
        List<NeedStore.Link> links = store.links(id);
        Map<Long, EventReference> linkedEvents = events.findAny(links.stream()
                .filter(l -> l.kind() == NeedLinkKind.EVENT)
                .map(NeedStore.Link::targetId)
                .toList());
        List<NeedStore.Source> sources = store.sources(id);
        List<NeedStore.Source> shown = sources.stream()
                .filter(s -> permissions.canSeeNeedSources(s.published(), s.visibility(), user))
                .toList();
        model.addAttribute("need", need);
        model.addAttribute("survey", need.surveyId() == null ? null : surveys.title(need.surveyId()));
        model.addAttribute(
                "links",
                links.stream()
                        .map(l -> new NeedView.LinkView(
                                id, l, l.kind() == NeedLinkKind.EVENT ? linkedEvents.get(l.targetId()) : null))
                        .toList());
        model.addAttribute("sources", shown);
        model.addAttribute("hiddenSources", sources.size() - shown.size());
        model.addAttribute("regionNames", directory.regionsById());
        model.addAttribute("operator", permissions.isOperator(user));
        model.addAttribute("adviceRequester", adviceRequester(user, need.regionId()));
        model.addAttribute("now", clock.instant());
        return "surveys/needs/need";
    }

    @GetMapping(LIST + "/{id}/edycja")
    String edit(CurrentUser user, @PathVariable long id, Model model) {
        operator(user);
        Need need = find(id);
        return form(model, need, NeedForm.of(need), FormErrors.none());
    }

    @PostMapping(LIST + "/{id}/edycja")
    String update(
            CurrentUser user,
            @PathVariable long id,
            @Valid NeedForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        operator(user);
        Need need = find(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    needs.update(user, id, form);
                    redirect.addFlashAttribute("notice", "surveys.needs.saved");
                    return "redirect:" + need.href();
                },
                errors -> form(model, need, form, errors));
    }

    @GetMapping(LIST + "/{id}/usun")
    String confirmDelete(CurrentUser user, @PathVariable long id, Model model) {
        operator(user);
        Need need = find(id);
        int links = store.links(id).size();
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                LIST + "/" + id + "/usun",
                                need.href(),
                                "surveys.needs.confirm.delete.title",
                                "surveys.needs.confirm.delete.button")
                        .subject(need.topic())
                        .consequence("surveys.needs.confirm.delete.gone")
                        .consequence("surveys.needs.confirm.delete.links", links)
                        .consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    @PostMapping(LIST + "/{id}/usun")
    String delete(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        operator(user);
        find(id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + LIST + "/" + id + "/usun";
        }
        needs.delete(user, id);
        redirect.addFlashAttribute("notice", "surveys.needs.deleted");
        return "redirect:" + LIST;
    }

    @GetMapping(LIST + "/{id}/wydarzenie")
    String eventForm(CurrentUser user, @PathVariable long id, Model model) {
        operator(user);
        return eventPage(model, find(id), NeedEventForm.empty(), FormErrors.none());
    }

    /** Links the event chosen or typed, or ({@code utworz}) creates a draft event from the need and links it. */
    @PostMapping(LIST + "/{id}/wydarzenie")
    String linkEvent(
            CurrentUser user,
            @PathVariable long id,
            @Valid NeedEventForm form,
            BindingResult result,
            @RequestParam(name = "utworz", required = false) @Nullable String create,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        operator(user);
        Need need = find(id);
        if (create != null) {
            long eventId = needs.createEvent(user, id);
            redirect.addFlashAttribute("notice", "surveys.needs.event.created");
            return "redirect:" + EventDrafts.editPath(eventId);
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    needs.linkEvent(
                            user,
                            id,
                            Objects.requireNonNull(form.event()),
                            form.eventNumber() != null ? "eventNumber" : "eventId");
                    redirect.addFlashAttribute("notice", "surveys.needs.event.linked");
                    return "redirect:" + need.href();
                },
                errors -> eventPage(model, need, form, errors));
    }

    @GetMapping(LIST + "/{id}/powiazania/{kind}/{targetId}/usun")
    String confirmUnlink(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable String kind,
            @PathVariable long targetId,
            Model model) {
        operator(user);
        Need need = find(id);
        NeedLinkKind linkKind = linked(id, kind, targetId);
        String subject = linkKind == NeedLinkKind.EVENT
                ? Optional.ofNullable(events.findAny(List.of(targetId)).get(targetId))
                        .map(EventReference::title)
                        .orElse("#" + targetId)
                : "#" + targetId;
        boolean last = store.links(id).size() == 1;
        Confirmation confirmation = Confirmation.of(
                        unlinkPath(id, linkKind, targetId),
                        need.href(),
                        "surveys.needs.confirm.unlink.title",
                        "surveys.needs.confirm.unlink.button")
                .subject(subject)
                .consequence("surveys.needs.confirm.unlink.gone." + linkKind.name(), need.topic())
                .consequence(
                        last && !need.answeredMarked()
                                ? "surveys.needs.confirm.unlink.open"
                                : "surveys.needs.confirm.unlink.status");
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(LIST + "/{id}/powiazania/{kind}/{targetId}/usun")
    String unlink(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable String kind,
            @PathVariable long targetId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        operator(user);
        find(id);
        NeedLinkKind linkKind = linked(id, kind, targetId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + unlinkPath(id, linkKind, targetId);
        }
        needs.unlink(user, id, linkKind, targetId);
        redirect.addFlashAttribute("notice", "surveys.needs.unlinked");
        return "redirect:" + NeedReference.path(id);
    }

    static String unlinkPath(long needId, NeedLinkKind kind, long targetId) {
        return LIST + "/" + needId + "/powiazania/" + kind.slug() + "/" + targetId + "/usun";
    }

    private NeedLinkKind linked(long id, String kind, long targetId) {
        NeedLinkKind linkKind = NeedLinkKind.ofSlug(kind).orElseThrow(() -> new NotFound("link kind", kind));
        if (store.links(id).stream().noneMatch(l -> l.kind() == linkKind && l.targetId() == targetId)) {
            throw new NotFound("need link", id + "/" + kind + "/" + targetId);
        }
        return linkKind;
    }

    private String form(Model model, @Nullable Need need, NeedForm form, FormErrors errors) {
        model.addAttribute("need", need);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", directory.regions());
        model.addAttribute("topics", store.topics());
        model.addAttribute("surveyChoices", surveys.all());
        model.addAttribute("source", need == null ? surveys.source(form) : null);
        // A new need from an answer may instead add the answer to a need of the same survey recorded before.
        model.addAttribute(
                "existing",
                need == null && form.responseId() != null && form.surveyId() != null
                        ? store.page(new NeedFilter(null, null, false, null, form.surveyId()), 1, EVENT_CHOICES)
                                .items()
                        : List.of());
        return "surveys/needs/form";
    }

    private String eventPage(Model model, Need need, NeedEventForm form, FormErrors errors) {
        model.addAttribute("need", need);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("choices", events.latest(EVENT_CHOICES));
        return "surveys/needs/event";
    }

    private Need find(long id) {
        return store.find(id).orElseThrow(() -> new NotFound("need", id));
    }

    private void reader(CurrentUser user) {
        if (!permissions.canSeeNeeds(user)) {
            throw new AccessDeniedException("Needs are for the programme's staff");
        }
    }

    /**
     * Whether the need's page offers "Poproś o doradztwo" (the advisory module's form, prefilled from the need):
     * the operator, and a coordinator or committee member of the need's region (of any region for a national need).
     */
    private boolean adviceRequester(CurrentUser user, @Nullable Long regionId) {
        if (permissions.isOperator(user)) {
            return true;
        }
        return regionId == null
                ? user.has(Role.REGIONAL_COORDINATOR) || user.has(Role.COMMITTEE_MEMBER)
                : user.has(Role.REGIONAL_COORDINATOR, regionId) || user.has(Role.COMMITTEE_MEMBER, regionId);
    }

    private void operator(CurrentUser user) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("Only the operator changes needs");
        }
    }

    /** A question's text as a topic: at most 200 characters, cut at a word. */
    private static String shortened(String text) {
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) <= 200) {
            return stripped;
        }
        String cut = stripped.substring(0, stripped.offsetByCodePoints(0, 199));
        int space = cut.lastIndexOf(' ');
        return (space > 100 ? cut.substring(0, space) : cut) + "…";
    }
}
