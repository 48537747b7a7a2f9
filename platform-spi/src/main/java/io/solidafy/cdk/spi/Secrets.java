package io.solidafy.cdk.spi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's one secret policy: which names look like credentials, and how secret values are
 * hidden in text. Every message but RECORD data goes through {@link #mask(String)}, in the runtime
 * and in plugins (which get the run's instance from {@code SourceContext#secrets()}).
 *
 * <p>A secret is replaced by {@value #MASK} wherever it appears raw, URL-encoded ({@code %XX},
 * {@code +} for a space), JSON-escaped ({@code \/}, {@code \"}, {@code \\}, {@code \n},
 * {@code \}{@code uXXXX}, also mixed within one value) or Base64-encoded (standard or URL-safe,
 * with or without padding). A secret shorter than {@value #WHOLE_TOKEN_BELOW} characters is masked
 * only where it stands alone: after the start, a space, a quote, {@code = : , ( [ {}, and before
 * the end, a space, a quote, {@code & , ; ) ] }} or a final full stop. So {@code Bearer x} and
 * {@code token=x} are masked, but a one-character secret does not garble every word containing that
 * letter, nor a two-digit one the {@code 01} of a date in a cursor. Values of query
 * parameters whose name {@linkplain #looksSecret looks secret} are masked too. Immutable and
 * thread-safe.
 */
public final class Secrets {

    public static final String MASK = "***";
    /** Secrets shorter than this are masked only as whole tokens. */
    public static final int WHOLE_TOKEN_BELOW = 4;

    /** Words that make a config key or query parameter name a credential ({@code api_key}, {@code clientSecret}, {@code sig}). */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwords", "passwd", "pwd", "passphrase", "secret", "secrets",
            "token", "tokens", "key", "keys", "apikey", "credential", "credentials", "signature", "sig", "assertion", "authorization");
    private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&])([^=&#\\s\"'<>]+)=([^&#\\s\"'<>]*)");
    private static final Secrets NONE = new Secrets(List.of(), null);

    private final List<String> values;
    private final Pattern pattern;

    private Secrets(List<String> values, Pattern pattern) {
        this.values = values;
        this.pattern = pattern;
    }

    /** Masks nothing but secret-looking query parameters. */
    public static Secrets none() {
        return NONE;
    }

    /** A policy hiding these values (null and empty ones are ignored). */
    public static Secrets of(Collection<String> secrets) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                distinct.add(secret);
            }
        }
        if (distinct.isEmpty()) {
            return NONE;
        }
        List<String> longestFirst = new ArrayList<>(distinct);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed()); // a secret containing another is masked whole
        StringBuilder regex = new StringBuilder();
        for (String secret : longestFirst) {
            regex.append(regex.length() == 0 ? "" : "|").append(forms(secret));
        }
        return new Secrets(List.copyOf(longestFirst), Pattern.compile(regex.toString()));
    }

    /** This policy plus more secrets (e.g. tokens fetched at run time). */
    public Secrets plus(Collection<String> more) {
        List<String> all = new ArrayList<>(values);
        all.addAll(more);
        return of(all);
    }

    /** The secret values, longest first. */
    public List<String> values() {
        return values;
    }

    /** The text with every form of every secret, and every secret-looking query parameter value, replaced by {@value #MASK}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = pattern == null ? text : pattern.matcher(text).replaceAll(MASK);
        if (masked.indexOf('=') < 0) {
            return masked;
        }
        Matcher query = QUERY_PARAMETER.matcher(masked);
        return query.replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + m.group(2) + "=" + (m.group(3).isEmpty() || !looksSecret(m.group(2)) ? m.group(3) : MASK)));
    }

    /**
     * The one "looks like a credential" rule: the name, split into words at {@code _ - . :} spaces and
     * camelCase, has a word such as key, token, secret, password, credential, signature or sig, or
     * is a connection string.
     */
    public static boolean looksSecret(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        if (words.replaceAll("[^a-z0-9]", "").contains("connectionstring")) {
            return true;
        }
        for (String word : words.split("[^a-z0-9]+")) {
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A regex matching the secret in every form it may be shown in. */
    private static String forms(String secret) {
        StringBuilder regex = new StringBuilder("(?:");
        secret.codePoints().forEach(cp -> regex.append(character(cp)));
        regex.append(')');
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        Set<String> encoded = new LinkedHashSet<>();
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            String text = encoder.encodeToString(bytes);
            encoded.add(text);
            encoded.add(text.replace("=", ""));
        }
        encoded.remove(secret);
        String all = regex + encoded.stream().map(Pattern::quote).map(q -> "|" + q).reduce("", String::concat);
        if (secret.length() >= WHOLE_TOKEN_BELOW) {
            return "(?:" + all + ")";
        }
        return "(?<![^\\s\"'=:,(\\[{])(?:" + all + ")(?=$|[\\s\"'&,;)\\]}]|\\.(?!\\w))";
    }

    /** One code point as itself, a JSON escape or percent-encoded UTF-8. */
    private static String character(int cp) {
        List<String> alternatives = new ArrayList<>();
        alternatives.add(Pattern.quote(new String(Character.toChars(cp))));
        StringBuilder unicode = new StringBuilder();
        for (char unit : Character.toChars(cp)) {
            unicode.append("\\\\u(?i:").append(String.format(Locale.ROOT, "%04x", (int) unit)).append(')');
        }
        alternatives.add(unicode.toString());
        String shortEscape = switch (cp) {
            case '"' -> "\\\\\"";
            case '\\' -> "\\\\\\\\";
            case '/' -> "\\\\/";
            case '\n' -> "\\\\n";
            case '\r' -> "\\\\r";
            case '\t' -> "\\\\t";
            case '\b' -> "\\\\b";
            case '\f' -> "\\\\f";
            default -> null;
        };
        if (shortEscape != null) {
            alternatives.add(shortEscape);
        }
        StringBuilder percent = new StringBuilder();
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            percent.append("%(?i:").append(String.format(Locale.ROOT, "%02x", b & 0xff)).append(')');
        }
        alternatives.add(percent.toString());
        if (cp == ' ') {
            alternatives.add("\\+");
        }
        return "(?:" + String.join("|", alternatives) + ")";
    }
}
