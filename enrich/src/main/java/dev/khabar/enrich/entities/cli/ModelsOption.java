package dev.khabar.enrich.entities.cli;

import dev.khabar.enrich.entities.EntityRecognizer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --models DIR} option of the commands that recognise entities (a picocli mixin): the
 * shipped models, or those of a directory {@code train-ner --out} wrote.
 */
public final class ModelsOption {

  @Option(
      names = "--models",
      defaultValue = "${env:KHABAR_ENRICH_NER_MODELS}",
      description =
          "A directory of entity models written by train-ner --out (default: the shipped models,"
              + " or KHABAR_ENRICH_NER_MODELS when set).")
  @Nullable Path models;

  /**
   * The recogniser of these models.
   *
   * @throws CommandLine.ParameterException naming the directory when it holds no model
   */
  public EntityRecognizer recognizer(CommandSpec spec) {
    try {
      return EntityRecognizer.load(models);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
