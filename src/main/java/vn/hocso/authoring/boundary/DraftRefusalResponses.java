package vn.hocso.authoring.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hocso.authoring.control.DraftRefusal;

/**
 * A refused draft action as JSON: {@code {"error": …}} like every refusal, with its details beside
 * it (both texts of a conflict, the problems that stop a publish).
 */
@Provider
public class DraftRefusalResponses implements ExceptionMapper<DraftRefusal> {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public Response toResponse(DraftRefusal refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", refusal.getMessage());
    body.putAll(refusal.details());
    return Response.status(refusal.status())
        .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
        .entity(JSONB.toJson(body))
        .build();
  }
}
