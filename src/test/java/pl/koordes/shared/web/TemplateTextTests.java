package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Templates carry no visible text of their own: every word comes from the message files, so both
 * languages stay complete. Visible text is what is left between tags, and the attributes people read.
 */
class TemplateTextTests {

    private static final Pattern READABLE_ATTRIBUTE =
            Pattern.compile("\\s(alt|title|aria-label|placeholder)=\"([^\"]*)\"");
    /** Buttons made of inputs show their value; other values (options, hidden fields) are data. */
    private static final Pattern BUTTON_VALUE =
            Pattern.compile("<input[^>]*type=\"(?:submit|button|reset)\"[^>]*\\svalue=\"([^\"]*)\"");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void templatesHaveNoHardCodedVisibleText() throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                findings.addAll(hardCodedText(file.toString(), Files.readString(file)));
            }
        }
        assertThat(findings).as("hard-coded text in templates").isEmpty();
    }

    @Test
    void theCheckFindsTextBetweenTagsAndInReadableAttributes() {
        assertThat(hardCodedText("t.jte", "<p>Witaj</p>")).hasSize(1);
        assertThat(hardCodedText("t.jte", "<img alt=\"Logo\" src=\"/x\">")).hasSize(1);
        assertThat(hardCodedText("t.jte", "<input type=\"submit\" value=\"Wyślij\">"))
                .hasSize(1);
        assertThat(hardCodedText("t.jte", "<option value=\"pl\">${x}</option>")).isEmpty();
        assertThat(hardCodedText("t.jte", "<p>${page.t(\"a.b\")} · ${x}</p>")).isEmpty();
        assertThat(hardCodedText("t.jte", "<img alt=\"\" src=\"${page.asset(\"/img/logo.svg\")}\">"))
                .isEmpty();
        assertThat(hardCodedText("t.jte", "@if(a.isEmpty())\n<p>${a}</p>\n@endif"))
                .isEmpty();
    }

    static List<String> hardCodedText(String name, String template) {
        String code = stripExpressions(template);
        List<String> findings = new ArrayList<>();
        Matcher attributes = READABLE_ATTRIBUTE.matcher(code);
        while (attributes.find()) {
            if (LETTER.matcher(attributes.group(2)).find()) {
                findings.add(name + ": attribute " + attributes.group(1) + "=\"" + attributes.group(2) + "\"");
            }
        }
        Matcher buttons = BUTTON_VALUE.matcher(code);
        while (buttons.find()) {
            if (LETTER.matcher(buttons.group(1)).find()) {
                findings.add(name + ": button value=\"" + buttons.group(1) + "\"");
            }
        }
        String text = code.replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("(?m)^\\s*[@!].*$", " ")
                .replaceAll("&[a-zA-Z]+;", " ");
        for (String line : text.split("\n")) {
            if (LETTER.matcher(line).find()) {
                findings.add(name + ": text \"" + line.trim() + "\"");
            }
        }
        return findings;
    }

    /** Removes jte expressions ${…}, $unsafe{…}, !{…} and @`…` markers, counting braces to handle nesting. */
    private static String stripExpressions(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            boolean expression = (c == '$' || c == '!') && i + 1 < template.length() && template.charAt(i + 1) == '{';
            boolean unsafe = template.startsWith("$unsafe{", i);
            if (expression || unsafe) {
                int depth = 0;
                int j = template.indexOf('{', i);
                for (; j < template.length(); j++) {
                    char d = template.charAt(j);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}' && --depth == 0) {
                        break;
                    }
                }
                out.append(' ');
                i = j + 1;
            } else if (c == '@' && i + 1 < template.length() && template.charAt(i + 1) == '`') {
                i += 2;
            } else if (c == '`' && i + 1 < template.length() && template.charAt(i + 1) == ')') {
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
