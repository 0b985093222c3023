package kioskvote.web;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;

/**
 * Closes the connection of a request whose body was refused before it was read to its end (too large, too
 * slow). Jetty, after an answer with {@code Connection: close}, still reads and discards whatever the client
 * goes on sending until the client stops, so that closing does not reset the connection under the answer: a
 * 150 MB chunked body was read to its last byte after the 413. Here the socket is closed as soon as the answer
 * is flushed: the client's kernel has the answer or receives it before the reset, and what it sent meanwhile
 * stops at the two sockets' buffers (ChunkedBodyCutOffTest). Only a client sending more than the limit is cut
 * this way; a phone's bodies are a few kilobytes.
 */
final class ConnectionCutter {
    private ConnectionCutter() {
    }

    static void closeSoon(HttpServletRequest req) {
        Request base = Request.getBaseRequest(req);
        HttpChannel channel = base == null ? null : base.getHttpChannel();
        if (channel == null) return;
        EndPoint endPoint = channel.getEndPoint();
        try {
            endPoint.shutdownOutput(); // the answer was flushed: FIN after it
        } finally {
            endPoint.close();
        }
    }
}
