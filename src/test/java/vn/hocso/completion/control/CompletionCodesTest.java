package vn.hocso.completion.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompletionCodesTest {

  @Test
  void codesAreTwelveUnambiguousCharactersAndDoNotRepeat() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = Completions.newCode();
      assertTrue(code.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}"), code);
      codes.add(code);
    }
    assertEquals(10_000, codes.size());
  }

  @Test
  void typedCodesAreNormalizedAndAnythingElseIsNoCode() {
    assertEquals("ABCD23456789", Completions.normalize("abcd-2345-6789"));
    assertEquals("ABCD23456789", Completions.normalize(" ABCD 2345 6789 "));
    assertNull(Completions.normalize("ABCD-2345-678"));
    assertNull(Completions.normalize("ABCD-2345-6780"), "0 is not in the alphabet");
    assertNull(Completions.normalize("../../etc/passwd"));
    assertNull(Completions.normalize(null));
  }

  @Test
  void publicVerificationShowsOnlyInitialsAfterTheFamilyName() {
    assertEquals("Nguyễn T. H.", NameMask.mask("Nguyễn Thị Hoa"));
    assertEquals("Phan T. Ú.", NameMask.mask("Phan Thị Út"));
    assertEquals("Lan", NameMask.mask("Lan"));
    assertEquals("Lê V. T.", NameMask.mask("  Lê \t Văn\n  Tám  "));
    assertEquals("Đỗ 𠀧.", NameMask.mask("Đỗ 𠀧ab"), "an initial outside the BMP is kept whole");
    assertEquals("", NameMask.mask("   "));
    assertEquals("Đỗ Đ.", NameMask.mask("  Đỗ   Đức "));
  }
}
