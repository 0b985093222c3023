package kioskvote.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.javalin.http.Context;

import kioskvote.admin.AccessRefused;

/**
 * Where staff pages answer (docs/security.md, "The network"). By default only on the station laptop itself:
 * a request whose peer is a loopback address. The organiser's passphrase, the staff sessions, the desk's
 * roster answers and the committee's key cards then never cross the meeting's Wi-Fi. {@code serve --staff-lan}
 * lets staff devices on the network in as well, over HTTPS only (the meeting's certificate authority, tls/MeetingCa):
 * from another device, a staff request on the plain-HTTP port is refused before any secret in it is looked at.
 *
 * <p>The peer is the TCP connection's remote address as Jetty saw it, never a header a client can write
 * (X-Forwarded-For): the station is never behind a proxy.
 */
public record StaffNetwork(boolean lanAllowed) {
    /** The default: staff pages on the laptop only. */
    public static final StaffNetwork LAPTOP_ONLY = new StaffNetwork(false);

    /** True for the URLs that belong to staff, whatever their role says: the sign-in form is one of them. */
    static boolean isStaffPath(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/") || path.equals("/api/admin");
    }

    /** May a staff route answer a peer at this address? Loopback always; any other address only with --staff-lan, over HTTPS. */
    public boolean mayServe(String peerAddress, boolean overHttps) {
        return isLoopback(peerAddress) || lanAllowed && overHttps;
    }

    /** A literal IPv4 or IPv6 address (as Jetty reports it, IPv6 possibly in brackets) in 127/8 or ::1. */
    static boolean isLoopback(String peerAddress) {
        if (peerAddress == null || peerAddress.isEmpty()) return false;
        String literal = peerAddress.startsWith("[") && peerAddress.endsWith("]") ? peerAddress.substring(1, peerAddress.length() - 1) : peerAddress;
        // Only literals: getByName on a name would ask DNS, and a peer address is never a name.
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.%a-zA-Z]*:[0-9a-fA-F:.%a-zA-Z]*")) return false;
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Refuses a staff request from another device unless staff devices are allowed and it came over HTTPS. */
    void require(Context ctx) {
        // isSecure: the request came in on the HTTPS connector (web/HttpsConnector), never a header a client writes.
        if (!mayServe(ctx.req().getRemoteAddr(), ctx.req().isSecure())) throw lanAllowed ? AccessRefused.staffNeedsHttps() : AccessRefused.staffOnLaptop();
    }
}
