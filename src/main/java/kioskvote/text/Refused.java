package kioskvote.text;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The exception behind every refusal type (TokenRejected, BallotRejected, …): nothing was changed.
 * Its message is the code and values only, for logs; a value must never be a secret (a token is not).
 */
public abstract class Refused extends RuntimeException implements Refusal {
    private final Code reason;
    private final Map<String, Object> args;

    protected Refused(Code reason, Map<String, ?> args) {
        super(reason.code() + (args.isEmpty() ? "" : " " + args));
        if (!args.keySet().equals(Set.copyOf(reason.parameters()))) {
            throw new IllegalArgumentException(reason.code() + " takes " + reason.parameters() + ", not " + args.keySet());
        }
        this.reason = reason;
        this.args = Map.copyOf(args);
    }

    protected Refused(Code reason) {
        this(reason, Map.of());
    }

    @Override
    public final String code() {
        return reason.code();
    }

    @Override
    public final Map<String, Object> args() {
        return args;
    }

    /** The code as its type's enum constant; subclasses narrow it. */
    protected Code reason() {
        return Objects.requireNonNull(reason);
    }
}
