package io.solidafy.cdk.declarative.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.Authenticator;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code jwt}: signs a JWT (HS256/384/512 with {@code secret}, RS256/384/512 with a PKCS#8 PEM
 * {@code private_key}) from {@code claims} plus {@code iat}/{@code exp} ({@code lifetime_secs},
 * default 3600). Sent as a header ({@code header_name}, {@code header_prefix}) or, with {@code
 * token_url}, exchanged for an access token (RFC 7523 jwt-bearer grant).
 */
public final class JwtAuthenticatorFactory implements AuthenticatorFactory {

    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public JwtAuthenticatorFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "jwt";
    }

    @Override
    public Authenticator create(ComponentConfig config) {
        String algorithm = config.string("algorithm").orElse("HS256").toUpperCase(java.util.Locale.ROOT);
        long lifetime = config.string("lifetime_secs").map(Long::parseLong).orElse(3600L);
        String headerName = config.string("header_name").orElse("Authorization");
        String prefix = config.raw().has("header_prefix") ? config.string("header_prefix").orElse("") : "Bearer ";
        Optional<String> tokenUrl = config.string("token_url");
        Signer signer = signer(config, algorithm);
        CachedToken token = new CachedToken(() -> {
            String jwt = sign(config, algorithm, lifetime, signer);
            if (tokenUrl.isEmpty()) {
                return new CachedToken.Token(jwt, Duration.ofSeconds(lifetime));
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
            form.put("assertion", jwt);
            JsonNode answer = config.http().send("POST", tokenUrl.get(), Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    TokenAuthenticators.form(form));
            String path = config.string("token_path").orElse("access_token");
            return new CachedToken.Token(TokenAuthenticators.required(config, answer, path, tokenUrl.get()),
                    TokenAuthenticators.lifetime(config, answer, Optional.of(config.string("expires_in_path").orElse("expires_in"))));
        }, clock);
        return TokenAuthenticators.header(token, headerName, prefix);
    }

    private String sign(ComponentConfig config, String algorithm, long lifetime, Signer signer) throws IOException {
        ObjectNode header = mapper.createObjectNode().put("alg", algorithm).put("typ", "JWT");
        config.string("key_id").ifPresent(kid -> header.put("kid", kid));
        ObjectNode claims = mapper.createObjectNode();
        Optional<String> rendered = config.string("claims");
        if (rendered.isPresent()) {
            JsonNode parsed = mapper.readTree(rendered.get());
            if (!parsed.isObject()) {
                throw new ConnectorException("auth.claims must be a mapping of claim names to values.");
            }
            claims.setAll((ObjectNode) parsed);
        }
        long now = clock.instant().getEpochSecond();
        if (!claims.has("iat")) {
            claims.put("iat", now);
        }
        if (!claims.has("exp")) {
            claims.put("exp", now + lifetime);
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(mapper.writeValueAsBytes(header)) + "." + b64.encodeToString(mapper.writeValueAsBytes(claims));
        try {
            return signingInput + "." + b64.encodeToString(signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new ConnectorException("Signing the JWT failed: " + e.getMessage() + "; check auth.algorithm and the key.");
        }
    }

    /** Signs bytes. */
    @FunctionalInterface
    private interface Signer {
        byte[] sign(byte[] data) throws GeneralSecurityException;
    }

    private static Signer signer(ComponentConfig config, String algorithm) {
        String bits = algorithm.length() > 2 ? algorithm.substring(2) : "";
        if (algorithm.startsWith("HS")) {
            byte[] secret = config.requireString("secret").getBytes(StandardCharsets.UTF_8);
            String mac = "HmacSHA" + bits;
            return data -> {
                Mac m = Mac.getInstance(mac);
                m.init(new SecretKeySpec(secret, mac));
                return m.doFinal(data);
            };
        }
        if (algorithm.startsWith("RS")) {
            PrivateKey key = privateKey(config.requireString("private_key"));
            return data -> {
                Signature s = Signature.getInstance("SHA" + bits + "withRSA");
                s.initSign(key);
                s.update(data);
                return s.sign();
            };
        }
        throw new ConnectorException("auth.algorithm '" + algorithm + "' is not supported; use HS256, HS384, HS512, RS256, RS384 or RS512.");
    }

    private static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replace("\\n", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConnectorException("auth.private_key is not a PKCS#8 PEM RSA private key (BEGIN PRIVATE KEY).");
        }
    }
}
