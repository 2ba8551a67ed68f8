package vn.hocso.web.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import vn.hocso.platform.control.Installation;

/**
 * Completes the OpenAPI document (/openapi) with what holds for every operation, so that each
 * resource states only what is its own:
 *
 * <ul>
 *   <li>the server is the public address (PUBLIC_URL), never the request's Host;
 *   <li>a call that changes something (POST, PUT, PATCH, DELETE) needs the CSRF header: it is added
 *       to each of its security requirements, and its 403 is named;
 *   <li>a call that needs a session (its resource says {@code session}) can answer 401;
 *   <li>an operation with no requirement says so ({@code security: []}), so "public" is stated, not
 *       forgotten;
 *   <li>every operation can answer 503 with Retry-After while the database is unreachable;
 *   <li>every error response carries the {@code Error} schema: {@code {"error": "…"}} with a
 *       Vietnamese message.
 * </ul>
 *
 * Registered in META-INF/microprofile-config.properties ({@code mp.openapi.filter}).
 */
public class ApiDocument implements OASFilter {

  public static final String SESSION = "session";
  public static final String GUEST = "guest";
  public static final String CSRF = "csrf";
  private static final String ERROR_SCHEMA = "Error";
  private static final Set<HttpMethod> CHANGING =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    String publicUrl =
        ConfigProvider.getConfig()
            .getOptionalValue("public.url", String.class)
            .orElse(Installation.LOCAL)
            .replaceAll("/+$", "");
    openAPI.setServers(List.of(OASFactory.createServer().url(publicUrl)));
    if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null) {
      // No licence is granted: the installation's own address names who holds the rights.
      openAPI.getInfo().getLicense().setUrl(publicUrl + "/");
    }
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    components.addSchema(
        ERROR_SCHEMA,
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .description("Why the request was refused, in Vietnamese for the person using it")
            .addProperty(
                "error",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .example("Bác cần đăng nhập trước."))
            .required(List.of("error")));
    if (openAPI.getPaths() == null) {
      return;
    }
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Map.Entry<HttpMethod, Operation> entry : path.getOperations().entrySet()) {
        complete(entry.getKey(), entry.getValue());
      }
    }
  }

  private static void complete(HttpMethod method, Operation operation) {
    List<SecurityRequirement> security =
        operation.getSecurity() == null
            ? new ArrayList<>()
            : new ArrayList<>(operation.getSecurity());
    boolean session = security.stream().anyMatch(requirement -> requirement.hasScheme(SESSION));
    boolean changing = CHANGING.contains(method);
    if (changing) {
      if (security.isEmpty()) {
        security.add(OASFactory.createSecurityRequirement());
      }
      List<SecurityRequirement> withCsrf = new ArrayList<>();
      for (SecurityRequirement requirement : security) {
        SecurityRequirement copy = OASFactory.createSecurityRequirement();
        if (requirement.getSchemes() != null) {
          requirement.getSchemes().forEach(copy::addScheme);
        }
        withCsrf.add(copy.addScheme(CSRF));
      }
      security = withCsrf;
    }
    // No requirement: an empty list says so (public), where a missing one would say nothing.
    operation.setSecurity(security);

    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    if (session) {
      addIfAbsent(responses, "401", "Not signed in, or the session has expired");
    }
    if (changing) {
      addIfAbsent(responses, "403", "The CSRF token is missing or does not match (or not allowed)");
    }
    addIfAbsent(responses, "503", "The database is unreachable for a moment; try again");
    APIResponse unavailable = responses.getAPIResponse("503");
    if (unavailable.getHeaders() == null || !unavailable.getHeaders().containsKey("Retry-After")) {
      unavailable.addHeader(
          "Retry-After",
          OASFactory.createHeader()
              .description("Seconds to wait before trying again")
              .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER)));
    }
    for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
      if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
        APIResponse error = response.getValue();
        if (error.getContent() == null || error.getContent().getMediaTypes().isEmpty()) {
          error.setContent(errorContent());
        }
      }
    }
  }

  private static void addIfAbsent(APIResponses responses, String code, String description) {
    if (!responses.hasAPIResponse(code)) {
      responses.addAPIResponse(
          code, OASFactory.createAPIResponse().description(description).content(errorContent()));
    }
  }

  private static Content errorContent() {
    return OASFactory.createContent()
        .addMediaType(
            "application/json",
            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
  }
}
