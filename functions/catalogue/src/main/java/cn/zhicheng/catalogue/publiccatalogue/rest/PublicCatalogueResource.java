package cn.zhicheng.catalogue.publiccatalogue.rest;

import cn.zhicheng.catalogue.publiccatalogue.service.PublicCatalogueService;
import cn.zhicheng.core.export.XlsxWriter;
import cn.zhicheng.core.storage.ContentDisposition;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** R23: the public catalogue of filed series per self-evaluating unit, without signing in. */
// the list and its spreadsheet differ by a suffix, which a sub-path of /api/public/catalogue cannot express
@Path("/api/public")
@PermitAll
public class PublicCatalogueResource {

    /** Public and the same for everyone; a minute of caching is short enough for a decision to show soon. */
    static final String CACHE_CONTROL = "public, max-age=60";

    private final PublicCatalogueService catalogue;

    public PublicCatalogueResource(PublicCatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("/catalogue")
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("unit") @Size(max = 100) String unit,
            @QueryParam("series") @Size(max = 100) String series, @QueryParam("city") @Size(max = 100) String city,
            // long and bounded, so a huge number is a validation failure and page × size a valid row offset
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) long page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) long size) {
        return Response.ok(catalogue.page(new PublicCatalogueService.Filter(unit, series, city), (int) page,
                (int) size))
                .header("Cache-Control", CACHE_CONTROL).build();
    }

    @GET
    @Path("/catalogue.xlsx")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response xlsx(@QueryParam("unit") @Size(max = 100) String unit,
            @QueryParam("series") @Size(max = 100) String series, @QueryParam("city") @Size(max = 100) String city) {
        return Response.ok(catalogue.spreadsheet(new PublicCatalogueService.Filter(unit, series, city)),
                        XlsxWriter.MEDIA_TYPE)
                .header("Cache-Control", CACHE_CONTROL)
                .header("Content-Disposition", ContentDisposition.attachment("自主评聘职称系列（专业）目录清单.xlsx"))
                .build();
    }
}
