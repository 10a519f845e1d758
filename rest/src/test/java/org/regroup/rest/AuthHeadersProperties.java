package org.regroup.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.regroup.rest.auth.AccountAdmin;
import org.regroup.store.Role;
import org.regroup.testing.FuzzTries;
import org.regroup.testing.Hostile;
import org.regroup.testing.RawHttp;

/**
 * The sign-in's headers and bodies, generated, against one real server (sign-in required, loopback names only):
 * {@code Authorization} values (garbage; the admin's token with a character changed, cut, padded, in another case,
 * 20,000 characters long; revoked tokens; other secrets), {@code Cookie} headers (the session cookie broken the same
 * ways, among many cookies, in malformed syntax), {@code X-CSRF-Token} on a session's changes, {@code Host} values,
 * and JSON bodies to sign-in, tokens, evidence and a day's input. Every answer is below 500, every refusal problem
 * details naming no class or stack frame; a request without the secret never reads data (401; 403 for a change
 * without the CSRF token; 400 for a header that is not HTTP), the exact credential always does, and the admin's token
 * and session keep working throughout (garbage locks nobody out). Headers the JDK's client will not send (control
 * characters, {@code Host}, duplicates of some) go over a raw socket. Seeds are fixed; {@code -Dregroup.fuzz.scale=N}
 * runs N times the tries ({@link FuzzTries}).
 */
@AddLifecycleHook(FuzzTries.class)
class AuthHeadersProperties {

    static final String SCHOOL = "fuzz";
    static final String DAY = "2026-11-23";
    static final String SCHOOL_PATH = "/api/schools/" + SCHOOL;
    static final String DAY_INPUT = SCHOOL_PATH + "/days/" + DAY + "/input";
    static final byte[] NO_ABSENCES = "{\"absentStudents\":[],\"absentStaff\":[],\"closedSpaces\":[]}".getBytes(UTF_8);
    static final String USERNAME = "fuzz-admin";
    static final String PASSWORD = "correct horse battery staple 15";
    static final ObjectMapper TREES = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    static RegroupServer server;
    static HttpClient http;
    static RawHttp raw;
    /** The district admin's API token; another of theirs, revoked; a browser session (cookie and CSRF token). */
    static String token;
    static String revoked;
    static String session;
    static String csrf;
    static List<String> students;
    static List<String> skills;
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final AtomicInteger TRIES = new AtomicInteger();

    @BeforeContainer
    static void start() throws IOException {
        server = Api.start(Api.settings(1, 1));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        raw = new RawHttp("127.0.0.1", server.uri().getPort(), Duration.ofSeconds(30));
        Api admin = new Api(server);
        token = admin.token();
        HttpResponse<String> school = admin.post(SCHOOL_PATH, Api.small());
        assertThat(school.statusCode()).as(school.body()).isEqualTo(201);

        HttpResponse<String> issued = admin.post("/api/tokens", "{\"name\":\"revoked\",\"days\":1}".getBytes(UTF_8));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        revoked = Api.json(issued).path("token").asText();
        HttpResponse<String> revoking = admin.delete("/api/tokens/" + Api.json(issued).path("id").asText());
        assertThat(revoking.statusCode()).as(revoking.body()).isEqualTo(204);

        new AccountAdmin(server.authenticator().accounts(), Clock.systemUTC()).create(USERNAME, PASSWORD,
                Role.DISTRICT_ADMIN, null, null, Set.of());
        HttpResponse<String> signedIn = new Api(server, null).post("/api/session", TREES.writeValueAsBytes(
                Map.of("username", USERNAME, "password", PASSWORD)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        Matcher cookie = Pattern.compile("regroup_session=([^;]+)")
                .matcher(signedIn.headers().firstValue("Set-Cookie").orElseThrow());
        assertThat(cookie.find()).isTrue();
        session = cookie.group(1);
        csrf = Api.json(signedIn).path("csrfToken").asText();
        assertThat(csrf).isNotBlank();

        JsonNode small = Api.smallTree();
        students = new ArrayList<>();
        small.path("students").forEach(s -> students.add(s.path("id").asText()));
        skills = new ArrayList<>();
        small.path("skills").forEach(s -> skills.add(s.path("id").asText()));
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Garbage locks nobody out: after each property the admin's token and session still read and change. */
    @AfterProperty
    void theRealCredentialsStillWork() {
        stillWorks();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Authorization
    // ---------------------------------------------------------------------------------------------------------------

    @Property(tries = 1200, seed = "15101")
    void aBearerTokenReadsOnlyWhenItIsTheToken(@ForAll("authorizations") List<String> values,
            @ForAll("protectedCalls") Call call) {
        Call sent = call.with(values.stream().map(v -> new Header("Authorization", v)).toList());
        Reply reply = send(sent);
        Statistics.collect(reply.status(), call.method());
        decided(reply, sent, values.size() == 1 && values.get(0).equals("Bearer " + token),
                credential(String.join(",", values), "bearer", token), Set.of(401));
        everySoOften();
    }

    @Provide
    Arbitrary<List<String>> authorizations() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "Bearer  ", "Bearer", "Bearer\t",
                " Bearer ", "Basic ", "Token ", "", "Bearer: ", "Bearer rg_", "Bearer Bearer ");
        Arbitrary<String> credential = Combinators.combine(scheme, variants(token)).as(String::concat);
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(8, credential),
                Tuple.of(1, Arbitraries.just("Basic " + Base64.getEncoder().encodeToString(
                        (USERNAME + ":" + PASSWORD).getBytes(UTF_8)))),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(60)),
                Tuple.of(2, Arbitraries.strings().ascii().ofMaxLength(60)));
        return Arbitraries.frequencyOf(
                Tuple.of(12, value.list().ofSize(1)),
                Tuple.of(1, value.list().ofSize(2)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cookie
    // ---------------------------------------------------------------------------------------------------------------

    @Property(tries = 1000, seed = "15102")
    void aSessionCookieReadsOnlyWhenItIsTheSession(@ForAll("cookieHeaders") String cookies,
            @ForAll("protectedCalls") Call call) {
        // a change made with the session sends its CSRF token, so that only the cookie decides
        List<Header> headers = new ArrayList<>(List.of(new Header("Cookie", cookies)));
        if (!call.safe()) {
            headers.add(new Header("X-CSRF-Token", csrf));
        }
        Call sent = call.with(headers);
        Reply reply = send(sent);
        Statistics.collect(reply.status(), call.method());
        // 400: a Cookie header that cannot be parsed at all
        decided(reply, sent, cookies.equals("regroup_session=" + session), cookies.contains(session), Set.of(401, 400));
        everySoOften();
    }

    @Provide
    Arbitrary<String> cookieHeaders() {
        Arbitrary<String> pair = Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(Arbitraries.strings().alpha().numeric().withChars("_-$").ofMinLength(1)
                        .ofMaxLength(12), Arbitraries.strings().ascii().ofMaxLength(20)).as((n, v) -> n + "=" + v)),
                Tuple.of(1, Arbitraries.of("$Version=1", "$Version=", "$Version=x", "a=; $Version=1", "$Path=/",
                        "regroup_session", "regroup_session=", "=", "=x",
                        ";", " ", "regroup_session=\"\"", "REGROUP_SESSION=" + session, "regroup_session=" + revoked,
                        "other=" + session, "regroup_session=\"" + session + "\"")));
        Arbitrary<String> ours = variants(session).map(v -> "regroup_session=" + v);
        Arbitrary<String> many = Combinators.combine(pair.list().ofMaxSize(60), ours.injectNull(0.5),
                Arbitraries.integers().between(0, 60), Arbitraries.of("; ", ";", ", ", " ; ", ";;"))
                .as((others, mine, at, separator) -> {
                    List<String> all = new ArrayList<>(others);
                    if (mine != null) {
                        all.add(Math.min(at, all.size()), mine);
                    }
                    return String.join(separator, all);
                });
        return Arbitraries.frequencyOf(
                Tuple.of(5, ours),
                Tuple.of(4, many),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(80)),
                Tuple.of(1, Arbitraries.integers().between(1_000, 20_000)
                        .map(n -> "regroup_session=" + "s".repeat(n))));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // X-CSRF-Token
    // ---------------------------------------------------------------------------------------------------------------

    @Property(tries = 600, seed = "15103")
    void aSessionChangesOnlyWithItsCsrfToken(@ForAll("csrfHeaders") List<String> values,
            @ForAll("changes") Call change) {
        List<Header> headers = new ArrayList<>(List.of(new Header("Cookie", "regroup_session=" + session)));
        values.forEach(v -> headers.add(new Header("X-CSRF-Token", v)));
        Call sent = change.with(headers);
        Reply reply = send(sent);
        Statistics.collect(reply.status(), values.size());
        decided(reply, sent, values.size() == 1 && values.get(0).equals(csrf), String.join(",", values).contains(csrf),
                Set.of(403));
        everySoOften();
    }

    @Provide
    Arbitrary<List<String>> csrfHeaders() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(6, variants(csrf)),
                Tuple.of(1, Arbitraries.of("", " ", "null", "undefined", session, token, "Bearer " + token)));
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.of())),
                Tuple.of(12, value.list().ofSize(1)),
                Tuple.of(1, value.list().ofSize(2)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Host
    // ---------------------------------------------------------------------------------------------------------------

    @Property(tries = 600, seed = "15104")
    void onlyTheServersNamesAreServed(@ForAll("hosts") List<String> hosts, @ForAll("protectedCalls") Call call) {
        // no Host header at all: answered as if it were the server's name (a browser always sends one)
        Call sent = call.with(hosts.stream().map(h -> new Header("Host", h)).toList())
                .with(List.of(new Header("Authorization", "Bearer " + token)));
        Reply reply = send(sent);
        boolean ours = hosts.size() == 1 && LOOPBACK.contains(name(hosts.get(0)));
        Statistics.collect(reply.status(), hosts.isEmpty() ? "no Host" : ours ? "our name" : "another name");
        if (hosts.size() == 1 && LOOPBACK.contains(hosts.get(0).toLowerCase(Locale.ROOT))) {
            assertThat(reply.status()).as("%s: %s", sent, reply).isBetween(200, 299);
        } else if (!hosts.isEmpty() && !ours) {
            problem(reply, sent.toString());
        } else {
            assertThat(reply.status()).as("%s: %s", sent, reply).isLessThan(500);
        }
        everySoOften();
    }

    /** The name a Host value gives (lower case, without a port of digits): the server may answer ours. */
    static String name(String host) {
        Matcher port = Pattern.compile("(.*?)(:[0-9]*)?").matcher(host.strip().toLowerCase(Locale.ROOT));
        return port.matches() ? port.group(1) : host;
    }

    @Provide
    Arbitrary<List<String>> hosts() {
        Arbitrary<String> port = Arbitraries.of("", ":", ":" + server.uri().getPort(), ":80", ":0", ":99999",
                ":65536", ":-1", ":abc", ": 80", "::", ":8080:8080");
        Arbitrary<String> names = Arbitraries.of("localhost", "127.0.0.1", "[::1]", "LOCALHOST", "LocalHost",
                "localhost.", "evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "localhost@evil.example",
                "evil.example@localhost", "[::1]x", "::1", "[::ffff:127.0.0.1]", "127.1", "0x7f.0.0.1", "2130706433",
                "0.0.0.0", "\u24dbocalhost", "local host", "localhost\u0000", "localhost,evil.example", "",
                " localhost", "*", "l".repeat(300));
        Arbitrary<String> host = Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(names, port).as(String::concat)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(30)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMaxLength(30)));
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(List.of())),
                Tuple.of(16, host.list().ofSize(1)),
                Tuple.of(1, host.list().ofSize(2)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bodies: sign-in, tokens, evidence, a day's input (without jqwik's edge cases, which would make most bodies the
    // same few: the generators give the extremes themselves)
    // ---------------------------------------------------------------------------------------------------------------

    @Property(tries = 700, seed = "15105", edgeCases = EdgeCasesMode.NONE)
    void signInWithGeneratedBodiesIsRefused(@ForAll("signInBodies") byte[] body,
            @ForAll("contentTypes") String contentType) {
        Reply reply = send(new Call("POST", "/api/session", List.of(), body, contentType));
        Statistics.collect(reply.status());
        // the right password is never sent: whatever the body, no session
        assertThat(reply.status()).as("%s: %s", describe(body), reply).isBetween(400, 499);
        problem(reply, "POST /api/session " + describe(body));
        assertThat(reply.header("set-cookie")).as("a refused sign-in sets a cookie: %s", reply).isNull();
    }

    @Provide
    Arbitrary<byte[]> signInBodies() {
        Arbitrary<JsonNode> username = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(USERNAME, USERNAME.toUpperCase(Locale.ROOT), " " + USERNAME, "admin",
                        "test-district-admin").map(NODES::textNode)),
                Tuple.of(3, hostileValue()));
        Arbitrary<JsonNode> password = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(PASSWORD + " ", PASSWORD.toUpperCase(Locale.ROOT), "", token, session)
                        .map(NODES::textNode)),
                Tuple.of(3, hostileValue()));
        return bodies(fields("username", username, "password", password));
    }

    @Property(tries = 500, seed = "15106", edgeCases = EdgeCasesMode.NONE)
    void tokensAreIssuedOnlyForAGoodRequest(@ForAll("tokenBodies") byte[] body) {
        Reply reply = send(new Call("POST", "/api/tokens", List.of(new Header("Authorization", "Bearer " + token)),
                body, "application/json"));
        Statistics.collect(reply.status());
        if (reply.status() == 201) {
            JsonNode issued = json(reply);
            assertThat(issued.path("name").asText()).as(reply.toString()).isNotBlank().hasSizeLessThanOrEqualTo(100);
            String secret = issued.path("token").asText();
            assertThat(secret).startsWith("rg_");
            Reply me = send(new Call("GET", "/api/session", List.of(new Header("Authorization", "Bearer " + secret)),
                    null, null));
            assertThat(me.status()).as("the new token: %s", me).isEqualTo(200);
        } else {
            assertThat(reply.status()).as("%s: %s", describe(body), reply).isBetween(400, 499);
            problem(reply, "POST /api/tokens " + describe(body));
        }
    }

    @Provide
    Arbitrary<byte[]> tokenBodies() {
        Arbitrary<JsonNode> name = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(120).map(NODES::textNode)),
                Tuple.of(2, hostileValue()));
        Arbitrary<JsonNode> days = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-2, 400).map(i -> (JsonNode) NODES.numberNode(i))),
                Tuple.of(2, hostileValue()));
        return bodies(fields("name", name, "days", days));
    }

    @Property(tries = 900, seed = "15107", edgeCases = EdgeCasesMode.NONE)
    void evidenceFromGeneratedBatchesIsTakenOrRefused(@ForAll("evidenceBodies") byte[] body,
            @ForAll("contentTypes") String contentType) {
        Reply reply = send(new Call("POST", SCHOOL_PATH + "/evidence",
                List.of(new Header("Authorization", "Bearer " + token)), body, contentType));
        Statistics.collect(reply.status(), firstError(reply));
        if (reply.status() != 200) {
            assertThat(reply.status()).as("%s: %s", describe(body), reply).isBetween(400, 499);
            problem(reply, "POST evidence " + describe(body));
        }
    }

    @Provide
    Arbitrary<byte[]> evidenceBodies() {
        Arbitrary<JsonNode> outcome = Arbitraries.oneOf(
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.objectNode().put("correct", b)),
                Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 20))
                        .as((score, items) -> (JsonNode) NODES.objectNode().put("score", score).put("items", items)));
        // the text the store keeps, in any characters: ids and sources the log must hold as sent
        Arbitrary<String> text = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40);
        Arbitrary<JsonNode> result = Combinators.combine(text, Arbitraries.of(students), Arbitraries.of(skills),
                outcome, Arbitraries.of("2026-11-23T10:15:00Z", "2026-11-22T09:00:00.5+01:00", "1900-01-01T00:00:00Z",
                        "2999-12-31T23:59:59-12:00"), text.injectNull(0.5))
                .as((eventId, student, skill, answer, observedAt, source) -> {
                    ObjectNode r = NODES.objectNode().put("eventId", eventId).put("studentId", student)
                            .put("skillId", skill).put("observedAt", observedAt);
                    r.setAll((ObjectNode) answer);
                    return source == null ? r : r.put("source", source);
                });
        Arbitrary<JsonNode> batch = corrupted(result, 3).list().ofMinSize(1).ofMaxSize(4)
                .map(results -> NODES.objectNode().set("results", array(results)));
        return bodies(corrupted(batch, 10));
    }

    @Provide
    Arbitrary<byte[]> dayInputBodies() {
        Arbitrary<JsonNode> input = Combinators.combine(ids(students),
                ids(List.of("T01", "T02", "A01", "SP01", "TU01")), ids(List.of("CR01", "CR02", "LAB01", "LIB01")))
                .as((absentStudents, absentStaff, closedSpaces) -> NODES.objectNode()
                        .<ObjectNode>set("absentStudents", absentStudents).<ObjectNode>set("absentStaff", absentStaff)
                        .set("closedSpaces", closedSpaces));
        return bodies(corrupted(input, 3));
    }

    /** Ids of the right kind, now and then one that is not (of another kind, unknown, any text). */
    static Arbitrary<JsonNode> ids(List<String> known) {
        Arbitrary<String> id = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(known)),
                Tuple.of(1, Arbitraries.of("S0001", "T01", "CR01", "nobody", "")), Tuple.of(1, Arbitraries.strings()
                        .all().ofMaxLength(70)));
        return id.list().ofMaxSize(3).map(l -> array(l.stream().map(v -> (JsonNode) NODES.textNode(v)).toList()));
    }

    @Property(tries = 900, seed = "15108", edgeCases = EdgeCasesMode.NONE)
    void aDaysInputFromGeneratedBodiesIsTakenOrRefused(@ForAll("dayInputBodies") byte[] body,
            @ForAll("dates") String date, @ForAll("contentTypes") String contentType) {
        Reply reply = send(new Call("PUT", SCHOOL_PATH + "/days/" + date + "/input",
                List.of(new Header("Authorization", "Bearer " + token)), body, contentType));
        Statistics.collect(reply.status(), firstError(reply));
        if (reply.status() != 200) {
            assertThat(reply.status()).as("%s on %s: %s", describe(body), date, reply).isBetween(400, 499);
            problem(reply, "PUT input " + date + " " + describe(body));
        }
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(DAY)),
                Tuple.of(1, Arbitraries.of("2026-11-24", "2026-02-30", "1899-12-31", "3000-01-01", "20261123",
                        "2026-11-23T00:00:00Z", "%ZZ", "-1", "+10000-01-01", "2026-13-01")));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=utf-8", "application/json; charset=latin1",
                        "APPLICATION/JSON", "text/plain", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/xml", "*/*", "application/json;;", "",
                        "application/problem+json", "text/plain; charset=utf-8")),
                Tuple.of(1, Arbitraries.just((String) null)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------------------------------

    /** A secret, and near misses of it: one character changed, cut, padded, spaced, recased, huge, other secrets. */
    static Arbitrary<String> variants(String secret) {
        int n = secret.length();
        Arbitrary<String> odd = Arbitraries.oneOf(Arbitraries.chars().alpha().numeric().map(String::valueOf),
                Arbitraries.of("-", "_", ".", "~", "+", "/", "=", " ", "\t", "\u0000", "\u00e9", "\u20ac", "\r\n",
                        ",", ";", "\""));
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(secret)),
                Tuple.of(5, Combinators.combine(Arbitraries.integers().between(0, n - 1), odd)
                        .as((i, c) -> secret.substring(0, i) + c + secret.substring(i + 1))),
                Tuple.of(2, Arbitraries.integers().between(0, n - 1).map(i -> secret.substring(0, i))),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, n), odd)
                        .as((i, c) -> secret.substring(0, i) + c + secret.substring(i))),
                Tuple.of(1, Arbitraries.of(secret.toUpperCase(Locale.ROOT), secret.toLowerCase(Locale.ROOT),
                        new StringBuilder(secret).reverse().toString(), secret + secret, " " + secret + " ",
                        "\"" + secret + "\"")),
                Tuple.of(1, Arbitraries.integers().between(200, 20_000).map(i -> secret + "x".repeat(i))),
                Tuple.of(2, Arbitraries.of(revoked, token, session, csrf, "rg_", "", "null", "undefined")),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').numeric().ofLength(43).map(s -> "rg_" + s)));
    }

    /** A JSON value wrong for most fields. */
    static Arbitrary<JsonNode> hostileValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))),
                Tuple.of(2, Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i))),
                Tuple.of(1, Arbitraries.of(NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(1e308),
                        NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(-0.5),
                        NODES.numberNode(java.math.BigInteger.TEN.pow(40)), NODES.numberNode(1.5))),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(20).map(NODES::textNode)),
                Tuple.of(1, Arbitraries.of("", " ", "x".repeat(129), "y".repeat(70_000), "\u0000\u001f", "NaN",
                        "2026-02-30", "+10000-01-01T00:00:00Z", "1e400").map(NODES::textNode)),
                Tuple.of(1, Arbitraries.of(NODES.arrayNode(), NODES.arrayNode().addNull(), NODES.objectNode(),
                        NODES.arrayNode().add("S0001").addNull())));
    }

    /** Objects with each of the fields present (as generated) or left out, now and then with an unknown one. */
    static Arbitrary<JsonNode> object(Map<String, Arbitrary<JsonNode>> fields) {
        List<Arbitrary<Map.Entry<String, JsonNode>>> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(Arbitraries.frequencyOf(
                Tuple.of(6, value), Tuple.of(2, hostileValue()), Tuple.of(1, Arbitraries.just(null)))
                .map(v -> v == null ? null : Map.entry(name, v))));
        parts.add(Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just((JsonNode) null)), Tuple.of(1, hostileValue()))
                .map(v -> v == null ? null : Map.entry("unknown", v)));
        return Combinators.combine(parts).as(entries -> {
            ObjectNode object = NODES.objectNode();
            entries.stream().filter(e -> e != null).forEach(e -> object.set(e.getKey(), e.getValue()));
            return object;
        });
    }

    /** As {@link #bodies(Arbitrary)}, of objects with these fields. */
    static Arbitrary<byte[]> bodies(Map<String, Arbitrary<JsonNode>> fields) {
        return bodies(object(fields));
    }

    /** A valid object, once in {@code every} changed in a field: a hostile value, left out, or one more field. */
    static Arbitrary<JsonNode> corrupted(Arbitrary<JsonNode> objects, int every) {
        // no edge cases for the choices: jqwik would pick 0 (a change) far more often than once in every
        return Combinators.combine(objects, Arbitraries.integers().between(0, 3 * every - 1).withoutEdgeCases(),
                Arbitraries.integers().between(0, 99).withoutEdgeCases(),
                hostileValue()).as((object, change, at, value) -> {
                    List<String> names = new ArrayList<>();
                    object.fieldNames().forEachRemaining(names::add);
                    if (change > 2 || names.isEmpty() || !(object instanceof ObjectNode generated)) {
                        return object;
                    }
                    ObjectNode o = generated.deepCopy(); // jqwik may hand the same value out again while shrinking
                    String name = names.get(at % names.size());
                    switch (change) {
                        case 0 -> o.set(name, value.deepCopy());
                        case 1 -> o.remove(name);
                        default -> o.set("unknown", value.deepCopy());
                    }
                    return o;
                });
    }

    /** A body: the value, or one of another kind, or text that is not JSON, or the value cut short. */
    static Arbitrary<byte[]> bodies(Arbitrary<JsonNode> values) {
        Arbitrary<byte[]> object = values.map(AuthHeadersProperties::write);
        return Arbitraries.frequencyOf(
                Tuple.of(10, object),
                Tuple.of(1, hostileValue().map(AuthHeadersProperties::write)),
                Tuple.of(1, Combinators.combine(object, Arbitraries.integers().between(0, 10_000))
                        .as((b, cut) -> java.util.Arrays.copyOf(b, cut % Math.max(1, b.length)))),
                Tuple.of(1, Arbitraries.of("", "{", "}", "{\"a\":}", "[", "nul", "{\"results\":[{},]}", "\u0000",
                        "{\"username\":\"a\",\"username\":\"b\",\"password\":\"c\"}", "{\"x\":1}{\"y\":2}")
                        .map(s -> s.getBytes(UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)));
    }

    /** Fields in the order given (not {@code Map.of}'s, which changes from run to run: the seed would not repeat). */
    @SuppressWarnings("unchecked")
    static Map<String, Arbitrary<JsonNode>> fields(Object... nameThenValue) {
        Map<String, Arbitrary<JsonNode>> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            fields.put((String) nameThenValue[i], (Arbitrary<JsonNode>) nameThenValue[i + 1]);
        }
        return fields;
    }

    static JsonNode array(List<JsonNode> values) {
        ArrayNode array = NODES.arrayNode();
        array.addAll(values);
        return array;
    }

    static byte[] write(JsonNode value) {
        try {
            return TREES.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Protected operations that read or change data, each with the body it needs. */
    @Provide
    Arbitrary<Call> protectedCalls() {
        return Arbitraries.of(
                new Call("GET", SCHOOL_PATH, List.of(), null, null),
                new Call("GET", "/api/schools", List.of(), null, null),
                new Call("GET", "/api/tokens", List.of(), null, null),
                new Call("GET", "/api/session", List.of(), null, null),
                new Call("GET", SCHOOL_PATH + "/students/S0001/profile", List.of(), null, null),
                new Call("GET", DAY_INPUT, List.of(), null, null),
                new Call("PUT", DAY_INPUT, List.of(), NO_ABSENCES, "application/json"));
    }

    /** Changes a session may make only with its CSRF token (repeatable, so that each try may succeed). */
    @Provide
    Arbitrary<Call> changes() {
        return Arbitraries.of(
                new Call("PUT", DAY_INPUT, List.of(), NO_ABSENCES, "application/json"),
                new Call("POST", SCHOOL_PATH + "/evidence", List.of(), write(NODES.objectNode().set("results",
                        NODES.arrayNode().add(NODES.objectNode().put("eventId", "csrf-1")
                                .put("studentId", students.get(0)).put("skillId", skills.get(0)).put("correct", true)
                                .put("observedAt", "2026-11-23T10:15:00Z")))), "application/json"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Sending and checking
    // ---------------------------------------------------------------------------------------------------------------

    record Header(String name, String value) {
    }

    /** A request: {@code contentType} null sends none. */
    record Call(String method, String path, List<Header> headers, byte[] body, String contentType) {
        Call with(List<Header> more) {
            List<Header> all = new ArrayList<>(headers);
            all.addAll(more);
            return new Call(method, path, all, body, contentType);
        }

        boolean safe() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path + " " + headers.stream().map(h -> h.name() + ": " + clip(h.value())).toList();
        }
    }

    record Reply(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            return status + " " + clip(body);
        }
    }

    /**
     * Sends with the JDK's client when it will (keep-alive, quick), else byte for byte over a socket: a {@code Host},
     * control characters, a header value it refuses.
     */
    static Reply send(Call call) {
        SENT.incrementAndGet();
        boolean host = call.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Host"));
        if (!host) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(call.path().substring(1)))
                        .timeout(Duration.ofSeconds(30));
                for (Header h : call.headers()) {
                    request.header(h.name(), h.value());
                }
                if (call.contentType() != null) {
                    request.header("Content-Type", call.contentType());
                }
                request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, List<String>> headers = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
                return new Reply(response.statusCode(), headers, response.body());
            } catch (IllegalArgumentException refusedByTheClient) {
                // a header the JDK will not send: over the socket
            } catch (IOException e) {
                throw new UncheckedIOException(call.toString(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try {
            RawHttp.Answer answer = raw.exchange(rawRequest(call), false);
            assertThat(answer).as("no answer to %s", call).isNotNull();
            return new Reply(answer.status(), answer.headers(), answer.text());
        } catch (IOException e) {
            throw new UncheckedIOException(call.toString(), e);
        }
    }

    static byte[] rawRequest(Call call) {
        StringBuilder head = new StringBuilder(call.method()).append(' ').append(call.path()).append(" HTTP/1.1\r\n");
        if (call.headers().stream().noneMatch(h -> h.name().equalsIgnoreCase("Host"))) {
            head.append("Host: 127.0.0.1:").append(server.uri().getPort()).append("\r\n");
        }
        head.append("Connection: close\r\n");
        for (Header h : call.headers()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (call.contentType() != null) {
            head.append("Content-Type: ").append(call.contentType()).append("\r\n");
        }
        byte[] body = call.body() == null ? new byte[0] : call.body();
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] start = head.toString().getBytes(UTF_8);
        byte[] all = java.util.Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    /**
     * Whether {@code header} is, but for the scheme's case and whitespace or control characters around, the scheme
     * and the secret: only such a header may be let in.
     */
    static boolean credential(String header, String scheme, String secret) {
        int at = header.indexOf(secret);
        return at >= 0 && header.substring(0, at).trim().equalsIgnoreCase(scheme)
                && header.substring(at + secret.length()).trim().isEmpty();
    }

    /**
     * The oracle: the exact credential is let in; a request without the secret is refused with one of {@code refusals}
     * (401, or 403 for a change without its CSRF token), as problem details; one that holds the secret but not exactly
     * may go either way. A request that is not well-formed HTTP (a control character in a header, where a line break
     * splits it) or whose headers are too long for the server may be refused for that instead, with any 4xx.
     */
    static void decided(Reply reply, Call sent, boolean exact, boolean holdsSecret, Set<Integer> refusals) {
        if (!wellFormed(sent)) {
            if (reply.status() >= 400 || !holdsSecret) {
                problem(reply, sent.toString());
            }
        } else if (exact) {
            assertThat(reply.status()).as("%s: %s", sent, reply).isBetween(200, 299);
        } else if (!holdsSecret) {
            assertThat(reply.status()).as("%s: %s", sent, reply).isIn(refusals);
            problem(reply, sent.toString());
            if (reply.status() == 401) {
                assertThat(reply.header("www-authenticate")).as("%s: %s", sent, reply).startsWith("Bearer");
            }
        } else if (reply.status() != 200 && reply.status() != 204) {
            assertThat(reply.status()).as("%s: %s", sent, reply).isIn(refusals);
            problem(reply, sent.toString());
        }
    }

    static boolean wellFormed(Call call) {
        int length = 0;
        for (Header h : call.headers()) {
            length += h.name().length() + h.value().length();
            if (h.value().chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                return false;
            }
        }
        return length < 4_000;
    }

    /** What every error is: below 500, problem details with title, status and detail, naming nothing internal. */
    static void problem(Reply reply, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply).isBetween(400, 499);
        assertThat(reply.header("content-type")).as("%s: %s", what, reply).startsWith(Api.PROBLEM_JSON);
        assertThat(Hostile.leak(reply.body())).as("%s: %s", what, reply).isNull();
        JsonNode problem = json(reply);
        assertThat(problem.path("status").asInt()).as("%s: %s", what, reply).isEqualTo(reply.status());
        assertThat(problem.path("title").asText()).as("%s: %s", what, reply).isNotBlank();
        assertThat(problem.path("detail").asText()).as("%s: %s", what, reply).isNotBlank();
    }

    static JsonNode json(Reply reply) {
        try {
            return TREES.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply, e);
        }
    }

    /** Every 50 tries, that the real credentials still work (so that a lockout shows near where it began). */
    static void everySoOften() {
        if (TRIES.incrementAndGet() % 50 == 0) {
            stillWorks();
        }
    }

    static void stillWorks() {
        Reply byToken = send(new Call("GET", SCHOOL_PATH, List.of(new Header("Authorization", "Bearer " + token)),
                null, null));
        assertThat(byToken.status()).as("the admin's token after %d requests: %s", SENT.get(), byToken)
                .isEqualTo(200);
        Reply bySession = send(new Call("PUT", DAY_INPUT, List.of(new Header("Cookie", "regroup_session=" + session),
                new Header("X-CSRF-Token", csrf)), NO_ABSENCES, "application/json"));
        assertThat(bySession.status()).as("the admin's session after %d requests: %s", SENT.get(), bySession)
                .isEqualTo(200);
    }

    /** For the statistics: where a refused body's first error is (indices left out), and what it starts with. */
    static String firstError(Reply reply) {
        if (reply.status() < 400 || !reply.body().startsWith("{")) {
            return "";
        }
        JsonNode first = json(reply).path("errors").path(0);
        String message = first.path("message").asText();
        return first.path("path").asText().replaceAll("\\[\\d+]", "[]") + " "
                + message.substring(0, Math.min(25, message.length())).replaceAll("'.*", "'…");
    }

    static String describe(byte[] body) {
        return body == null ? "no body" : clip(new String(body, UTF_8));
    }

    static String clip(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " characters)";
    }
}
