package kioskvote.config;

import java.util.Optional;

import kioskvote.meeting.WifiNetwork;

/** Optional settings of the station itself (the `station:` section of meeting.yaml). */
public record StationSettings(Optional<String> adminPassphrase, Optional<String> baseUrl, Optional<String> databaseUrl,
                              Optional<WifiNetwork> wifi) {
    public StationSettings(Optional<String> adminPassphrase, Optional<String> baseUrl, Optional<String> databaseUrl) {
        this(adminPassphrase, baseUrl, databaseUrl, Optional.empty());
    }

    public static StationSettings none() {
        return new StationSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
