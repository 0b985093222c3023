package kioskvote.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 written by hand on a socket, for requests no well-behaved client sends (slow, huge, malformed). */
final class RawHttp {
    record Answer(int status, String head, String body) {
    }

    private RawHttp() {
    }

    /** A socket to the station from the given loopback address (127.0.0.1, 127.0.0.2, …: all this machine). */
    static Socket connect(String stationUrl, String fromAddress) throws IOException {
        URI uri = URI.create(stationUrl);
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(fromAddress, 0));
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    static String head(String method, String path, String stationUrl, String... headers) {
        URI uri = URI.create(stationUrl);
        StringBuilder out = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n");
        for (String h : headers) out.append(h).append("\r\n");
        return out.append("\r\n").toString();
    }

    /** Sends a whole request in one write and reads the answer. */
    static Answer exchange(String stationUrl, String head, byte[] body) throws IOException {
        try (Socket socket = connect(stationUrl, "127.0.0.1")) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    /** Reads one answer (status line, headers, body by Content-Length or to the end). */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("connection closed before an answer; got: " + head);
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : (b == '\r' ? 1 : 0);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(headText.substring(9, 12));
        int length = -1;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).strip());
        }
        byte[] body = length >= 0 ? in.readNBytes(length) : new byte[0];
        return new Answer(status, headText, new String(body, StandardCharsets.UTF_8));
    }
}
