package vn.hocso.web.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Pages and the JSON API share one JAX-RS application at the root of the site. */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Học Số API",
            version = "1",
            description =
                "Lessons of the Học Số digital-literacy curriculum. Error responses carry a"
                    + " JSON body {\"error\": \"…\"} with a Vietnamese message."))
public class HocSoApplication extends Application {}
