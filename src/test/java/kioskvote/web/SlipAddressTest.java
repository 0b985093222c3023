package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlipAddressTest {
    @Test
    void theLaptopItselfAndLinkLocalAddressesAreUnreachableFromPhones() {
        for (String url : new String[] {"http://127.0.0.1:7070", "http://localhost:7070", "http://[::1]:7070", "http://0.0.0.0:7070",
                "http://169.254.10.2:7070", "not a url"}) {
            assertTrue(LanAddresses.unreachableFromPhones(url), url);
        }
    }

    @Test
    void aLanAddressOrANameIsReachable() {
        for (String url : new String[] {"http://192.168.1.10:7070", "http://10.0.0.5:7070", "http://phonghop.local:7070"}) {
            assertFalse(LanAddresses.unreachableFromPhones(url), url);
        }
    }
}
