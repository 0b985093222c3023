package kioskvote.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The room's network as an eavesdropper has it: a forwarder between the browser and the station that keeps
 * every byte each way (what a holder of the Wi-Fi password or the access point's operator reads on plain
 * HTTP). {@link #cut} drops every connection and refuses new ones, as a Wi-Fi that went away.
 */
final class AirLog implements AutoCloseable {
    private final ServerSocket server;
    private final int stationPort;
    private final ByteArrayOutputStream up = new ByteArrayOutputStream();
    private final ByteArrayOutputStream down = new ByteArrayOutputStream();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<ByteArrayOutputStream> upPerConnection = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    AirLog(int stationPort) throws IOException {
        this.stationPort = stationPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptAll, "air-log");
        accept.setDaemon(true);
        accept.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Everything the browser sent. */
    String sent() {
        synchronized (up) {
            return up.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** What the browser sent, one string per connection (requests on one connection follow each other whole). */
    List<String> sentPerConnection() {
        return upPerConnection.stream().map(b -> {
            synchronized (b) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }).toList();
    }

    /** Everything the station answered. */
    String answered() {
        synchronized (down) {
            return down.toString(StandardCharsets.ISO_8859_1);
        }
    }

    void cut(boolean on) {
        cut = on;
        if (on) for (Socket s : open) closeQuietly(s);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket browser = server.accept();
                if (cut) {
                    closeQuietly(browser);
                    continue;
                }
                Socket station = new Socket(InetAddress.getLoopbackAddress(), stationPort);
                open.add(browser);
                open.add(station);
                ByteArrayOutputStream connection = new ByteArrayOutputStream();
                upPerConnection.add(connection);
                pump(browser, station, up, connection);
                pump(station, browser, down, new ByteArrayOutputStream());
            } catch (IOException e) {
                if (server.isClosed()) return;
            }
        }
    }

    private void pump(Socket from, Socket to, ByteArrayOutputStream log, ByteArrayOutputStream connection) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (log) {
                        log.write(buffer, 0, n);
                    }
                    synchronized (connection) {
                        connection.write(buffer, 0, n);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side closed: so does this one
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "air-log-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) closeQuietly(s);
    }
}
