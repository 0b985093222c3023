package kioskvote.web;

import java.net.Inet4Address;
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
        List<String> urls = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) continue;
                for (var address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        urls.add("http://" + address.getHostAddress() + ":" + port);
                    }
                }
            }
        } catch (SocketException e) {
            // No interface list: the station still runs on loopback; the caller prints that URL.
        }
        return urls;
    }
}
