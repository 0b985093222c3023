package kioskvote.web;

import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;

/**
 * Closes the connection of a request whose body was refused before it was read to its end (too large, too
 * slow). Jetty, after an answer with {@code Connection: close}, still reads and discards whatever the client
 * goes on sending until the client stops (so that closing does not reset the connection under the answer):
 * a 150 MB chunked body was read to its last byte after the 413. Here the answer goes out with a FIN at once
 * and the socket is closed shortly after, long enough for the client to receive the answer, too short for
 * more than a few megabytes to follow it.
 */
final class ConnectionCutter {
    /** Time for the answer to reach the client before the socket is closed. */
    static final long GRACE_MILLIS = 200;

    private ConnectionCutter() {
    }

    static void closeSoon(HttpServletRequest req) {
        Request base = Request.getBaseRequest(req);
        HttpChannel channel = base == null ? null : base.getHttpChannel();
        if (channel == null) return;
        EndPoint endPoint = channel.getEndPoint();
        try {
            endPoint.shutdownOutput(); // the answer was flushed: FIN after it
        } catch (RuntimeException alreadyClosed) {
            return;
        }
        channel.getConnector().getScheduler().schedule(endPoint::close, GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
