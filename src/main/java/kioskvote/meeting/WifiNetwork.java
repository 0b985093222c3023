package kioskvote.meeting;

import java.util.Objects;

/**
 * The meeting room's Wi-Fi (meeting.yaml {@code station: wifi: {name, password}}), printed on every slip and
 * shown on the chair's screen as the standard Wi-Fi QR code that phone cameras offer to join.
 */
public record WifiNetwork(String name, String password) {
    public WifiNetwork {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        if (name.isBlank()) throw new IllegalArgumentException("a Wi-Fi network has a name");
    }

    /** {@code WIFI:T:WPA;S:name;P:password;;} with \ ; , : " escaped; an open network ({@code T:nopass}) has no password. */
    public String qrText() {
        return password.isEmpty()
                ? "WIFI:T:nopass;S:" + escape(name) + ";;"
                : "WIFI:T:WPA;S:" + escape(name) + ";P:" + escape(password) + ";;";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == ';' || c == ',' || c == ':' || c == '"') out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
