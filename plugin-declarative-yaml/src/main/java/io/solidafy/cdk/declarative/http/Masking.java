package io.solidafy.cdk.declarative.http;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in URLs and messages: values of query parameters whose names end like a secret
 * ({@code api_key}, {@code access_token}, {@code client_secret}, {@code sig}, ...), and every known
 * secret value (the config's secret fields). Immutable.
 */
public final class Masking {

    private static final Pattern SECRET_QUERY =
            Pattern.compile("([?&][^=&#]*(?:key|token|secret|password|passwd|signature|sig|auth|assertion)=)([^&#]*)", Pattern.CASE_INSENSITIVE);

    private final List<String> secrets;

    public Masking(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 4).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The text with secrets replaced by {@code ****}. */
    public String mask(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "****");
        }
        Matcher m = SECRET_QUERY.matcher(out);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)) + "****");
    }

    /** Adds more secrets (e.g. fetched tokens). */
    public Masking plus(List<String> more) {
        List<String> all = new java.util.ArrayList<>(secrets);
        all.addAll(more);
        return new Masking(all);
    }
}
