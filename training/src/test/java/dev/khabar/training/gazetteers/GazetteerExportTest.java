package dev.khabar.training.gazetteers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.enrich.entities.gazetteer.Gazetteer;
import dev.khabar.enrich.entities.gazetteer.Gazetteers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerExportTest {

  @TempDir Path data;
  @TempDir Path out;

  private void write(String file, String... lines) throws IOException {
    Path path = data.resolve(file);
    Files.createDirectories(path.getParent());
    Files.write(path, List.of(lines), StandardCharsets.UTF_8);
  }

  @Test
  void writesListsTheShippedGazetteerReadsWithOneIdForBothLanguages() throws IOException {
    write(
        "places/places.tsv",
        "id\ttype\tname_en\tnames_ar\tpopulation\tcountry\tadmin1\tnames_ar_sources",
        "geonames:6058560\tcity\tLondon\tلندن\t422324\tCA\t\tarwikicats",
        "geonames:2643743\tcity\tLondon\tلندن\t8961989\tGB\t\tarwikicats",
        "geonames:1\tcountry\tSyria\tسوريا\t1\tSY\t\tgeonames-alt");
    write(
        "arwikicats-names/names.tsv",
        "type\tname_en_lower\tname_ar\tsource_file",
        "PER\tmike tyson\tمايك تايسون\tpeoples.json");
    write(
        "demonyms/demonyms.tsv",
        "en_adjective\ten_plural_derived\tkind\ten_place\tar_place\tar_m_sg\tar_m_pl\tar_f_sg"
            + "\tar_f_pl\tar_def_m\tar_def_f\tsource_key",
        "Syrian\tSyrians\tnationality\tSyria\tسوريا\tسوري\tسوريون\tسورية\tسوريات\tالسوري"
            + "\tالسورية\tsyrian");
    new GazetteerExport(data).write(out);
    Gazetteers.exportCldr(out.resolve("cldr-places.tsv"));
    Files.writeString(out.resolve("organisations.tsv"), "# none\n");
    Gazetteer g = Gazetteers.read(out);

    assertEquals("geonames:2643743", g.lookup(List.of("London"), "LOC").id());
    assertEquals("geonames:2643743", g.lookup(List.of("لندن"), "LOC").id());
    assertEquals("iso3166:SY", g.lookup(List.of("سوريا"), "LOC").id());
    assertEquals("list:mike tyson", g.lookup(List.of("مايك", "تايسون"), "PER").id());
    assertEquals("Mike Tyson", g.lookup(List.of("Mike", "Tyson"), "PER").name());
    assertEquals("list:syrian", g.lookup(List.of("والسوريون"), "MISC").id());
  }

  @Test
  void clubsAndSportsBodiesKeepTheirAbbreviationsInCapitals() {
    assertEquals("Chelsea F.C.", GazetteerExport.organisationCase("chelsea f.c."));
    assertEquals("1. FC Union Berlin", GazetteerExport.organisationCase("1. fc union berlin"));
    assertEquals("UEFA Europa League", GazetteerExport.organisationCase("uefa europa league"));
    assertEquals("VFL Wolfsburg", GazetteerExport.organisationCase("vfl wolfsburg"));
    assertEquals("St Johnstone F.C.", GazetteerExport.organisationCase("st johnstone f.c."));
    assertEquals("Sky Blue FC", GazetteerExport.organisationCase("sky blue fc"));
    assertEquals("Real Madrid", GazetteerExport.organisationCase("real madrid"));
  }
}
