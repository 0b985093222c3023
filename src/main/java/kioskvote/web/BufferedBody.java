package kioskvote.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** The request as the routes see it (RequestBodyGate): the body already read, served from memory. */
final class BufferedBody extends HttpServletRequestWrapper {
    private volatile byte[] body = new byte[0];

    /** Called once, by RequestBodyGate, when the whole body is in and accepted. */
    void setBody(byte[] bytes) {
        body = bytes;
    }

    BufferedBody(HttpServletRequest request) {
        super(request);
    }

    /** The request's body as read, or empty for a request the gate passed through unread. */
    static java.util.Optional<BufferedBody> of(jakarta.servlet.ServletRequest request) {
        for (var r = request; r != null; r = r instanceof jakarta.servlet.ServletRequestWrapper w ? w.getRequest() : null) {
            if (r instanceof BufferedBody body) return java.util.Optional.of(body);
        }
        return java.util.Optional.empty();
    }

    /** The body itself, not a copy: the key cards of the count are read from it and then {@link #wipe() wiped}. */
    byte[] bytes() {
        return body;
    }

    /** Zeroes the body (docs/security.md, "Memory"): a handler that read key cards from it calls this. */
    void wipe() {
        java.util.Arrays.fill(body, (byte) 0);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                try {
                    listener.onDataAvailable();
                    listener.onAllDataRead();
                } catch (IOException e) {
                    listener.onError(e);
                }
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
