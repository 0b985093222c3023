package kioskvote.config;

import java.util.Optional;

import kioskvote.meeting.DeviceSealingRule;
import kioskvote.meeting.WifiNetwork;

/**
 * Optional settings of the station itself (the `station:` section of meeting.yaml).
 *
 * @param deviceSealing {@code device_sealing: preferred} (the default) or {@code required} (DeviceSealingRule)
 */
public record StationSettings(Optional<String> adminPassphrase, Optional<String> baseUrl, Optional<String> databaseUrl,
                              Optional<WifiNetwork> wifi, DeviceSealingRule deviceSealing) {
    public StationSettings(Optional<String> adminPassphrase, Optional<String> baseUrl, Optional<String> databaseUrl) {
        this(adminPassphrase, baseUrl, databaseUrl, Optional.empty());
    }

    public StationSettings(Optional<String> adminPassphrase, Optional<String> baseUrl, Optional<String> databaseUrl,
                           Optional<WifiNetwork> wifi) {
        this(adminPassphrase, baseUrl, databaseUrl, wifi, DeviceSealingRule.PREFERRED);
    }

    public static StationSettings none() {
        return new StationSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
