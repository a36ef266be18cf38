package dev.syncledger.app.notify;

import com.sun.net.httpserver.HttpServer;
import dev.syncledger.sink.notify.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on 127.0.0.1 that answers as scripted: the first {@code failures} requests get 500, the
 * request numbered {@code hangOn} gets no answer until the receiver closes, every other one 204. It keeps every
 * request it saw, with whether its signature verified.
 */
final class ScriptedReceiver implements AutoCloseable {

    record Received(String eventId, String idempotencyKey, String body, boolean verified, int answeredWith) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    ScriptedReceiver(WebhookSignature signature, int failures, int hangOn) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/hook", exchange -> {
            int number = requests.incrementAndGet();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            boolean verified = signature.verify(headers.getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    headers.getFirst(WebhookSignature.SIGNATURE_HEADER), body, Instant.now());
            if (number == hangOn) {
                try {
                    // Hangs: the notifier's timeout must give up on it, not wait.
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            int status = number <= failures ? 500 : 204;
            synchronized (received) {
                received.add(new Received(headers.getFirst(WebhookSignature.EVENT_ID_HEADER),
                        headers.getFirst(WebhookSignature.IDEMPOTENCY_HEADER), body, verified, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
