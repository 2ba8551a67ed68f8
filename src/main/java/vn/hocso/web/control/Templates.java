package vn.hocso.web.control;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the server-side pages with Pebble. Auto-escaping is on: only values marked {@code raw} in
 * a template (sanitized lesson HTML) are written as HTML.
 */
@ApplicationScoped
public class Templates {

  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  /**
   * The request attribute holding the caller's CSRF token for the forms of a page, put there by the
   * security feature's filter; printing it issues the token's cookie.
   */
  public static final String CSRF_TOKEN = Templates.class.getName() + ".csrf";

  @Inject StaticAssets assets;

  /** The request being answered (CDI's built-in bean), for its CSRF token. */
  @Inject HttpServletRequest request;

  private PebbleEngine engine;

  @PostConstruct
  void init() {
    ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
    loader.setPrefix("templates");
    loader.setSuffix(".peb");
    engine =
        new PebbleEngine.Builder()
            .loader(loader)
            .autoEscaping(true)
            .strictVariables(true)
            .defaultLocale(VIETNAMESE)
            .build();
  }

  public String render(String template, Map<String, Object> model) {
    Map<String, Object> context = new HashMap<>(model);
    context.put("cssUrl", assets.cssUrl());
    context.put("editorJsUrl", assets.editorJsUrl());
    // Printed only by templates with a form; printing it issues the token's cookie.
    context.putIfAbsent("csrf", request.getAttribute(CSRF_TOKEN));
    // Optional parts of a page: a form's error, a message, a finished action.
    context.putIfAbsent("error", null);
    context.putIfAbsent("message", null);
    context.putIfAbsent("done", null);
    // The menu of the person a page is made for (learner.control.Navigation); pages shared by
    // everyone have none.
    context.putIfAbsent("menu", null);
    // Staff pages with tables use the screen's width; residents read in a narrow column.
    context.putIfAbsent("wide", false);
    StringWriter out = new StringWriter(8192);
    try {
      engine.getTemplate(template).evaluate(out, context, VIETNAMESE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
