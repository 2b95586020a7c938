package dev.khabar.indexer.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.khabar.common.contract.Json;
import dev.khabar.common.contract.Topics;
import dev.khabar.indexer.mapping.ArticleDocument;
import dev.khabar.indexer.mapping.IndexSetup;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The saved objects, checked without a Kibana: well-formed NDJSON, references that resolve, and
 * every field they name present in the index mapping the indexer installs, with a fitting type.
 */
class SavedObjectsTest {
  private static final List<JsonNode> OBJECTS = new ArrayList<>();

  /** Field path → mapping type, sub-fields included ({@code title.ar}). */
  private static final Map<String, String> MAPPING = new HashMap<>();

  @BeforeAll
  static void load() throws Exception {
    String ndjson = new String(KibanaImport.bundled(), StandardCharsets.UTF_8);
    assertTrue(ndjson.endsWith("\n"));
    for (String line : ndjson.split("\n")) {
      JsonNode object = Json.mapper().readTree(line); // throws on a malformed line
      assertTrue(object.isObject(), line);
      OBJECTS.add(object);
    }
    try (InputStream template = IndexSetup.templateJson()) {
      flatten(
          "",
          Json.mapper().readTree(template).path("template").path("mappings").path("properties"));
    }
  }

  private static void flatten(String prefix, JsonNode properties) {
    for (Map.Entry<String, JsonNode> field : properties.properties()) {
      String path = prefix + field.getKey();
      JsonNode definition = field.getValue();
      MAPPING.put(path, definition.path("type").asText("object"));
      flatten(path + ".", definition.path("properties"));
      flatten(path + ".", definition.path("fields"));
    }
  }

  private static JsonNode object(String type) {
    return OBJECTS.stream()
        .filter(o -> o.path("type").asText().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type));
  }

  private static Map<String, JsonNode> references(JsonNode object) {
    Map<String, JsonNode> byName = new HashMap<>();
    object.path("references").forEach(r -> byName.put(r.path("name").asText(), r));
    return byName;
  }

  private static JsonNode parse(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void everyObjectHasAUniqueIdATypeAttributesAndReferences() {
    Set<String> ids = new HashSet<>();
    for (JsonNode object : OBJECTS) {
      assertTrue(
          ids.add(object.path("type").asText() + "/" + object.path("id").asText()),
          "duplicate " + object.path("id"));
      assertTrue(object.path("attributes").path("title").isTextual(), object.path("id").asText());
      assertTrue(object.path("references").isArray(), object.path("id").asText());
    }
    assertEquals(
        Set.of("index-pattern", "search", "dashboard"),
        new HashSet<>(OBJECTS.stream().map(o -> o.path("type").asText()).toList()));
  }

  @Test
  void everyReferenceResolvesToAnObjectInTheFile() throws Exception {
    Set<String> present = new HashSet<>();
    OBJECTS.forEach(o -> present.add(o.path("type").asText() + "/" + o.path("id").asText()));
    for (JsonNode object : OBJECTS) {
      for (JsonNode reference : object.path("references")) {
        assertTrue(
            present.contains(reference.path("type").asText() + "/" + reference.path("id").asText()),
            "unresolved " + reference);
      }
    }
    for (JsonNode panel :
        parse(object("dashboard").path("attributes").path("panelsJSON").asText())) {
      for (JsonNode reference :
          panel.path("embeddableConfig").path("attributes").path("references")) {
        assertTrue(
            present.contains(reference.path("type").asText() + "/" + reference.path("id").asText()),
            "unresolved " + reference);
      }
    }
  }

  @Test
  void dataViewIsTheAliasTimedByTheFieldEveryDocumentHas() {
    JsonNode view = object("index-pattern").path("attributes");
    // Not a pattern: the index a rollout copies into, or a replay fills, is outside the alias until
    // the swap, and the old one after it, so no article is counted twice.
    assertEquals(Topics.INDEX_ALIAS, view.path("title").asText());
    assertEquals("published_or_fetched_at", view.path("timeFieldName").asText());
    assertEquals(ArticleDocument.TIME_FIELD, view.path("timeFieldName").asText());
    assertEquals("date", MAPPING.get("published_or_fetched_at"));
  }

  @Test
  void savedSearchShowsLatestArticlesWithMappedColumns() throws Exception {
    JsonNode search = object("search");
    JsonNode attributes = search.path("attributes");
    assertEquals("Latest articles", attributes.path("title").asText());
    List<String> columns = new ArrayList<>();
    attributes.path("columns").forEach(c -> columns.add(c.asText()));
    assertEquals(
        List.of(
            "title",
            "site",
            "language",
            "entities.person",
            "entities.organisation",
            "entities.location"),
        columns);
    columns.forEach(c -> assertTrue(MAPPING.containsKey(c), c + " is not in the mapping"));
    assertEquals("[[\"published_or_fetched_at\",\"desc\"]]", attributes.path("sort").toString());
    JsonNode source =
        parse(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
    JsonNode index = references(search).get(source.path("indexRefName").asText());
    assertEquals(object("index-pattern").path("id").asText(), index.path("id").asText());
  }

  @Test
  void dashboardPanelsNameOnlyMappedFieldsOfTheRightTypeAndHaveTheirReferences() throws Exception {
    JsonNode dashboard = object("dashboard");
    Map<String, JsonNode> references = references(dashboard);
    Map<String, String> fieldsByPanel = new HashMap<>();
    for (JsonNode panel : parse(dashboard.path("attributes").path("panelsJSON").asText())) {
      String index = panel.path("panelIndex").asText();
      assertEquals(index, panel.path("gridData").path("i").asText());
      if (panel.has("panelRefName")) {
        assertTrue(
            references.containsKey(index + ":" + panel.path("panelRefName").asText()),
            "reference of panel " + index);
        continue;
      }
      JsonNode layers =
          panel
              .path("embeddableConfig")
              .path("attributes")
              .path("state")
              .path("datasourceStates")
              .path("formBased")
              .path("layers");
      assertTrue(layers.size() > 0, "panel " + index + " has a data layer");
      for (Map.Entry<String, JsonNode> layer : layers.properties()) {
        JsonNode dataView =
            references.get(index + ":indexpattern-datasource-layer-" + layer.getKey());
        assertEquals(
            object("index-pattern").path("id").asText(),
            dataView.path("id").asText(),
            "data view of layer " + layer.getKey());
        List<String> fields = new ArrayList<>();
        for (JsonNode column : layer.getValue().path("columns")) {
          String field = column.path("sourceField").asText();
          if (field.equals("___records___")) {
            continue; // Lens's name for "count of documents"
          }
          String type = MAPPING.get(field);
          assertTrue(type != null, field + " (panel " + index + ") is not in the mapping");
          String operation = column.path("operationType").asText();
          if (operation.equals("date_histogram")) {
            assertEquals("date", type, field);
          } else if (operation.equals("terms")) {
            assertEquals("keyword", type, field + ": terms need a keyword");
          }
          fields.add(field);
        }
        fieldsByPanel.put(panel.path("title").asText(), String.join(",", fields));
      }
    }
    assertEquals(
        Map.of(
            "Articles over time by site", "published_or_fetched_at,site",
            "Articles over time by language", "language,published_or_fetched_at",
            "Top people", "entities.person",
            "Top organisations", "entities.organisation",
            "Top places", "entities.location"),
        sortedValues(fieldsByPanel));
    assertEquals("search", references.get("latest:panel_latest").path("type").asText());
  }

  /**
   * A shape an object may hold only when stamped at or above {@code version}: Kibana runs an
   * imported object through every migration above its {@code typeMigrationVersion}, and a migration
   * written for the shape before rewrites what already has the new one.
   */
  private record Needs(String version, String what, Predicate<JsonNode> holds) {}

  private static final List<Needs> NEEDS =
      List.of(
          new Needs(
              "8.6.0",
              "Lens layers under datasourceStates.formBased (the 8.6.0 Lens migration sets"
                  + " datasourceStates to {formBased: datasourceStates.indexpattern}, which leaves"
                  + " no layers; a dashboard's by-value panels go through the Lens migrations above"
                  + " the dashboard's stamp)",
              SavedObjectsTest::hasFormBasedLensLayers),
          new Needs(
              "7.11.0",
              "allowNoIndex on a data view (the 7.11.0 migration resets it on every data view but"
                  + " logs-* and metrics-*)",
              o ->
                  o.path("type").asText().equals("index-pattern")
                      && o.path("attributes").has("allowNoIndex")));

  private static boolean hasFormBasedLensLayers(JsonNode object) {
    List<JsonNode> states = new ArrayList<>();
    if (object.path("type").asText().equals("lens")) {
      states.add(object.path("attributes").path("state"));
    }
    if (object.path("type").asText().equals("dashboard")) {
      try {
        for (JsonNode panel : parse(object.path("attributes").path("panelsJSON").asText())) {
          states.add(panel.path("embeddableConfig").path("attributes").path("state"));
        }
      } catch (Exception e) {
        throw new AssertionError("panelsJSON of " + object.path("id").asText(), e);
      }
    }
    return states.stream().anyMatch(s -> s.path("datasourceStates").has("formBased"));
  }

  /** Each shape the object holds that its stamp is too old for. */
  private static List<String> stampProblems(JsonNode object) {
    String stamp = object.path("typeMigrationVersion").asText();
    List<String> problems = new ArrayList<>();
    for (Needs needs : NEEDS) {
      if (needs.holds().test(object) && compareVersions(stamp, needs.version()) < 0) {
        problems.add(
            object.path("type").asText()
                + " "
                + object.path("id").asText()
                + " is stamped "
                + stamp
                + ", below "
                + needs.version()
                + " for "
                + needs.what());
      }
    }
    return problems;
  }

  private static int compareVersions(String a, String b) {
    assertTrue(a.matches("\\d+\\.\\d+\\.\\d+"), "not a version: " + a);
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int order = Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  @Test
  void everyObjectIsStampedAtOrAboveWhatItsAttributesNeed() {
    for (JsonNode object : OBJECTS) {
      assertEquals(List.of(), stampProblems(object));
    }
    assertTrue(hasFormBasedLensLayers(object("dashboard")), "the check applies to the dashboard");
  }

  @Test
  void aDashboardStampedBelowItsLensLayersIsCaught() {
    ObjectNode dashboard = object("dashboard").deepCopy();
    dashboard.put("typeMigrationVersion", "8.5.0");

    assertEquals(
        List.of(
            "dashboard khabar-news-overview is stamped 8.5.0, below 8.6.0 for "
                + NEEDS.get(0).what()),
        stampProblems(dashboard));
  }

  private static Map<String, String> sortedValues(Map<String, String> map) {
    Map<String, String> sorted = new HashMap<>();
    map.forEach(
        (k, v) -> sorted.put(k, String.join(",", new java.util.TreeSet<>(List.of(v.split(","))))));
    return sorted;
  }
}
