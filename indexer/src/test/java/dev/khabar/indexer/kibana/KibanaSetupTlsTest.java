package dev.khabar.indexer.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.khabar.common.service.Env;
import dev.khabar.indexer.kibana.KibanaSetupCommandTest.Run;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kibana-setup against an HTTPS Kibana whose certificate a private CA signed, as Elastic's own
 * setup does: a CA, and a certificate for 127.0.0.1 it signed, made by the JDK's keytool.
 */
class KibanaSetupTlsTest {
  private static final String PASSWORD = "changeit";
  private static final String IMPORTED =
      "{\"success\":true,\"successCount\":1,\"successResults\":["
          + "{\"type\":\"dashboard\",\"id\":\"khabar-news-overview\",\"meta\":{\"title\":\"Khabar news overview\"}}],"
          + "\"warnings\":[]}";

  @TempDir static Path dir;
  static Path caPem;
  static SSLContext kibanaTls;

  @BeforeAll
  static void privateCaAndKibanaCertificate() throws Exception {
    Path ca = dir.resolve("ca.p12");
    Path kibana = dir.resolve("kibana.p12");
    Path request = dir.resolve("kibana.csr");
    Path signed = dir.resolve("kibana.pem");
    caPem = dir.resolve("ca.pem");
    keytool(ca, "-genkeypair -alias ca -dname CN=khabar-test-ca -ext bc:c -keyalg EC -validity 2");
    keytool(ca, "-exportcert -alias ca -rfc -file %s", caPem);
    keytool(kibana, "-genkeypair -alias kibana -dname CN=kibana -keyalg EC -validity 2");
    keytool(kibana, "-certreq -alias kibana -file %s", request);
    keytool(
        ca,
        "-gencert -alias ca -infile %s -outfile %s -rfc -validity 2 -ext san=ip:127.0.0.1",
        request,
        signed);
    keytool(kibana, "-importcert -alias ca -file %s", caPem);
    keytool(kibana, "-importcert -alias kibana -file %s", signed);

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(kibana)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD.toCharArray());
    kibanaTls = SSLContext.getInstance("TLS");
    kibanaTls.init(factory.getKeyManagers(), null, null);
  }

  /** Runs keytool on {@code keystore} with the options, each %s replaced by the next file. */
  private static void keytool(Path keystore, String options, Path... files) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    int file = 0;
    for (String option : options.split(" ")) {
      command.add(option.equals("%s") ? files[file++].toString() : option);
    }
    command.addAll(List.of("-keystore", keystore.toString(), "-storepass", PASSWORD, "-noprompt"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
  }

  @Test
  void trustsKibanaThroughThePrivateCaOfKhabarKibanaCaCert() throws Exception {
    try (LoopbackKibana kibana = LoopbackKibana.https(kibanaTls, 200, IMPORTED)) {
      Run run =
          KibanaSetupCommandTest.run(
              new Env(
                  Map.of(
                      "KHABAR_KIBANA_URL",
                      kibana.url(),
                      "KHABAR_KIBANA_CA_CERT",
                      caPem.toString(),
                      "KHABAR_KIBANA_API_KEY",
                      "a2V5OnNlY3JldA==")));

      assertEquals(0, run.exit(), run.toString());
      assertEquals(
          List.of(
              "1 saved objects imported into " + kibana.url() + ", 0 failed",
              "  ok      dashboard khabar-news-overview «Khabar news overview»"),
          run.out());
      assertEquals("ApiKey a2V5OnNlY3JldA==", kibana.request.get("authorization"));
    }
  }

  @Test
  void withoutTheCaTheFailedHandshakeIsOneLineNamingTheSetting() throws Exception {
    try (LoopbackKibana kibana = LoopbackKibana.https(kibanaTls, 200, IMPORTED)) {
      Run run = KibanaSetupCommandTest.run(new Env(Map.of("KHABAR_KIBANA_URL", kibana.url())));

      assertEquals(1, run.exit());
      assertEquals(List.of(), run.out());
      assertEquals(
          List.of(
              "kibana-setup: the TLS handshake with Kibana at "
                  + kibana.url()
                  + " failed: unable to find valid certification path to requested target; if a"
                  + " private CA signed Kibana's certificate, set KHABAR_KIBANA_CA_CERT to its PEM"
                  + " file"),
          run.err());
      assertEquals(Map.of(), kibana.request);
    }
  }
}
