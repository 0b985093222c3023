package kioskvote.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WifiNetworkTest {
    @Test
    void aWpaNetworkIsTheStandardWifiQrText() {
        assertEquals("WIFI:T:WPA;S:PhongHop-A;P:hop2026an;;", new WifiNetwork("PhongHop-A", "hop2026an").qrText());
    }

    @Test
    void specialCharactersAreEscapedWithABackslash() {
        assertEquals("WIFI:T:WPA;S:Ph\\;ong\\:A;P:a\\\\b\\,c\\\"d;;", new WifiNetwork("Ph;ong:A", "a\\b,c\"d").qrText());
    }

    @Test
    void anOpenNetworkHasNoPassword() {
        assertEquals("WIFI:T:nopass;S:Khach;;", new WifiNetwork("Khach", "").qrText());
    }

    @Test
    void aNetworkHasAName() {
        assertThrows(IllegalArgumentException.class, () -> new WifiNetwork(" ", "12345678"));
    }
}
