package kioskvote;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that drives the station's pages in a real headless Chromium (src/test/java/kioskvote/browser).
 * Left out of the quick run (README.md: `mvn -B test -Pquick`); `mvn -B verify` runs it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("browser")
public @interface BrowserTest {
}
