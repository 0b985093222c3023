package kioskvote.record;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** One numbered check of `verify`: what it counted, and every failure (up to a cap) with where it was found. */
final class Step {
    static final int CAP = 20;

    private final String name;
    private String summary = "";
    private final List<String> failures = new ArrayList<>();
    private long more;

    Step(String name) {
        this.name = name;
    }

    Step summary(String text) {
        this.summary = text;
        return this;
    }

    /** A failure: what was expected, what was found, and where. */
    void fail(String text) {
        if (failures.size() < CAP) failures.add(text);
        else more++;
    }

    long failureCount() {
        return failures.size() + more;
    }

    boolean passed() {
        return failures.isEmpty();
    }

    String name() {
        return name;
    }

    void print(PrintStream out, int number, int of) {
        out.println("[" + number + "/" + of + "] " + name + ": " + summary + " — " + (passed() ? "pass" : "FAIL"));
        failures.forEach(f -> out.println("      ✗ " + f));
        if (more > 0) out.println("      … and " + more + " more");
    }
}
