package dev.syncledger.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A real HTTP server on 127.0.0.1 answering the two calls we use as the Confluent schema registry documents them:
 * ids are global and the same schema gets the same id under any subject, errors are
 * {@code {"error_code": N, "message": "..."}}, bodies are {@code application/vnd.schemaregistry.v1+json}.
 * It records every request so tests can count them.
 */
final class LocalSchemaRegistry implements AutoCloseable {

    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern SCHEMA_BY_ID = Pattern.compile("/schemas/ids/(-?\\d+)");
    private static final Set<String> ACCEPTED_CONTENT_TYPES = Set.of(
            "application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> idBySchema = new ConcurrentHashMap<>();
    private final Map<Integer, String[]> typeAndTextById = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile int failEverythingWithStatus;

    LocalSchemaRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests so far, as "METHOD /path". */
    List<String> requests() {
        return List.copyOf(requests);
    }

    long count(String request) {
        return requests.stream().filter(request::equals).count();
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
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(method + " " + path);
            if (failEverythingWithStatus != 0) {
                answer(exchange, failEverythingWithStatus, error(50001, "Error in the backend data store"));
                return;
            }
            Matcher register = REGISTER.matcher(path);
            Matcher byId = SCHEMA_BY_ID.matcher(path);
            if ("POST".equals(method) && register.matches()) {
                register(exchange);
            } else if ("GET".equals(method) && byId.matches()) {
                schemaById(exchange, Integer.parseInt(byId.group(1)));
            } else {
                answer(exchange, 404, error(404, "HTTP 404 Not Found"));
            }
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
            answer(exchange, 404, error(40403, "Schema " + id + " not found"));
        } else if ("AVRO".equals(typeAndText[0])) {
            // The registry leaves schemaType out for Avro, its default.
            answer(exchange, 200, JSON.writeValueAsString(Map.of("schema", typeAndText[1])));
        } else {
            answer(exchange, 200, JSON.writeValueAsString(Map.of("schemaType", typeAndText[0], "schema", typeAndText[1])));
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
