package kioskvote;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that starts a separate JVM or OS process where the process is the point: a station killed and
 * restarted after the crash, its memory or its whole output read, a JVM option or umask it runs with, or the
 * command line and launcher themselves (an exit code). A clean restart, a full disk or a PostgreSQL outage
 * needs no process of the station's own: those tests run it in this JVM.
 * Left out of the quick run (README.md: `mvn -B test -Pquick`); `mvn -B verify` runs it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("process")
public @interface ProcessTest {
}
