package kioskvote.e2e;

/**
 * A station serving HTTP in a process of its own ({@link StationProcess}), where a kill -9, a restart or the
 * command line is the point; the station of every other test comes from kioskvote/StationExtension. Tests talk to
 * it through {@link Api}.
 */
public interface RunningStation extends AutoCloseable {
    /** http://127.0.0.1:PORT, no trailing slash. */
    String url();

    /** The admin passphrase printed at the first start. */
    String passphrase();

    /** An API client signed in with the admin passphrase. */
    default Api api() {
        return new Api(url(), passphrase());
    }

    /** An API client without the passphrase, as a voter's phone. */
    default Api anonymousApi() {
        return new Api(url(), null);
    }
}
