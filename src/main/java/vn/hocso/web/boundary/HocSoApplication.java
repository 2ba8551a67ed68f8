package vn.hocso.web.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** Pages and the JSON API share one JAX-RS application at the root of the site. */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Học Số API",
            version = "1",
            description =
                "Lessons, quizzes, completions and the campaign's progress of Học Số, the"
                    + " digital-literacy platform of the Bình dân học vụ số campaign. Error"
                    + " responses carry a JSON body {\"error\": \"…\"} with a Vietnamese message."
                    + " A call that changes something sends the CSRF token (GET /api/csrf-token,"
                    + " also in the hocso_csrf cookie) in the X-CSRF-Token header.",
            license =
                @License(
                    name =
                        "No licence granted: all rights reserved by the installation's operator")))
@SecuritySchemes({
  @SecurityScheme(
      securitySchemeName = ApiDocument.SESSION,
      type = SecuritySchemeType.APIKEY,
      in = SecuritySchemeIn.COOKIE,
      apiKeyName = "hocso_phien",
      description = "The session cookie set by signing in (POST /api/sessions) or registering"),
  @SecurityScheme(
      securitySchemeName = ApiDocument.GUEST,
      type = SecuritySchemeType.APIKEY,
      in = SecuritySchemeIn.COOKIE,
      apiKeyName = "hocso_khach",
      description = "The guest cookie set when a visitor starts a quiz without an account"),
  @SecurityScheme(
      securitySchemeName = ApiDocument.CSRF,
      type = SecuritySchemeType.APIKEY,
      in = SecuritySchemeIn.HEADER,
      apiKeyName = "X-CSRF-Token",
      description =
          "The value of the hocso_csrf cookie, repeated on every POST, PUT, PATCH, DELETE")
})
public class HocSoApplication extends Application {}
