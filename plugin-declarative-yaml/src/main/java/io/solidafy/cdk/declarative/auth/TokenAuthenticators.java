package io.solidafy.cdk.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.template.TemplateEngine;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.Authenticator;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import io.solidafy.cdk.spi.declarative.OutgoingRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Types that fetch a token: oauth2_client_credentials, oauth2_refresh_token, session_token. Tokens
 * are fetched on the first request, cached, refreshed before {@code expires_in} runs out and once
 * more after a 401.
 */
public final class TokenAuthenticators {

    private TokenAuthenticators() {}

    public static List<AuthenticatorFactory> all(Clock clock) {
        return List.of(clientCredentials(clock), refreshToken(clock), sessionToken(clock));
    }

    static AuthenticatorFactory clientCredentials(Clock clock) {
        return SimpleAuthenticators.factory("oauth2_client_credentials", config -> {
            String url = config.requireString("token_url");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "client_credentials");
            form.put("client_id", config.requireString("client_id"));
            form.put("client_secret", config.requireString("client_secret"));
            JsonNode scopes = config.raw().get("scopes");
            if (scopes != null && scopes.isArray() && !scopes.isEmpty()) {
                StringBuilder joined = new StringBuilder();
                scopes.forEach(s -> joined.append(joined.length() == 0 ? "" : " ").append(s.asText()));
                form.put("scope", joined.toString());
            }
            return bearer(config, clock, () -> oauthToken(config, url, form));
        });
    }

    static AuthenticatorFactory refreshToken(Clock clock) {
        return SimpleAuthenticators.factory("oauth2_refresh_token", config -> {
            String url = config.requireString("token_url");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", config.requireString("refresh_token"));
            form.put("client_id", config.requireString("client_id"));
            config.string("client_secret").ifPresent(s -> form.put("client_secret", s));
            return bearer(config, clock, () -> oauthToken(config, url, form));
        });
    }

    static AuthenticatorFactory sessionToken(Clock clock) {
        return SimpleAuthenticators.factory("session_token", config -> {
            String url = config.requireString("login_url");
            String tokenPath = config.requireString("token_path");
            Optional<String> expiresPath = config.string("expires_in_path");
            String headerName = config.string("header_name").orElse("Authorization");
            String prefix = config.raw().has("header_prefix") ? config.string("header_prefix").orElse("")
                    : headerName.equalsIgnoreCase("Authorization") ? "Bearer " : "";
            CachedToken token = new CachedToken(() -> {
                String body = config.string("body").orElse(null);
                JsonNode answer = config.http().send("POST", url, Map.of("Content-Type", "application/json"), body);
                return new CachedToken.Token(required(config, answer, tokenPath, url), lifetime(config, answer, expiresPath));
            }, clock);
            return header(token, headerName, prefix);
        });
    }

    private static Authenticator bearer(ComponentConfig config, Clock clock, CachedToken.Fetcher fetcher) {
        return header(new CachedToken(fetcher, clock), "Authorization", "Bearer ");
    }

    static Authenticator header(CachedToken token, String name, String prefix) {
        return new Authenticator() {
            @Override
            public void authenticate(OutgoingRequest request) throws IOException {
                request.setHeader(name, prefix + token.get());
            }

            @Override
            public boolean invalidate() {
                return token.invalidate();
            }
        };
    }

    private static CachedToken.Token oauthToken(ComponentConfig config, String url, Map<String, String> form) throws IOException {
        JsonNode answer = config.http().send("POST", url, Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Accept", "application/json"), form(form));
        return new CachedToken.Token(required(config, answer, "access_token", url), lifetime(config, answer, Optional.of("expires_in")));
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String required(ComponentConfig config, JsonNode answer, String path, String url) {
        return config.select(answer, path)
                .map(TemplateEngine::toText)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ConnectorException("The token endpoint " + url + " answered without '" + path
                        + "'; check the credentials and auth.token_path."));
    }

    static Duration lifetime(ComponentConfig config, JsonNode answer, Optional<String> path) {
        if (path.isEmpty()) {
            return null;
        }
        return config.select(answer, path.get())
                .filter(n -> n.isNumber() || n.asText().matches("\\d+"))
                .map(n -> Duration.ofSeconds(n.asLong()))
                .orElse(null);
    }
}
