package cn.zhicheng.local.storage;

import cn.zhicheng.core.config.AdapterProducers;
import cn.zhicheng.core.config.ZhichengConfig;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.problem.ProblemDetails;
import cn.zhicheng.core.storage.ContentDisposition;
import cn.zhicheng.core.storage.LocalEvidenceStore;
import cn.zhicheng.core.storage.StoreAccessDenied;
import cn.zhicheng.core.storage.StoredObject;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The local evidence store over HTTP: the browser PUTs and GETs with its signed URLs as it would with S3's. */
@Path("/local-store")
// the signed URL is the authorization: a browser sends no bearer token to a store
@PermitAll
public class LocalStoreResource {

    private final ZhichengConfig config;
    private final Instance<LocalEvidenceStore> store;

    public LocalStoreResource(ZhichengConfig config, Instance<LocalEvidenceStore> store) {
        this.config = config;
        this.store = store;
    }

    @PUT
    @Path("{key: .+}")
    @Consumes(MediaType.WILDCARD)
    public Response put(@PathParam("key") String key, @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body) {
        LocalEvidenceStore.Upload upload = store().receive(key, query(uri), contentType, length(contentLength), body);
        return Response.ok().tag(new EntityTag(upload.etag())).build();
    }

    @GET
    @Path("{key: .+}")
    public Response get(@PathParam("key") String key, @Context UriInfo uri) {
        LocalEvidenceStore local = store();
        Map<String, String> query = query(uri);
        java.nio.file.Path file = local.authorizeDownload(key, query);
        StoredObject object = local.describe(key).orElseThrow(() -> new StoreAccessDenied(
                StoreAccessDenied.Code.OBJECT_NOT_FOUND, "There is no file under this key."));
        StreamingOutput content = out -> Files.copy(file, out);
        return Response.ok(content)
                .header(HttpHeaders.CONTENT_TYPE, object.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, object.size())
                // the file name is covered by the URL's signature, so it is the one the server chose
                .header("Content-Disposition", ContentDisposition.attachment(query.get(LocalEvidenceStore.FILENAME)))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    @ServerExceptionMapper
    public Response denied(StoreAccessDenied denied, UriInfo uri) {
        String code = denied.code().name();
        ProblemDetails body = new ProblemDetails(
                "https://zhicheng.cn/problems/" + code.toLowerCase().replace('_', '-'),
                title(denied.code()), denied.code().httpStatus(), denied.getMessage(),
                uri == null ? null : uri.getPath(), code, null, null, null);
        return Response.status(denied.code().httpStatus()).type(ProblemDetails.MEDIA_TYPE).entity(body).build();
    }

    private LocalEvidenceStore store() {
        if (!AdapterProducers.LOCAL.equals(AdapterProducers.evidenceStoreKind(config))) {
            throw Problem.notFound("NOT_FOUND", "This server keeps evidence in S3; it has no local store.");
        }
        return store.get();
    }

    private static Map<String, String> query(UriInfo uri) {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        Map<String, String> query = new HashMap<>();
        parameters.forEach((name, values) -> {
            if (!values.isEmpty()) {
                query.put(name, values.get(0));
            }
        });
        return query;
    }

    // -1 when the request has no usable Content-Length (chunked); the store then measures the body itself
    private static long length(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String title(StoreAccessDenied.Code code) {
        return switch (code) {
            case URL_MALFORMED -> "Not a signed store URL";
            case KEY_INVALID -> "Invalid object key";
            case METHOD_MISMATCH -> "Wrong method for this URL";
            case SIGNATURE_INVALID -> "Invalid signature";
            case URL_EXPIRED -> "Link expired";
            case SIZE_MISMATCH -> "Wrong file size";
            case TYPE_MISMATCH -> "Wrong file type";
            case OBJECT_NOT_FOUND -> "Not found";
        };
    }
}
