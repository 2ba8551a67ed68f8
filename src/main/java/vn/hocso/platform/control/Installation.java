package vn.hocso.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who this installation is and where the public reaches it, from configuration: the issuer's name
 * printed on certificates, and the public address used in QR codes and links that leave the site.
 * Never taken from a request's Host header, which a client chooses.
 */
@ApplicationScoped
public class Installation {

  private static final Logger LOG = Logger.getLogger(Installation.class.getName());

  /** The address used when PUBLIC_URL is not set: right only on a developer's machine. */
  public static final String LOCAL = "http://localhost:9080";

  @Inject
  @ConfigProperty(name = "issuer.name", defaultValue = "Học Số – Bình dân học vụ số")
  String issuerName;

  @Inject
  @ConfigProperty(name = "public.url", defaultValue = LOCAL)
  String publicUrl;

  @PostConstruct
  void check() {
    URI uri = URI.create(publicUrl);
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalStateException("PUBLIC_URL must be an http(s) address: " + publicUrl);
    }
    if (publicUrl.equals(LOCAL)) {
      LOG.warning(
          "PUBLIC_URL is not set: certificates' QR codes point to "
              + LOCAL
              + ", which only this machine reaches");
    }
  }

  /** The issuer's name, e.g. "UBND phường Hải Châu" or "Sở Khoa học và Công nghệ TP. Đà Nẵng". */
  public String issuerName() {
    return issuerName;
  }

  /** The public address of the site, without a trailing slash. */
  public String publicUrl() {
    return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** A public address on the site, {@code path} starting with "/". */
  public String url(String path) {
    return publicUrl() + path;
  }
}
