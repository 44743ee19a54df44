package cn.zhicheng.local.web;

import cn.zhicheng.core.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the front end's index.html for its own routes (/verify, /work, …) so deep links and QR links open the
 * app; static files are served before this, and unknown API paths stay 404 problems.
 */
@Path("/")
@PermitAll
public class SinglePageFallback {

    private static final String INDEX = "META-INF/resources/index.html";

    @GET
    @Path("{path: .*}")
    @Produces(MediaType.TEXT_HTML)
    public String page(@PathParam("path") String path) {
        if (path.startsWith("api/") || path.startsWith("q/") || path.startsWith("local-store/")
                || path.equals("api") || lastSegment(path).contains(".")) {
            throw Problem.notFound("NOT_FOUND", "There is nothing at /" + path + ".");
        }
        try (InputStream index = Thread.currentThread().getContextClassLoader().getResourceAsStream(INDEX)) {
            if (index == null) {
                throw Problem.notFound("FRONTEND_NOT_BUILT",
                        "The front end is not built; run infra/run.sh, which builds it first.");
            }
            return new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
