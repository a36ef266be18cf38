package dev.syncledger.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, for outage tests: {@link #cut()} closes every open
 * connection and, until {@link #restore()}, closes each new one as soon as it is accepted, as a network
 * failure would. {@link #stall()} is the hung server instead: connections, open and new, stay open but nothing
 * crosses them until {@link #restore()}, which then delivers what was held, as a healed partition would. The
 * listener keeps its port through the outage: a port released mid-test can be bound by another process (another
 * test JVM's broker or proxy), and clients would then reach that instead.
 */
public final class CuttableTcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private volatile boolean stalled;

    private CuttableTcpProxy(String targetHost, int targetPort, ServerSocket listener) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = listener;
        accept();
    }

    public static CuttableTcpProxy to(String targetHost, int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new CuttableTcpProxy(targetHost, targetPort, listener);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public synchronized void cut() {
        cut = true;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    public synchronized void stall() {
        stalled = true;
    }

    public synchronized void restore() {
        cut = false;
        stalled = false;
        notifyAll();
    }

    @Override
    public void close() throws IOException {
        cut();
        synchronized (this) {
            stalled = false;
            notifyAll();
        }
        listener.close();
    }

    /** Holds a copier while the proxy is stalled; what it read is written once the stall ends. */
    private synchronized void awaitFlowing() throws IOException {
        while (stalled) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stalled", e);
            }
        }
    }

    private void accept() {
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    return; // closed by close()
                }
                connect(client);
            }
        }, "tcp-proxy-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private synchronized void connect(Socket client) {
        if (cut) {
            closeQuietly(client);
            return;
        }
        try {
            Socket upstream = new Socket(targetHost, targetPort);
            sockets.add(client);
            sockets.add(upstream);
            copy(client, upstream);
            copy(upstream, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void copy(Socket from, Socket to) {
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    awaitFlowing();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close the other below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-copy-" + port());
        copier.setDaemon(true);
        copier.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
