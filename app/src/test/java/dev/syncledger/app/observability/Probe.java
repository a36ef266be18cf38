package dev.syncledger.app.observability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests as a load balancer's or kubelet's probe makes them: a new connection each, {@code Connection: close},
 * timed from the connect to the last byte. Also the slow clients that hold a connection with half a request line.
 */
final class Probe {

    private Probe() {}

    record Answer(int status, String body, Duration took) {}

    static Answer get(URI base, String path) {
        long start = System.nanoTime();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, response.substring(response.indexOf("\r\n\r\n") + 4), took);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The slowest of {@code samples} answers, after {@code warmUps} untimed ones so that the JIT and Jetty's pool
     * are warm and the number measures the endpoint, not the first call. Every timed answer must have {@code status}.
     */
    static Duration slowest(URI base, String path, int status, int warmUps, int samples) {
        for (int i = 0; i < warmUps; i++) {
            get(base, path);
        }
        Duration slowest = Duration.ZERO;
        for (int i = 0; i < samples; i++) {
            Answer answer = get(base, path);
            if (answer.status() != status) {
                throw new AssertionError(path + " answered " + answer.status() + ": " + answer.body());
            }
            slowest = answer.took().compareTo(slowest) > 0 ? answer.took() : slowest;
        }
        return slowest;
    }

    /** Clients that send half a request line and wait; close them to let go. */
    static List<Socket> slowClients(URI base, int count) throws IOException {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket(base.getHost(), base.getPort());
            socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            slow.add(socket);
        }
        return slow;
    }

    static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
