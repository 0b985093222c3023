package kioskvote.config;

import java.util.Optional;

/** Optional settings of the station itself (the `station:` section of meeting.yaml). */
public record StationSettings(Optional<String> adminPassphrase, Optional<String> baseUrl, Optional<String> databaseUrl) {
    public static StationSettings none() {
        return new StationSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
