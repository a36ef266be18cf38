package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.text.OneLine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The two calls of the Confluent schema registry REST API a serde needs: register a subject version and fetch a
 * schema by id. Both answers never change for a given question, so they are cached for the life of the client;
 * {@link #shared(URI)} gives one client per registry URL per process, so each schema is registered and each id
 * fetched once per process.
 */
public final class SchemaRegistryClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    // What Confluent's own client sends: the registry may answer in any of these.
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final int SCHEMA_NOT_FOUND = 40403;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<URI, SchemaRegistryClient> SHARED_BY_URL = new ConcurrentHashMap<>();

    private final URI url;
    private final String baseUrl;
    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Map<String, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();
    // Held across the HTTP call on a cache miss so that concurrent first uses make one request, not one per thread.
    private final Object missLock = new Object();

    public SchemaRegistryClient(URI url) {
        this(url, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    /** Shorter timeouts are for tests that prove a silent registry cannot hang a caller. */
    public SchemaRegistryClient(URI url, Duration connectTimeout, Duration requestTimeout) {
        this.url = Objects.requireNonNull(url, "url");
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "schema registry URL " + url + " is not absolute; give it as http://host:port");
        }
        this.baseUrl = url.toString().replaceAll("/+$", "");
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // Plain HTTP/1.1: no h2c upgrade dance with registries or proxies that mishandle it.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The process-wide client for a registry URL. */
    public static SchemaRegistryClient shared(URI url) {
        return SHARED_BY_URL.computeIfAbsent(url, SchemaRegistryClient::new);
    }

    public URI url() {
        return url;
    }

    /** Registers the schema under the subject (idempotent on the registry side) and returns its global id. */
    public int register(String subject, Schema schema) {
        String schemaJson = schema.toString();
        String cacheKey = subject + '\u0000' + schemaJson;
        Integer cached = idBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        synchronized (missLock) {
            cached = idBySubjectAndSchema.get(cacheKey);
            if (cached != null) {
                return cached;
            }
            int id = postSubjectVersion(subject, schemaJson);
            // Whoever registered a schema can read records written with it without asking the registry again.
            schemaById.putIfAbsent(id, schema);
            idBySubjectAndSchema.put(cacheKey, id);
            return id;
        }
    }

    /** The Avro schema the registry holds under this id. */
    public Schema schemaById(int id) throws UnresolvableSchemaIdException {
        Schema cached = schemaById.get(id);
        if (cached != null) {
            return cached;
        }
        synchronized (missLock) {
            cached = schemaById.get(id);
            if (cached != null) {
                return cached;
            }
            Schema fetched = getSchemaById(id);
            schemaById.put(id, fetched);
            return fetched;
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
        } catch (SchemaParseException e) {
            throw new UnresolvableSchemaIdException(id,
                    "schema id " + id + " in the schema registry at " + url + " is not a valid Avro schema: "
                            + OneLine.describe(e), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new SchemaRegistryException("schema registry at " + url + " did not accept a connection within "
                    + readable(connectTimeout) + " (" + what + "); check --schema-registry-url and the network", e);
        } catch (HttpTimeoutException e) {
            throw new SchemaRegistryException("schema registry at " + url + " did not answer " + what + " within "
                    + readable(requestTimeout) + "; check that the registry is healthy", e);
        } catch (ConnectException e) {
            throw new SchemaRegistryException("schema registry at " + url + " is unreachable (" + OneLine.describe(e)
                    + "); check --schema-registry-url and that the registry is running", e);
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry at " + url + " could not be asked " + what + " ("
                    + OneLine.describe(e) + "); check --schema-registry-url and that the registry is running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while asking the schema registry at " + url + " " + what, e);
        }
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
        String hint = detail.equals("no registry error body")
                ? "; is " + url + " a Confluent-compatible schema registry?"
                : "; " + advice;
        return new SchemaRegistryException("schema registry at " + url + " answered " + what + " with HTTP "
                + response.statusCode() + " (" + detail + ")" + hint);
    }

    private static String adviceFor(int status) {
        return switch (status) {
            case 401, 403 -> "this client sends no credentials; use a registry URL that needs none";
            case 404 -> "check that --schema-registry-url points at the registry's API root";
            case 422 -> "the registry refused the schema as invalid";
            default -> "check the registry's logs";
        };
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
