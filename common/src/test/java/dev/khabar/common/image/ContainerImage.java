package dev.khabar.common.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A container image as {@code docker load} reads it: a tarball with {@code manifest.json}, the
 * image config and gzipped layer tarballs. Holds the parsed manifest and config, the digests of
 * each blob, and every file of the layers (later layers win), with small files' contents.
 */
public record ContainerImage(
    JsonNode manifest,
    JsonNode config,
    Map<String, String> blobSha256,
    List<String> layerDiffIds,
    Map<String, FileEntry> files) {

  /** One path in the image's file system. */
  public record FileEntry(String path, boolean directory, int mode, long uid, long gid, byte[] content) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CONTENT = 64 * 1024;

  public static ContainerImage read(Path tarball) throws IOException {
    Map<String, byte[]> small = new LinkedHashMap<>();
    Map<String, String> digests = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        if (entry.getName().endsWith(".json")) {
          small.put(entry.getName(), tar.readAllBytes());
        } else {
          digests.put(entry.getName(), sha256(tar));
        }
      }
    }
    JsonNode manifest = JSON.readTree(small.get("manifest.json"));
    JsonNode config = JSON.readTree(small.get(manifest.get(0).get("Config").asText()));
    Map<String, FileEntry> files = new LinkedHashMap<>();
    List<String> diffIds = new ArrayList<>();
    for (JsonNode layer : manifest.get(0).get("Layers")) {
      diffIds.add(readLayer(tarball, layer.asText(), files));
    }
    return new ContainerImage(manifest, config, digests, List.copyOf(diffIds), files);
  }

  /** Adds the layer's files; returns the sha256 of its uncompressed tarball (its diff id). */
  private static String readLayer(Path tarball, String name, Map<String, FileEntry> files) throws IOException {
    try (TarArchiveInputStream outer = new TarArchiveInputStream(Files.newInputStream(tarball))) {
      for (TarArchiveEntry entry; (entry = outer.getNextEntry()) != null; ) {
        if (!entry.getName().equals(name)) {
          continue;
        }
        MessageDigest digest = digest();
        DigestInputStream uncompressed = new DigestInputStream(new GZIPInputStream(outer), digest);
        try (TarArchiveInputStream layer = new TarArchiveInputStream(uncompressed)) {
          for (TarArchiveEntry file; (file = layer.getNextEntry()) != null; ) {
            String path = "/" + file.getName().replaceAll("/$", "");
            byte[] content = file.getSize() <= MAX_CONTENT ? layer.readAllBytes() : new byte[0];
            files.put(
                path,
                new FileEntry(path, file.isDirectory(), file.getMode() & 07777, file.getLongUserId(), file.getLongGroupId(), content));
          }
          // The diff id covers the whole uncompressed stream, end-of-archive padding included.
          uncompressed.transferTo(OutputStream.nullOutputStream());
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
      }
    }
    throw new IOException("layer " + name + " named in manifest.json is not in " + tarball);
  }

  private static String sha256(InputStream in) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
