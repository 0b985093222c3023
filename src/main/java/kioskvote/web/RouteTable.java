package kioskvote.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;

/**
 * The route table as Javalin holds it, read back so that access refuses by default: a station whose table has
 * a route without a role does not start, and {@link Access} looks up the roles of the route a request will
 * reach (a HEAD request reaches the GET route of its path, so it is let through only as the GET would be).
 */
final class RouteTable {
    private final InternalRouter router;

    RouteTable(Javalin app) {
        this.router = app.unsafeConfig().pvt.internalRouter;
    }

    /** Checks the table when the server starts, after every route is registered: a route without a role stops it. */
    void refuseToStartWithARouteWithoutRole(Javalin app) {
        app.events(events -> events.serverStarting(() -> {
            List<String> withoutRole = routesWithoutRole();
            if (!withoutRole.isEmpty()) {
                throw new IllegalStateException("the station does not start: every route in web/Routes.java must name"
                        + " the roles that may call it, and these name none: " + String.join(", ", withoutRole));
            }
        }));
    }

    /** "GET /path" for every HTTP route registered without a role. */
    List<String> routesWithoutRole() {
        return router.allHttpHandlers().stream().map(parsed -> parsed.getEndpoint())
                .filter(e -> e.getMethod().isHttpMethod() && roles(e).isEmpty())
                .map(e -> e.getMethod() + " " + e.getPath()).toList();
    }

    /**
     * The roles of the route this request reaches, or empty when no route does (a static file, served by
     * Javalin's resource handler). A route registered without a role answers with an empty set.
     */
    Optional<Set<RouteRole>> rolesOfTheRouteFor(HandlerType method, String path) {
        HandlerType reached = method == HandlerType.HEAD && !router.hasHttpHandlerEntry(HandlerType.HEAD, path) ? HandlerType.GET : method;
        return router.findHttpHandlerEntries(reached, path).findFirst().map(parsed -> roles(parsed.getEndpoint()));
    }

    private static Set<RouteRole> roles(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        return roles == null ? Set.of() : roles.getRoles();
    }
}
