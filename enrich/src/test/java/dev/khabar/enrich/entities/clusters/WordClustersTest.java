package dev.khabar.enrich.entities.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.khabar.enrich.entities.tagger.Features;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class WordClustersTest {

  private static WordClusters of(String lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    return WordClusters.read(new ByteArrayInputStream(bytes.toByteArray()), Features::hash);
  }

  @Test
  void wordsSharingACoarseBranchShareItsCluster() throws IOException {
    WordClusters c = of("# licence\nمحمد\t5.0.4\nعارف\t5.13.2\n");
    int muhammad = c.path(Features.hash("محمد"));
    int aref = c.path(Features.hash("عارف"));
    assertEquals(WordClusters.cluster(muhammad, 0), WordClusters.cluster(aref, 0));
    assertNotEquals(WordClusters.cluster(muhammad, 1), WordClusters.cluster(aref, 1));
  }

  @Test
  void theFrequentWordsAreTheFilesFirstInItsOrder() throws IOException {
    WordClusters c = of("# licence\nفي\t1.0.0\nمن\t1.0.1\nطهران\t7.2.1\n");
    assertEquals(java.util.List.of("في", "من", "طهران"), c.frequentWords());
    assertEquals(java.util.List.of(), WordClusters.NONE.frequentWords());
  }

  @Test
  void anUnknownWordHasNoPath() throws IOException {
    assertEquals(-1, of("محمد\t5.0.4\n").path(Features.hash("طهران")));
  }
}
