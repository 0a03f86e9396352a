package pl.koordes.advisory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.AssignmentManagement;
import pl.koordes.advisory.internal.AssignmentQueries;
import pl.koordes.advisory.internal.TopicForm;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/** The operator's list of advisory topics: add, rename, reorder, retire and restore. */
@Controller
class TopicsController {

    static final String LIST = "/doradztwo/tematy";

    private final AssignmentQueries queries;
    private final AssignmentManagement assignment;
    private final AdvisoryPermissions permissions;

    TopicsController(AssignmentQueries queries, AssignmentManagement assignment, AdvisoryPermissions permissions) {
        this.queries = queries;
        this.assignment = assignment;
        this.permissions = permissions;
    }

    @GetMapping(LIST)
    String list(CurrentUser user, Model model) {
        operator(user);
        List<AssignmentQueries.Topic> topics = queries.topics();
        return listPage(model, topics, TopicForm.empty(next(topics)), FormErrors.none());
    }

    @PostMapping(LIST)
    String add(
            CurrentUser user,
            @Valid TopicForm form,
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
                    assignment.addTopic(user, form);
                    redirect.addFlashAttribute("notice", "advisory.assignment.topic.added");
                    return "redirect:" + LIST;
                },
                errors -> listPage(model, queries.topics(), form, errors));
    }

    @GetMapping(LIST + "/{topicId}")
    String edit(CurrentUser user, @PathVariable long topicId, Model model) {
        operator(user);
        AssignmentQueries.Topic topic = topic(topicId);
        return topicPage(model, topic, TopicForm.of(topic), FormErrors.none());
    }

    @PostMapping(LIST + "/{topicId}")
    String update(
            CurrentUser user,
            @PathVariable long topicId,
            @Valid TopicForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        operator(user);
        AssignmentQueries.Topic topic = topic(topicId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    assignment.updateTopic(user, topicId, form);
                    redirect.addFlashAttribute("notice", "advisory.assignment.topic.saved");
                    return "redirect:" + LIST;
                },
                errors -> topicPage(model, topic, form, errors));
    }

    private static int next(List<AssignmentQueries.Topic> topics) {
        return Math.min(
                999,
                topics.stream()
                                .mapToInt(AssignmentQueries.Topic::position)
                                .max()
                                .orElse(0)
                        + 1);
    }

    private String listPage(Model model, List<AssignmentQueries.Topic> topics, TopicForm form, FormErrors errors) {
        model.addAttribute("topics", topics);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "advisory/assignment/topics";
    }

    private String topicPage(Model model, AssignmentQueries.Topic topic, TopicForm form, FormErrors errors) {
        model.addAttribute("topic", topic);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "advisory/assignment/topic";
    }

    private AssignmentQueries.Topic topic(long id) {
        return queries.topic(id).orElseThrow(() -> new NotFound("advisory topic", id));
    }

    private void operator(CurrentUser user) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("Only the operator edits the advisory topics");
        }
    }
}
