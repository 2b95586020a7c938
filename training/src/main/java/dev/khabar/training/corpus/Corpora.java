package dev.khabar.training.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every labelled corpus under the {@code ner/} data directory, and how each is mapped to PER, ORG,
 * LOC and MISC. The mapping, corpus by corpus (README.md of the training module repeats it):
 *
 * <ul>
 *   <li>Arabic follows ANERcorp, the news corpus: nationality adjectives («الأمريكية») are not
 *       names. ANERcorp's PERS is PER. AQMAR, WikiFANE and Wojood are read as their releases map
 *       them (their README files); WikiFANE's split clitics are joined back onto their words
 *       ({@link CliticJoiner}).
 *   <li>English follows CoNLL: nationalities and peoples are MISC ({@link Demonyms}), and so are
 *       events, works and products. WNUT 2017's corporation and group are ORG, creative-work and
 *       product MISC. BTC, WNUT 2017 and both UNER sets annotate no MISC at all, or only some:
 *       their untagged tokens may be MISC ({@link Sentence#miscUnlabelled}).
 *   <li>Persian: ParsTwiNER as its release maps it (EVE and NAT to MISC, POG to ORG).
 * </ul>
 */
public final class Corpora {

  private final Path data;

  /**
   * @param data the {@code ner/} data directory
   */
  public Corpora(Path data) {
    this.data = data;
  }

  public Corpus anercorp() throws IOException {
    return corpus(
        "anercorp",
        "ar",
        "CC BY-SA 4.0",
        read("ar/anercorp-camellab-train.txt", TagMap.ANERCORP, false));
  }

  public Corpus aqmar() throws IOException {
    return corpus("aqmar", "ar", "CC BY-SA 3.0", read("ar/aqmar/aqmar.txt", TagMap.CONLL, false));
  }

  public Corpus wikifane() throws IOException {
    List<List<Sentence>> docs = read("ar/wikifane-gold/wikifane-gold.txt.gz", TagMap.CONLL, false);
    return corpus("wikifane", "ar", "CC BY-SA 3.0", map(docs, CliticJoiner::join));
  }

  public Corpus wojood() throws IOException {
    return corpus("wojood", "ar", "MIT", readSplits("ar/wojood-sample/", TagMap.CONLL, false));
  }

  public Corpus wikigold() throws IOException {
    return english("wikigold", "CC BY 4.0", read("en/wikigold.conll", TagMap.CONLL, false));
  }

  public Corpus btc() throws IOException {
    return english("btc", "CC BY 4.0", read("en/btc.conll", TagMap.CONLL, true));
  }

  public Corpus wnut17() throws IOException {
    return english("wnut17", "CC BY 4.0", read("en/wnut17-train.conll", TagMap.WNUT, true));
  }

  public Corpus unerEwt() throws IOException {
    List<List<Sentence>> docs =
        new ArrayList<>(read("en/uner-ewt/train-prerelease.txt", TagMap.CONLL, true));
    docs.addAll(read("en/uner-ewt/dev.txt", TagMap.CONLL, true));
    docs.addAll(read("en/uner-ewt/test.txt", TagMap.CONLL, true));
    return english("uner-ewt", "CC BY-SA 4.0", docs);
  }

  /** UNER's English-PUD test set: 500 news and 500 Wikipedia sentences. */
  public Corpus unerPud() throws IOException {
    return english("uner-pud", "CC BY-SA 3.0", read("en/uner-pud/pud.txt", TagMap.CONLL, true));
  }

  public Corpus crossnerPolitics() throws IOException {
    return english(
        "crossner-politics", "MIT", readSplits("en/crossner-politics/", TagMap.CONLL, false));
  }

  /** GUM's genres of news-like and other commercially usable text, or only {@code genres}. */
  public Corpus gum(String name, List<String> genres) throws IOException {
    List<List<Sentence>> docs = new ArrayList<>();
    for (String genre : genres) {
      docs.addAll(readSplits("en/gum/" + genre + "-", TagMap.CONLL, false));
    }
    return english(name, "CC BY 4.0 (texts: CC BY, CC BY-SA)", docs);
  }

  /** GUM's Wikinews articles. */
  public static final List<String> GUM_NEWS = List.of("news");

  /** GUM's other genres. */
  public static final List<String> GUM_OTHER =
      List.of(
          "interview",
          "academic",
          "bio",
          "conversation",
          "court",
          "speech",
          "textbook",
          "vlog",
          "voyage");

  public Corpus parstwiner() throws IOException {
    return corpus("parstwiner", "fa", "MIT", readSplits("fa/parstwiner/", TagMap.CONLL, false));
  }

  private Corpus english(String name, String licence, List<List<Sentence>> docs)
      throws IOException {
    Demonyms demonyms = Demonyms.read(data.resolve("gazetteers/demonyms/demonyms.tsv"));
    return corpus(name, "en", licence, map(docs, demonyms::asMisc));
  }

  private static Corpus corpus(
      String name, String language, String licence, List<List<Sentence>> docs) {
    return new Corpus(name, language, licence, docs);
  }

  private List<List<Sentence>> read(String file, TagMap map, boolean miscUnlabelled)
      throws IOException {
    return ConllReader.read(data.resolve(file), map, miscUnlabelled);
  }

  /**
   * A corpus released as {@code <prefix>train.txt}, {@code dev.txt} and {@code test.txt}, whole.
   */
  private List<List<Sentence>> readSplits(String prefix, TagMap map, boolean miscUnlabelled)
      throws IOException {
    List<List<Sentence>> docs = new ArrayList<>();
    for (String split : List.of("train", "dev", "test")) {
      docs.addAll(read(prefix + split + ".txt", map, miscUnlabelled));
    }
    return docs;
  }

  private static List<List<Sentence>> map(
      List<List<Sentence>> documents, UnaryOperator<Sentence> f) {
    List<List<Sentence>> out = new ArrayList<>(documents.size());
    for (List<Sentence> d : documents) {
      out.add(d.stream().map(f).toList());
    }
    return out;
  }
}
