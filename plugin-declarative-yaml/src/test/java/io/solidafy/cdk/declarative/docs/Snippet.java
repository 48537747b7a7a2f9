package io.solidafy.cdk.declarative.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a document: its info string ({@code yaml}, {@code yaml invalid},
 * {@code json}, ...), its text and the line it starts on.
 */
record Snippet(Path document, int line, String info, String text) {

    private static final Pattern FENCE = Pattern.compile("^```([^\\n`]*)\\n(.*?)^```\\s*$", Pattern.DOTALL | Pattern.MULTILINE);

    static List<Snippet> of(Path document) {
        String markdown;
        try {
            markdown = Files.readString(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Snippet> snippets = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            int line = (int) markdown.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            snippets.add(new Snippet(document, line, m.group(1).trim(), m.group(2)));
        }
        return snippets;
    }

    String language() {
        int space = info.indexOf(' ');
        return space < 0 ? info : info.substring(0, space);
    }

    boolean marked(String word) {
        return List.of(info.split("\\s+")).contains(word);
    }

    /** True for a YAML connector with the three keys a connector needs at its top level. */
    boolean wholeConnector() {
        return topKey("name") && topKey("base_url") && topKey("streams");
    }

    boolean topKey(String key) {
        return text.lines().anyMatch(l -> l.startsWith(key + ":"));
    }

    /** The value of a top-level {@code key: value} line, without quotes. */
    String topValue(String key) {
        return text.lines().filter(l -> l.startsWith(key + ":")).findFirst()
                .map(l -> l.substring(key.length() + 1).trim().replaceAll("^\"|\"$", "")).orElseThrow();
    }

    @Override
    public String toString() {
        return document.getFileName() + ":" + line + " (" + info + ")";
    }
}
