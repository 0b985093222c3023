package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The route table is the one place that says who may call what: every route in it names its roles. */
class RoutesTest {
    private static final Pattern ROUTE = Pattern.compile("^\\s*app\\.(get|post|put|patch|delete|sse)\\(\"([^\"]+)\",.*\\);.*$");
    private static final Pattern ROLES = Pattern.compile("(ANYONE|VOTER|CHAIR_SCREEN|KIOSK|DESK_CLERK|CHAIR|ORGANISER)\\);");

    @Test
    void everyRouteInTheTableNamesTheRolesThatMayCallIt() throws IOException {
        List<String> routes = Files.readAllLines(Path.of("src/main/java/kioskvote/web/Routes.java")).stream()
                .filter(line -> ROUTE.matcher(line).matches()).toList();
        assertTrue(routes.size() > 40, "the table was found: " + routes.size() + " routes");
        List<String> withoutRole = routes.stream().filter(line -> !ROLES.matcher(line.replaceAll("//.*$", "").strip()).find()).toList();
        assertEquals(List.of(), withoutRole, "routes without a role");
    }

    @Test
    void staffRolesAreNeverPublic() {
        for (Role role : Role.values()) assertTrue(!(role.isPublic() && role.isStaff()), role.name());
    }
}
