package dev.khabar.common.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
  public record FileEntry(
      String path, boolean directory, int mode, long uid, long gid, byte[] content) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CONTENT = 64 * 1024;

  /**
   * Reads the tarball in one pass: each layer blob is digested, unpacked and listed as it streams.
   */
  public static ContainerImage read(Path tarball) throws IOException {
    Map<String, byte[]> small = new LinkedHashMap<>();
    Map<String, String> digests = new LinkedHashMap<>();
    Map<String, String> diffIdsByBlob = new HashMap<>();
    Map<String, Map<String, FileEntry>> filesByBlob = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (name.endsWith(".json")) {
          small.put(name, tar.readAllBytes());
          continue;
        }
        MessageDigest blob = digest();
        MessageDigest uncompressed = digest();
        DigestInputStream compressedIn = new DigestInputStream(tar, blob);
        DigestInputStream uncompressedIn =
            new DigestInputStream(new GZIPInputStream(compressedIn), uncompressed);
        filesByBlob.put(name, files(new TarArchiveInputStream(uncompressedIn)));
        // The diff id covers the whole uncompressed stream, end-of-archive padding included; the
        // blob digest the whole compressed one. Not closed: closing would close the outer tarball.
        uncompressedIn.transferTo(OutputStream.nullOutputStream());
        compressedIn.transferTo(OutputStream.nullOutputStream());
        digests.put(name, HexFormat.of().formatHex(blob.digest()));
        diffIdsByBlob.put(name, "sha256:" + HexFormat.of().formatHex(uncompressed.digest()));
      }
    }
    JsonNode manifest = JSON.readTree(small.get("manifest.json"));
    JsonNode config = JSON.readTree(small.get(manifest.get(0).get("Config").asText()));
    Map<String, FileEntry> files = new LinkedHashMap<>();
    List<String> diffIds = new ArrayList<>();
    for (JsonNode layer : manifest.get(0).get("Layers")) {
      String name = layer.asText();
      if (!filesByBlob.containsKey(name)) {
        throw new IOException("layer " + name + " named in manifest.json is not in " + tarball);
      }
      files.putAll(filesByBlob.get(name)); // later layers win
      diffIds.add(diffIdsByBlob.get(name));
    }
    return new ContainerImage(manifest, config, digests, List.copyOf(diffIds), files);
  }

  private static Map<String, FileEntry> files(TarArchiveInputStream layer) throws IOException {
    Map<String, FileEntry> files = new LinkedHashMap<>();
    for (TarArchiveEntry file; (file = layer.getNextEntry()) != null; ) {
      String path = "/" + file.getName().replaceAll("/$", "");
      byte[] content = file.getSize() <= MAX_CONTENT ? layer.readAllBytes() : new byte[0];
      files.put(
          path,
          new FileEntry(
              path,
              file.isDirectory(),
              file.getMode() & 07777,
              file.getLongUserId(),
              file.getLongGroupId(),
              content));
    }
    return files;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
