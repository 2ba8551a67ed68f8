package vn.hocso.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseOrderTest {

  @Test
  void namesFollowTheVietnameseAlphabet() {
    List<String> names =
        new ArrayList<>(
            List.of("Hòa Cường", "Ân Tường", "Đà Nẵng", "Hải Châu", "Dĩ An", "An Hải", "Bình"));
    names.sort(VietnameseOrder.NAMES);
    assertEquals(
        List.of("An Hải", "Ân Tường", "Bình", "Dĩ An", "Đà Nẵng", "Hải Châu", "Hòa Cường"), names);
  }
}
