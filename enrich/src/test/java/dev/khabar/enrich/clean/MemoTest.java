package dev.khabar.enrich.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoTest {

  @Test
  void worksEachNameOutOnceUntilItsMemoryIsFullThenStartsOver() {
    List<String> asked = new ArrayList<>();
    Memo<Integer> lengths =
        new Memo<>(
            2,
            name -> {
              asked.add(name);
              return name.length();
            });

    assertEquals(3, lengths.get("row"));
    assertEquals(3, lengths.get("row"));
    assertEquals(8, lengths.get("col-md-8"));
    assertEquals(List.of("row", "col-md-8"), asked);

    // A third name finds the memory full: it starts over, so «row» is worked out again.
    assertEquals(7, lengths.get("sidebar"));
    assertEquals(3, lengths.get("row"));
    assertEquals(List.of("row", "col-md-8", "sidebar", "row"), asked);
  }
}
