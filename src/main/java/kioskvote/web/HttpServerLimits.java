package kioskvote.web;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Set;

import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.component.LifeCycle;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import jakarta.servlet.DispatcherType;

/**
 * What the station accepts from the network, so that no client, however slow, large or numerous its
 * requests, can stop the vote (docs/api.md, "Limits"). Applied by one call in Routes.create.
 */
public final class HttpServerLimits {
    /** A ballot, a form or a roster file; JsonBody applies the same limit. */
    public static final int MAX_BODY_BYTES = JsonBody.MAX_BYTES;
    /** The whole body must arrive within this time of the request: a minimum data rate of 6.4 KB/s for the largest body. */
    public static final long BODY_DEADLINE_MS = 10_000;
    /**
     * Connections the kernel holds before the station accepts them. Jetty's default (50) reset 5-22 of 200
     * phones connecting at once on a busy laptop; a room pressing "cast" together needs more.
     */
    public static final int ACCEPT_QUEUE = 1024;
    /** Connections one address may hold open; a browser opens at most six to one host. */
    public static final int CONNECTIONS_PER_ADDRESS = 32;
    /**
     * Jetty's per-connection cache of header lines (1,024 by default) is a 96 KB table on every connection that has
     * sent a request: 256 phones held 25 MB of the station's 112 MB heap in them, and each new connection allocated
     * one, which drove the collector into full collections during casting (docs/performance.md). A phone sends a
     * handful of requests per connection; parsing its few headers afresh costs less than the table.
     */
    static final int HEADER_CACHE_ENTRIES = 0;
    /**
     * A response's buffer, held by a live screen for as long as it listens (its answer never ends): Jetty's 32 KB
     * default made 500 screens hold 16 MB of native memory. Larger answers (pages, slip sheets) go out in pieces.
     */
    static final int OUTPUT_BUFFER_BYTES = 8 * 1024;
    /** A kiosk's photo of a slip, sent as multipart (read by the photo handler only, after the enrolment check). */
    public static final long MAX_PHOTO_BYTES = 16L * 1024 * 1024;

    private HttpServerLimits() {
    }

    public static void apply(JavalinConfig config) {
        Set<InetAddress> laptop = Set.of(InetAddress.getLoopbackAddress(), loopbackV6());
        ConnectionsPerAddress perAddress = new ConnectionsPerAddress(CONNECTIONS_PER_ADDRESS, laptop);
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.jetty.multipartConfig.maxFileSize(MAX_PHOTO_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_PHOTO_BYTES + 64 * 1024, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        config.jetty.modifyServletContextHandler(context -> context.addFilter(
                new FilterHolder(new RequestBodyGate(MAX_BODY_BYTES, BODY_DEADLINE_MS)), "/*", EnumSet.of(DispatcherType.REQUEST)));
        config.jetty.modifyServer(server -> server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) { // Javalin adds its connector just before starting the server
                for (var connector : server.getConnectors()) {
                    if (connector instanceof ServerConnector http) {
                        http.setAcceptQueueSize(ACCEPT_QUEUE);
                        http.addBean(perAddress);
                        var plain = http.getConnectionFactory(HttpConnectionFactory.class);
                        if (plain != null) {
                            plain.getHttpConfiguration().setHeaderCacheSize(HEADER_CACHE_ENTRIES);
                            plain.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
                        }
                    }
                }
            }
        }));
    }

    private static InetAddress loopbackV6() {
        try {
            return InetAddress.getByName("::1");
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
