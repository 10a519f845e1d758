package org.regroup.rest.auth.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code serve --oidc FILE} file: a JSON list of identity providers, each checked here (every mistake reported
 * with the file and its JSON path), then discovered ({@link OidcProvider#discover}).
 *
 * <pre>
 * [{"id": "google", "issuer": "https://accounts.google.com", "clientId": "…",
 *   "clientSecretEnv": "REGROUP_OIDC_GOOGLE_SECRET", "allowedDomains": ["school.example"], "allowedTenants": [],
 *   "redirectUri": "https://regroup.school.example/api/session/oidc/google/callback"}]
 * </pre>
 */
public final class OidcConfig {

    /** The file is wrong, or a provider it names cannot be used: the message says where and why. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    static final Set<String> FIELDS = Set.of("id", "issuer", "clientId", "clientSecretEnv", "clientAuth",
            "allowedDomains", "allowedTenants", "redirectUri");
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+"
            + "[a-z]{2,63}");
    private static final Pattern TENANT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private OidcConfig() {
    }

    /** Reads and checks the file, then discovers every provider it names. */
    public static List<OidcProvider> load(Path file, Function<String, String> environment, HttpClient http) {
        List<OidcProvider> providers = new ArrayList<>();
        for (ProviderConfig config : read(file, environment)) {
            providers.add(OidcProvider.discover(config, http, file.toString()));
        }
        return providers;
    }

    /** The providers the file names; {@code environment} gives the client secrets (System::getenv). */
    public static List<ProviderConfig> read(Path file, Function<String, String> environment) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new Invalid(file + ": larger than 1 MiB; is it the right file?");
            }
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new Invalid(file + ": not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new Invalid(file + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        List<String> errors = new ArrayList<>();
        List<ProviderConfig> providers = new ArrayList<>();
        if (root == null || !root.isArray() || root.isEmpty()) {
            errors.add("$: expected a list of identity providers: [{\"id\": \"google\", \"issuer\": …}, …]");
        } else {
            Map<String, String> ids = new HashMap<>();
            for (int i = 0; i < root.size(); i++) {
                ProviderConfig p = provider(root.get(i), "$[" + i + "]", environment, errors);
                if (p != null) {
                    String before = ids.putIfAbsent(p.id(), p.where());
                    if (before != null) {
                        errors.add(p.where() + ".id: '" + p.id() + "' is already the id of " + before);
                    } else {
                        providers.add(p);
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new Invalid(file + ": " + (errors.size() == 1 ? errors.get(0)
                    : errors.size() + " errors:\n  " + String.join("\n  ", errors)));
        }
        return List.copyOf(providers);
    }

    /** One provider, or null with its errors added. */
    private static ProviderConfig provider(JsonNode node, String where, Function<String, String> environment,
            List<String> errors) {
        if (!node.isObject()) {
            errors.add(where + ": expected an object {\"id\": …, \"issuer\": …, \"clientId\": …, \"redirectUri\": …}");
            return null;
        }
        int before = errors.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(where + "." + name + ": unknown field (known: " + String.join(", ", new java.util.TreeSet<>(
                        FIELDS)) + ")");
            }
        }
        String id = text(node, where, "id", true, errors);
        if (id != null && !ID.matcher(id).matches()) {
            errors.add(where + ".id: 1 to 32 lower-case letters, digits, _ and -, starting with a letter or digit");
        }
        String issuer = text(node, where, "issuer", true, errors);
        if (issuer != null) {
            URI uri = url(issuer, where + ".issuer", errors);
            if (uri != null && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
                errors.add(where + ".issuer: an issuer has no query or fragment");
            }
        }
        String clientId = text(node, where, "clientId", true, errors);
        String secretEnv = text(node, where, "clientSecretEnv", false, errors);
        String secret = null;
        if (secretEnv != null) {
            if (!ENV.matcher(secretEnv).matches()) {
                errors.add(where + ".clientSecretEnv: the name of an environment variable (letters, digits, _)");
            } else {
                secret = environment.apply(secretEnv);
                if (secret == null || secret.isBlank()) {
                    errors.add(where + ".clientSecretEnv: the environment variable " + secretEnv
                            + " (the client secret) is not set");
                    secret = null;
                }
            }
        }
        ProviderConfig.ClientAuth clientAuth = null;
        String auth = text(node, where, "clientAuth", false, errors);
        if (auth != null) {
            if (auth.equals(ProviderConfig.ClientAuth.CLIENT_SECRET_BASIC.wire())) {
                clientAuth = ProviderConfig.ClientAuth.CLIENT_SECRET_BASIC;
            } else if (auth.equals(ProviderConfig.ClientAuth.CLIENT_SECRET_POST.wire())) {
                clientAuth = ProviderConfig.ClientAuth.CLIENT_SECRET_POST;
            } else {
                errors.add(where + ".clientAuth: client_secret_basic or client_secret_post");
            }
            if (secretEnv == null) {
                errors.add(where + ".clientAuth: needs a client secret (clientSecretEnv)");
            }
        }
        Set<String> domains = list(node, where, "allowedDomains", DOMAIN, "a domain name such as school.example",
                errors);
        Set<String> tenants = list(node, where, "allowedTenants", TENANT, "a tenant id such as "
                + "72f988bf-86f1-41af-91ab-2d7cd011db47", errors);
        URI redirect = null;
        String redirectText = text(node, where, "redirectUri", true, errors);
        if (redirectText != null) {
            redirect = url(redirectText, where + ".redirectUri", errors);
            String path = "/api/session/oidc/" + (id == null || !ID.matcher(id).matches() ? "{id}" : id)
                    + "/callback";
            if (redirect != null && (!path.equals(redirect.getPath()) || redirect.getRawQuery() != null
                    || redirect.getRawFragment() != null)) {
                errors.add(where + ".redirectUri: must be this server's address followed by " + path);
            }
        }
        if (issuer != null) {
            // Either provider signs in accounts of any organization (or none): without the allow-list anyone with
            // a Google or Microsoft account could pass the first check.
            String host = host(issuer);
            if (host.equals("accounts.google.com") && domains.isEmpty()) {
                errors.add(where + ".allowedDomains: Google signs in any Google account; name your school's Google "
                        + "Workspace domains");
            }
            if (host.equals("login.microsoftonline.com") && tenants.isEmpty()) {
                errors.add(where + ".allowedTenants: Microsoft signs in accounts of any organization; name your "
                        + "school's Entra tenant ids");
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new ProviderConfig(id, issuer, clientId, secretEnv, secret, clientAuth, domains, tenants, redirect,
                where);
    }

    private static String text(JsonNode node, String where, String field, boolean required, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(where + "." + field + ": missing");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(where + "." + field + ": expected a non-empty string");
            return null;
        }
        if (value.asText().length() > 2000) {
            errors.add(where + "." + field + ": longer than 2000 characters");
            return null;
        }
        return value.asText().trim();
    }

    private static Set<String> list(JsonNode node, String where, String field, Pattern valid, String what,
            List<String> errors) {
        JsonNode value = node.get(field);
        Set<String> values = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (!value.isArray()) {
            errors.add(where + "." + field + ": expected a list of strings");
            return values;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String text = item.isTextual() ? item.asText().trim().toLowerCase(Locale.ROOT) : null;
            if (text == null || !valid.matcher(text).matches()) {
                errors.add(where + "." + field + "[" + i + "]: expected " + what);
            } else {
                values.add(text);
            }
        }
        return values;
    }

    /** An absolute https URL (http only to this machine, for tests and trials), or null with an error. */
    static URI url(String text, String where, List<String> errors) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            errors.add(where + ": not a URL");
            return null;
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            errors.add(where + ": expected an absolute URL (https://…)");
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback(uri))) {
            errors.add(where + ": must be https (http only to this machine)");
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            errors.add(where + ": a URL with a user name or password");
            return null;
        }
        return uri;
    }

    static boolean loopback(URI uri) {
        return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    private static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
