package vn.hocso.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCachingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gzip, deflate, br | true",
        "br;q=1.0, gzip;q=0.8 | true",
        "gzip;q=0 | false",
        "identity | false",
        "* | true",
        "deflate | false",
      })
  void acceptEncoding(String header, boolean gzip) {
    assertEquals(gzip, HttpCaching.acceptsGzip(header));
  }

  @Test
  void noHeaderMeansNoGzip() {
    assertEquals(false, HttpCaching.acceptsGzip(null));
  }

  @Test
  void eachEncodingHasItsOwnEntityTag() {
    CachedBody body = CachedBody.html("<p>Xin chào</p>");
    assertNotEquals(body.etag(true), body.etag(false));
    assertEquals("\"" + body.hash() + "\"", body.etag(false));
    assertEquals(CachedBody.html("<p>Xin chào</p>").hash(), body.hash());
  }
}
