package kioskvote.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses phones on the meeting-room network can reach this laptop at. */
public final class LanAddresses {
    private LanAddresses() {
    }

    /** Every non-loopback IPv4 address of an interface that is up, as http://ADDRESS:PORT. */
    public static List<String> urls(int port) {
        return addresses().stream().map(a -> "http://" + a.getHostAddress() + ":" + port).toList();
    }

    /** Every non-loopback IPv4 address of an interface that is up: what the meeting's certificate authority vouches for. */
    public static List<InetAddress> addresses() {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) continue;
                for (var address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) found.add(address);
                }
            }
        } catch (SocketException e) {
            // No interface list: the station still runs on loopback; the caller prints that URL.
        }
        return found;
    }

    /**
     * True when phones in the room cannot open the address the slips carry: the laptop itself (loopback),
     * any-address, or a link-local address (no DHCP). Looked at as text, no DNS.
     */
    public static boolean unreachableFromPhones(String baseUrl) {
        String host;
        try {
            host = java.net.URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (host == null) return true;
        host = host.toLowerCase(java.util.Locale.ROOT).replace("[", "").replace("]", "");
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("0.0.0.0") || host.equals("::") || host.startsWith("169.254.") || host.startsWith("fe80:");
    }
}
