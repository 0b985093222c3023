package kioskvote;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that starts a separate JVM or OS process: a station killed, restarted after a crash, short of disk
 * or out of its database, or the command line and launcher themselves.
 * Left out of the quick run (README.md: `mvn -B test -Pquick`); `mvn -B verify` runs it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("process")
public @interface ProcessTest {
}
