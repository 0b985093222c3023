package kioskvote.web;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import io.javalin.Javalin;

import kioskvote.tls.ServerIdentity;

/**
 * The station's second port: the same routes over HTTPS (docs/security.md, "The network"), with the station's
 * identity (the meeting CA's certificate, or the organisation's). Added before the server starts, so HttpServerLimits
 * applies its limits to it as to the plain port. Staff routes from another device answer only here (StaffNetwork).
 */
public final class HttpsConnector {
    private HttpsConnector() {
    }

    /**
     * Adds the plain-HTTP port and then the HTTPS port (0 picks a free one) to an app not yet started. Javalin adds its
     * own plain connector only to a server that has none, so the plain one is added here too, first: Javalin's
     * {@code port()} reports the first connector's.
     */
    public static void add(Javalin app, ServerIdentity identity, int plainPort, int port) {
        app.unsafeConfig().jetty.addConnector((server, plainConfig) -> {
            ServerConnector plain = new ServerConnector(server, new HttpConnectionFactory(plainConfig));
            plain.setPort(plainPort);
            return plain;
        });
        app.unsafeConfig().jetty.addConnector((server, plainConfig) -> {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(identity.keyStore());
            tls.setKeyStorePassword(new String(identity.password()));
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration config = new HttpConfiguration(plainConfig);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Devices reach the station by IP address, which TLS clients do not send as SNI: nothing to match.
            secure.setSniHostCheck(false);
            config.addCustomizer(secure);
            ServerConnector https = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(config));
            https.setPort(port);
            return https;
        });
    }

    /** The HTTPS port the server listens on, once started (for an app with a connector from {@link #add}). */
    public static int port(Javalin app) {
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof ServerConnector c && c.getConnectionFactory(SslConnectionFactory.class) != null) return c.getLocalPort();
        }
        throw new IllegalStateException("no HTTPS connector");
    }
}
