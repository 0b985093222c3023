package kioskvote.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.javalin.Javalin;

import kioskvote.StationExtension;

/**
 * The route table is the one place that says who may call what, and access refuses by default: a route
 * registered without a role stops the station at start, a request that reaches one anyway is refused, and a
 * HEAD request is let through only as the GET of the same path would be.
 */
class RoutesTest {
    @RegisterExtension
    final StationExtension station = StationExtension.inProcess().startedByTheTest();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aStationWhoseTableHasARouteWithoutARoleRefusesToStartAndNamesIt() {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        var table = new RouteTable(app);
        table.refuseToStartWithARouteWithoutRole(app);
        app.get("/", ctx -> ctx.result("home"), Role.ANYONE);
        app.get("/api/admin/forgotten", ctx -> ctx.result("every ballot"));
        app.post("/admin/forgotten", ctx -> ctx.result("done"));
        assertEquals(List.of("GET /api/admin/forgotten", "POST /admin/forgotten"), table.routesWithoutRole());

        Exception refused = assertThrows(Exception.class, () -> app.start("127.0.0.1", 0));
        String message = causes(refused);
        assertTrue(message.contains("every route in web/Routes.java must name the roles that may call it")
                && message.contains("GET /api/admin/forgotten") && message.contains("POST /admin/forgotten"), message);
        int port = app.port();
        app.stop();
        if (port > 0) {
            assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()), "nothing answers: the station did not start");
        }
    }

    @Test
    void aRequestThatReachesARouteWithoutARoleIsRefusedNotServed() throws Exception {
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        // Without the start check, as if it were missing: the access check alone must still refuse.
        var access = new Access(null, null, new RouteTable(app));
        app.beforeMatched(access::check);
        app.get("/api/admin/forgotten", ctx -> ctx.result("every ballot"));
        app.get("/", ctx -> ctx.result("home"), Role.ANYONE);
        ErrorResponses.map(app);
        app.start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + app.port();
            for (String method : List.of("GET", "HEAD")) {
                HttpResponse<String> forgotten = send(method, base + "/api/admin/forgotten");
                assertEquals(403, forgotten.statusCode(), method + ": " + forgotten.body());
                assertFalse(forgotten.body().contains("every ballot"), method);
            }
            assertEquals("home", send("GET", base + "/").body(), "a route with a role is served");
        } finally {
            app.stop();
        }
    }

    @Test
    void headOnAStaffRouteIsRefusedWithoutCredentialsAsGetIs() throws Exception {
        station.start();
        for (String path : List.of("/admin/desk", "/admin/roster", "/admin/meeting", "/admin/polls/tin-nhiem/count",
                "/api/admin/roster", "/api/admin/meeting.yaml", "/api/admin/slips", "/api/admin/polls/tin-nhiem/minutes.json")) {
            int get = send("GET", station.url() + path).statusCode();
            int head = send("HEAD", station.url() + path).statusCode();
            assertEquals(401, get, "GET " + path);
            assertEquals(get, head, "HEAD " + path + " answers as GET does");
        }
        assertEquals(403, send("HEAD", station.url() + "/kiosk/phong-1").statusCode(), "an unenrolled browser's HEAD on a kiosk");
        assertEquals(200, send("HEAD", station.url() + "/").statusCode(), "a public page still answers HEAD");
        assertEquals(200, send("HEAD", station.url() + "/static/kv.css").statusCode(), "a static file still answers HEAD");
    }

    @Test
    void staffRolesAreNeverPublic() {
        for (Role role : Role.values()) assertTrue(!(role.isPublic() && role.isStaff()), role.name());
    }

    private HttpResponse<String> send(String method, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t).append('\n');
        return all.toString();
    }
}
