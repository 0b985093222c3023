package kioskvote.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cap on the connections one network address may hold open at once. A phone opens a handful; one
 * machine opening hundreds is flooding the station, and its extra connections are closed as soon as
 * they are accepted, before a request is read. The laptop itself (127.0.0.1, ::1) is not capped: the
 * chair's screen and the admin pages run there, and must stay reachable whatever the room sends.
 */
final class ConnectionsPerAddress implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final int cap;
    private final Set<InetAddress> exempt;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** Each counted connection's address: a closed socket no longer tells its remote address. */
    private final ConcurrentHashMap<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int cap, Set<InetAddress> exempt) {
        if (cap < 1) throw new IllegalArgumentException("cap must be at least 1");
        this.cap = cap;
        this.exempt = Set.copyOf(exempt);
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = addressOf(connection.getEndPoint().getRemoteSocketAddress());
        if (address == null || exempt.contains(address)) return;
        counted.put(connection, address);
        int now = open.merge(address, 1, Integer::sum);
        if (now > cap) {
            if (now == cap + 1) LOG.warn("{} holds {} connections; further ones are closed at once", address.getHostAddress(), cap);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address == null) return;
        open.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }

    /** Connections now open from this address (for tests and logs). */
    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private static InetAddress addressOf(SocketAddress socket) {
        return socket instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
