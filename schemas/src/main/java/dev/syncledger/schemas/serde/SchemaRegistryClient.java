package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.text.OneLine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLHandshakeException;
import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/**
 * The calls of the Confluent schema registry REST API a serde needs: register a subject version and fetch a schema
 * by id (plus a reachability check for the start). Both answers never change for a given question, so they are
 * cached; ids the registry does not know are remembered for {@link SchemaRegistrySettings#missPeriod}, because they
 * come from record bytes anyone can write. Different ids are fetched concurrently, one request per id however many
 * threads ask. {@link #shared} gives one client per settings per process, so each schema is registered and each id
 * fetched once per process. Every message names the registry by its URL without user info.
 */
public final class SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    // What Confluent's own client sends: the registry may answer in any of these.
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int SCHEMA_NOT_FOUND = 40403;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<SchemaRegistrySettings, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private final SchemaRegistrySettings settings;
    private final URI url;
    private final String baseUrl;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final CappedCache<String, Integer> idBySubjectAndSchema;
    private final CappedCache<Integer, Schema> schemaById;
    private final RecentMisses misses;
    private final SharedFetches<Integer, Schema> schemaFetches = new SharedFetches<>();
    private final SharedFetches<String, Integer> registrations = new SharedFetches<>();

    public SchemaRegistryClient(URI url) {
        this(SchemaRegistrySettings.of(url));
    }

    /** Shorter timeouts are for tests that prove a silent registry cannot hang a caller. */
    public SchemaRegistryClient(URI url, Duration connectTimeout, Duration requestTimeout) {
        this(SchemaRegistrySettings.of(url).withTimeouts(connectTimeout, requestTimeout));
    }

    /** @throws IllegalArgumentException when the trust settings cannot be read, naming the setting */
    public SchemaRegistryClient(SchemaRegistrySettings settings) {
        this(settings, System::nanoTime);
    }

    /** @param nanoClock when misses expire; tests pass their own to step past the miss period */
    SchemaRegistryClient(SchemaRegistrySettings settings, LongSupplier nanoClock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.url = settings.url();
        this.baseUrl = url.toString().replaceAll("/+$", "");
        this.authorization = settings.credentials().map(BasicCredentials::header);
        this.idBySubjectAndSchema = new CappedCache<>(settings.cacheCapacity());
        this.schemaById = new CappedCache<>(settings.cacheCapacity());
        this.misses = new RecentMisses(settings.missPeriod(), settings.missCapacity(), nanoClock);
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // Plain HTTP/1.1: no h2c upgrade dance with registries or proxies that mishandle it.
                .version(HttpClient.Version.HTTP_1_1)
                // A redirect could carry the credentials to another host.
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.trust().ifPresent(trust -> builder.sslContext(trust.sslContext()));
        this.http = builder.build();
    }

    /** The process-wide client for a registry URL with the default settings. */
    public static SchemaRegistryClient shared(URI url) {
        return shared(SchemaRegistrySettings.of(url));
    }

    /** The process-wide client for these settings. */
    public static SchemaRegistryClient shared(SchemaRegistrySettings settings) {
        return SHARED.computeIfAbsent(settings, SchemaRegistryClient::new);
    }

    /** The registry's URL, without user info. */
    public URI url() {
        return url;
    }

    public SchemaRegistrySettings settings() {
        return settings;
    }

    /** Registers the schema under the subject (idempotent on the registry side) and returns its global id. */
    public int register(String subject, Schema schema) {
        String schemaJson = schema.toString();
        String cacheKey = subject + '\u0000' + schemaJson;
        Integer cached = idBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        try {
            return registrations.fetch(cacheKey, () -> {
                Integer raced = idBySubjectAndSchema.get(cacheKey);
                if (raced != null) {
                    return raced;
                }
                int id = postSubjectVersion(subject, schemaJson);
                // Whoever registered a schema can read records written with it without asking the registry again.
                schemaById.putIfAbsent(id, schema);
                return idBySubjectAndSchema.putIfAbsent(cacheKey, id);
            });
        } catch (UnresolvableSchemaIdException e) {
            throw new IllegalStateException("registering a schema resolves no id", e);
        }
    }

    /**
     * The Avro schema the registry holds under this id.
     *
     * @throws UnresolvableSchemaIdException when the registry has no Avro schema under the id (now, or when last asked
     *                                       within the miss period): records carrying it are undecodable
     * @throws SchemaRegistryException       when the registry cannot be used: the record may be fine
     */
    public Schema schemaById(int id) throws UnresolvableSchemaIdException {
        Schema cached = schemaById.get(id);
        if (cached != null) {
            return cached;
        }
        rejectRecentMiss(id);
        return schemaFetches.fetch(id, () -> {
            // Whoever fetched this id just before us left the schema or the miss behind.
            Schema raced = schemaById.get(id);
            if (raced != null) {
                return raced;
            }
            rejectRecentMiss(id);
            try {
                return schemaById.putIfAbsent(id, getSchemaById(id));
            } catch (UnresolvableSchemaIdException e) {
                misses.remember(id, e.getMessage());
                throw e;
            }
        });
    }

    /**
     * Asks the registry for its subjects once, with the configured credentials and trust, as a start-up check.
     *
     * @throws SchemaRegistryException in one line naming the setting to fix
     */
    public void checkReachable() {
        String path = "/subjects";
        HttpResponse<String> response = send(request(path).GET().build(), "GET " + path);
        if (response.statusCode() != 200) {
            throw answeredWithError("GET " + path, response, adviceFor(response.statusCode()));
        }
    }

    private void rejectRecentMiss(int id) throws UnresolvableSchemaIdException {
        Optional<String> reason = misses.reasonFor(id);
        if (reason.isPresent()) {
            throw new UnresolvableSchemaIdException(id, reason.get());
        }
    }

    private int postSubjectVersion(String subject, String schemaJson) {
        String path = "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20")
                + "/versions";
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("schema", schemaJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a registration request as JSON", e);
        }
        HttpRequest request = request(path)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, "POST " + path);
        if (response.statusCode() != 200) {
            throw answeredWithError("POST " + path, response, response.statusCode() == 409
                    ? "the schema is not compatible with the versions already registered under " + subject
                            + "; make the change backward compatible or change the subject's compatibility level"
                    : adviceFor(response.statusCode()));
        }
        JsonNode id = readJson("POST " + path, response).get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new SchemaRegistryException("schema registry at " + url + " answered POST " + path
                    + " without a numeric id; is " + url + " a Confluent-compatible schema registry?");
        }
        return id.intValue();
    }

    private Schema getSchemaById(int id) throws UnresolvableSchemaIdException {
        String path = "/schemas/ids/" + id;
        HttpResponse<String> response = send(request(path).GET().build(), "GET " + path);
        if (response.statusCode() == 404 && errorCode(response) == SCHEMA_NOT_FOUND) {
            throw new UnresolvableSchemaIdException(id,
                    "schema id " + id + " is not in the schema registry at " + url
                            + " (was the record written against another registry?)");
        }
        if (response.statusCode() != 200) {
            throw answeredWithError("GET " + path, response, adviceFor(response.statusCode()));
        }
        JsonNode answer = readJson("GET " + path, response);
        String schemaType = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(schemaType)) {
            throw new UnresolvableSchemaIdException(id,
                    "schema id " + id + " in the schema registry at " + url + " is a " + schemaType
                            + " schema, not Avro");
        }
        JsonNode schemaText = answer.get("schema");
        if (schemaText == null || !schemaText.isTextual()) {
            throw new SchemaRegistryException("schema registry at " + url + " answered GET " + path
                    + " without a schema; is " + url + " a Confluent-compatible schema registry?");
        }
        try {
            return new Schema.Parser().parse(schemaText.textValue());
        } catch (AvroRuntimeException e) {
            throw new UnresolvableSchemaIdException(id,
                    "schema id " + id + " in the schema registry at " + url + " is not a valid Avro schema: "
                            + OneLine.describe(e), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT);
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        // The request timeout of the JDK client ends when the headers arrive; waiting on the whole exchange bounds
        // a registry (or anything in between) that trickles its body too.
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, CappedBody.handler(settings.maxResponseBytes()));
        try {
            return exchange.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw notAnsweredInTime(what, e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while asking the schema registry at " + url + " " + what, e);
        } catch (ExecutionException e) {
            throw failed(what, e.getCause() == null ? e : e.getCause());
        }
    }

    private SchemaRegistryException notAnsweredInTime(String what, Exception e) {
        return new SchemaRegistryException("schema registry at " + url + " did not answer " + what + " within "
                + readable(settings.requestTimeout()) + "; check that the registry is healthy", e);
    }

    private SchemaRegistryException failed(String what, Throwable e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new SchemaRegistryException("schema registry at " + url + " did not accept a connection within "
                    + readable(settings.connectTimeout()) + " (" + what + "); check --schema-registry-url and the network", e);
        }
        if (e instanceof HttpTimeoutException timeout) {
            return notAnsweredInTime(what, timeout);
        }
        if (e instanceof CappedBody.TooLargeException) {
            return new SchemaRegistryException("schema registry at " + url + " answered " + what + " with more than "
                    + settings.maxResponseBytes() + " bytes; is " + url + " a Confluent-compatible schema registry?", e);
        }
        if (e instanceof SSLHandshakeException || e.getCause() instanceof SSLHandshakeException) {
            return new SchemaRegistryException("TLS handshake with the schema registry at " + url + " failed ("
                    + OneLine.describe(e) + "); check --schema-registry-truststore or --schema-registry-ca-file", e);
        }
        if (e instanceof ConnectException) {
            return new SchemaRegistryException("cannot reach the schema registry at " + url + " (" + whyUnreachable(e)
                    + "); check --schema-registry-url and that the registry is running", e);
        }
        return new SchemaRegistryException("schema registry at " + url + " could not be asked " + what + " ("
                + OneLine.describe(e) + "); check --schema-registry-url and that the registry is running", e);
    }

    private JsonNode readJson(String what, HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SchemaRegistryException("schema registry at " + url + " answered " + what
                    + " with a body that is not JSON; is " + url + " a Confluent-compatible schema registry?", e);
        }
    }

    private SchemaRegistryException answeredWithError(String what, HttpResponse<String> response, String advice) {
        String detail;
        try {
            JsonNode error = JSON.readTree(response.body());
            detail = error.has("error_code")
                    ? "error_code " + error.path("error_code").asText() + ": " + OneLine.of(error.path("message").asText())
                    : "no registry error body";
        } catch (JsonProcessingException e) {
            detail = "no registry error body";
        }
        // Credentials are refused by whatever stands in front of the registry too, often without a registry body.
        boolean aboutCredentials = response.statusCode() == 401 || response.statusCode() == 403;
        String hint = detail.equals("no registry error body") && !aboutCredentials
                ? "; is " + url + " a Confluent-compatible schema registry?"
                : "; " + advice;
        return new SchemaRegistryException("schema registry at " + url + " answered " + what + " with HTTP "
                + response.statusCode() + " (" + detail + ")" + hint);
    }

    private String adviceFor(int status) {
        return switch (status) {
            case 401 -> authorization.isPresent()
                    ? "the registry refused the credentials; check --schema-registry-credentials-file"
                            + " or SYNC_LEDGER_SCHEMA_REGISTRY_USER_INFO (user:password)"
                    : "the registry needs credentials; give --schema-registry-credentials-file"
                            + " or SYNC_LEDGER_SCHEMA_REGISTRY_USER_INFO (user:password)";
            case 403 -> "the registry's user " + settings.credentials().map(BasicCredentials::user).orElse("(anonymous)")
                    + " may not do this; grant it read and write on the subjects, or check --schema-registry-credentials-file";
            case 404 -> "check that --schema-registry-url points at the registry's API root";
            case 422 -> "the registry refused the schema as invalid";
            default -> "check the registry's logs";
        };
    }

    /** The JDK's HTTP client reports a refused connection as a bare ClosedChannelException: say what it means. */
    private static String whyUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClosedChannelException) {
                return "connection refused";
            }
        }
        return OneLine.describe(e);
    }

    private static String readable(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static int errorCode(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("error_code").asInt(-1);
        } catch (JsonProcessingException e) {
            return -1;
        }
    }
}
