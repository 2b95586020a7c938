package dev.khabar.training.cli;

import dev.khabar.enrich.entities.LanguageModels;
import dev.khabar.enrich.entities.clusters.WordClusters;
import dev.khabar.enrich.entities.tagger.Features;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Where the commands find the word clusters of each language. */
final class ModelFiles {

  private ModelFiles() {}

  /**
   * The clusters in {@code file} ({@code none}: no clusters), or the shipped ones of {@code
   * language} when {@code file} is null.
   */
  static WordClusters clusters(String language, @Nullable Path file) throws IOException {
    if (file == null) {
      return LanguageModels.load(language).clusters();
    }
    if (file.toString().equals("none")) {
      return WordClusters.NONE;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return WordClusters.read(in, Features::hash);
    }
  }
}
