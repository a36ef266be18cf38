package dev.syncledger.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.syncledger.sink.notify.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's own webhook receiver on 127.0.0.1: it checks each delivery's signature as a real receiver would
 * (README, "Verifying a webhook") and prints the first few transitions it receives; the rest it counts. A demo
 * tool on the loopback interface, answering small requests, so the JDK's server with a small pool will do.
 */
final class DemoWebhookReceiver implements AutoCloseable {

    private static final int PRINTED = 10;
    private static final int MAX_BODY = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger verified = new AtomicInteger();

    DemoWebhookReceiver(WebhookSignature signature, PrintWriter out) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the demo's webhook receiver on 127.0.0.1", e);
        }
        server.setExecutor(threads);
        server.createContext("/webhook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            boolean genuine = signature.verify(headers.getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    headers.getFirst(WebhookSignature.SIGNATURE_HEADER), body, Instant.now());
            int number = received.incrementAndGet();
            if (genuine) {
                verified.incrementAndGet();
            }
            if (number <= PRINTED) {
                synchronized (out) {
                    out.println("webhook " + number + ": " + describe(body) + (genuine ? " (signature verified)" : " (SIGNATURE DID NOT VERIFY)"));
                    out.flush();
                }
            }
            exchange.sendResponseHeaders(genuine ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook");
    }

    int received() {
        return received.get();
    }

    int verified() {
        return verified.get();
    }

    private static String describe(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            JsonNode alert = json.path("alert");
            return json.path("type").asText() + " " + alert.path("kind").asText() + " on connector "
                    + alert.path("workspace_connector_id").asText();
        } catch (IOException e) {
            return "a body that is not JSON";
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
