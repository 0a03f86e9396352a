package pl.koordes.content.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.content.internal.ContentProperties;
import pl.koordes.content.internal.ImageManagement;
import pl.koordes.content.internal.ImageUploadForm;
import pl.koordes.content.internal.Images;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.Paged;

/** Editors upload pictures (with their alternative text, required) and copy the Markdown that shows one. */
@Controller
class EditorImageController {

    private final ContentPermissions permissions;
    private final ImageManagement management;
    private final Images images;
    private final ContentProperties properties;

    EditorImageController(
            ContentPermissions permissions, ImageManagement management, Images images, ContentProperties properties) {
        this.permissions = permissions;
        this.management = management;
        this.images = images;
        this.properties = properties;
    }

    @GetMapping("/redakcja/obrazy")
    String list(CurrentUser user, @RequestParam(name = "strona", required = false) @Nullable String page, Model model) {
        permissions.requireEditor(Optional.of(user));
        return show(model, Paged.number(page), "", FormErrors.none());
    }

    @PostMapping("/redakcja/obrazy")
    String upload(
            CurrentUser user,
            @Valid ImageUploadForm form,
            BindingResult result,
            @RequestParam(name = "plik", required = false) @Nullable MultipartFile file,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        String alt = form.alt() == null ? "" : form.alt();
        FormErrors errors = FormErrors.check(form, result);
        if (!errors.any()) {
            try {
                byte[] data = file == null ? new byte[0] : file.getBytes();
                long id = management.uploadImage(
                        data, file == null ? null : file.getOriginalFilename(), alt, user.displayName());
                redirect.addFlashAttribute("notice", "content.image.uploaded");
                redirect.addFlashAttribute("uploaded", id);
                return "redirect:/redakcja/obrazy";
            } catch (Refused refused) {
                errors = FormErrors.of(refused);
            } catch (IOException e) {
                errors = FormErrors.of(Map.of(ImageManagement.FILE, "content.image.file.broken"));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return show(model, 1, alt, errors);
    }

    private String show(Model model, int page, String alt, FormErrors errors) {
        model.addAttribute("images", images.list(page, properties.pageSize() * 2));
        model.addAttribute("alt", alt);
        model.addAttribute("errors", errors);
        model.addAttribute("maxSize", properties.imageMaxSize().toMegabytes());
        return "content/editor/images";
    }
}
