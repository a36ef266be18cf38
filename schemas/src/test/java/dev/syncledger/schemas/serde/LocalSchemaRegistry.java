package dev.syncledger.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP server on 127.0.0.1 answering the calls we use (and GET /subjects, the start-up check) as the Confluent schema registry documents them:
 * ids are global and the same schema gets the same id under any subject, errors are
 * {@code {"error_code": N, "message": "..."}}, bodies are {@code application/vnd.schemaregistry.v1+json}.
 * It records every request so tests can count them. It answers on several threads, as a real registry does, so a
 * slow answer to one client does not hold up another; over TLS it can require basic credentials, as a secured
 * registry does.
 */
final class LocalSchemaRegistry implements AutoCloseable {

    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern SCHEMA_BY_ID = Pattern.compile("/schemas/ids/(-?\\d+)");
    private static final Set<String> ACCEPTED_CONTENT_TYPES = Set.of(
            "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // The JDK server writes headers and body apart; without TCP_NODELAY each answer waits ~40 ms for a delayed
        // ACK. Read once, when the first server of the JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(16);
    private final String scheme;
    private final String expectedAuthorization;
    private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final Map<String, Integer> idBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, String[]> typeAndTextById = new ConcurrentHashMap<>();
    private final Set<String> subjects = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile int failEverythingWithStatus;
    private volatile Duration unknownIdDelay = Duration.ZERO;

    /** Plain http, no credentials needed. */
    LocalSchemaRegistry() throws IOException {
        this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http", null);
    }

    private LocalSchemaRegistry(HttpServer server, String scheme, String requiredUserInfo) {
        this.server = server;
        this.scheme = scheme;
        this.expectedAuthorization = requiredUserInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(requiredUserInfo.getBytes(StandardCharsets.UTF_8));
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** https with this server certificate, answering 401 to any request without these {@code user:password} credentials. */
    static LocalSchemaRegistry overTls(SSLContext serverContext, String requiredUserInfo) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        return new LocalSchemaRegistry(server, "https", requiredUserInfo);
    }

    URI url() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests so far, as "METHOD /path". */
    List<String> requests() {
        return List.copyOf(requests);
    }

    long count(String request) {
        return requests.stream().filter(request::equals).count();
    }

    /** Requests so far, by "METHOD /path". */
    Map<String, Long> countsByRequest() {
        return requests.stream().collect(Collectors.groupingBy(request -> request, Collectors.counting()));
    }

    /** The Authorization header of every request so far, "(none)" where there was none. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Requests being answered now. */
    int inProgress() {
        return inProgress.get();
    }

    /** From now on an id the registry does not know is answered after this long, as an overloaded backend does. */
    void delayUnknownIds(Duration delay) {
        unknownIdDelay = delay;
    }

    /** Stores a schema of another type, as a registry shared with Protobuf producers would hold. */
    int storeNonAvroSchema(String schemaType, String text) {
        int id = nextId.getAndIncrement();
        typeAndTextById.put(id, new String[] {schemaType, text});
        return id;
    }

    /** From now on every request gets this status with a registry error body, as a broken backend answers. */
    void failEverythingWith(int status) {
        failEverythingWithStatus = status;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        inProgress.incrementAndGet();
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(method + " " + path);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "(none)" : authorization);
            if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
                answer(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            if (failEverythingWithStatus != 0) {
                answer(exchange, failEverythingWithStatus, error(50001, "Error in the backend data store"));
                return;
            }
            Matcher register = REGISTER.matcher(path);
            Matcher byId = SCHEMA_BY_ID.matcher(path);
            if ("POST".equals(method) && register.matches()) {
                subjects.add(java.net.URLDecoder.decode(register.group(1), StandardCharsets.UTF_8));
                register(exchange);
            } else if ("GET".equals(method) && "/subjects".equals(path)) {
                answer(exchange, 200, JSON.writeValueAsString(subjects));
            } else if ("GET".equals(method) && byId.matches()) {
                schemaById(exchange, Integer.parseInt(byId.group(1)));
            } else {
                answer(exchange, 404, error(404, "HTTP 404 Not Found"));
            }
        } finally {
            inProgress.decrementAndGet();
        }
    }

    private void register(HttpExchange exchange) throws IOException {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!ACCEPTED_CONTENT_TYPES.contains(contentType.split(";")[0].trim())) {
            answer(exchange, 415, error(415, "HTTP 415 Unsupported Media Type"));
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String text = body.path("schema").asText(null);
        if (text == null) {
            answer(exchange, 422, error(422, "Unrecognized field or missing schema"));
            return;
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            answer(exchange, 422, error(42201, "Invalid schema " + e.getMessage()));
            return;
        }
        int id = idBySchema.computeIfAbsent(schema.toString(), canonical -> {
            int newId = nextId.getAndIncrement();
            typeAndTextById.put(newId, new String[] {"AVRO", text});
            return newId;
        });
        answer(exchange, 200, JSON.writeValueAsString(Map.of("id", id)));
    }

    private void schemaById(HttpExchange exchange, int id) throws IOException {
        String[] typeAndText = typeAndTextById.get(id);
        if (typeAndText == null) {
            pause(unknownIdDelay);
            answer(exchange, 404, error(40403, "Schema " + id + " not found"));
        } else if ("AVRO".equals(typeAndText[0])) {
            // The registry leaves schemaType out for Avro, its default.
            answer(exchange, 200, JSON.writeValueAsString(Map.of("schema", typeAndText[1])));
        } else {
            answer(exchange, 200, JSON.writeValueAsString(Map.of("schemaType", typeAndText[0], "schema", typeAndText[1])));
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String error(int code, String message) throws IOException {
        return JSON.writeValueAsString(Map.of("error_code", code, "message", message));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", SchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
