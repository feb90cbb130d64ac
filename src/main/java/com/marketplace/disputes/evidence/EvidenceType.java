package com.marketplace.disputes.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file accepted as evidence, recognised by their first bytes: the name and the type
 * the browser claims are never trusted, so a script renamed to photo.jpg is refused.
 */
public enum EvidenceType {

  JPEG("image/jpeg", "JPEG image"),
  PNG("image/png", "PNG image"),
  WEBP("image/webp", "WebP image"),
  GIF("image/gif", "GIF image"),
  MP4("video/mp4", "MP4 video"),
  WEBM("video/webm", "WebM video"),
  PDF("application/pdf", "PDF document");

  /** Bytes enough to recognise every type here. */
  public static final int SNIFF_BYTES = 64;

  /** ISO base media brands of MP4 video; QuickTime (qt) and HEIF images (heic, mif1) are not. */
  private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5",
      "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4", "MSNV");

  private final String mediaType;
  private final String label;

  EvidenceType(String mediaType, String label) {
    this.mediaType = mediaType;
    this.label = label;
  }

  public String mediaType() {
    return mediaType;
  }

  public String label() {
    return label;
  }

  public boolean isImage() {
    return mediaType.startsWith("image/");
  }

  /**
   * Images and videos are shown in the browser as they are. A PDF may carry scripts and forms of
   * its own, so it is always downloaded, never opened in the application's origin.
   */
  public boolean opensInline() {
    return this != PDF;
  }

  /** The type of a file from its first bytes, or empty when it is none of the accepted ones. */
  public static Optional<EvidenceType> sniff(byte[] head) {
    if (startsWith(head, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return Optional.of(PNG);
    }
    if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
      return Optional.of(GIF);
    }
    if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
      return Optional.of(WEBP);
    }
    if (startsWith(head, 0, ascii("%PDF-"))) {
      return Optional.of(PDF);
    }
    if (startsWith(head, 4, ascii("ftyp")) && head.length >= 12
        && MP4_BRANDS.contains(new String(head, 8, 4, StandardCharsets.US_ASCII))) {
      return Optional.of(MP4);
    }
    if (startsWith(head, 0, new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})
        && contains(head, ascii("webm"))) {
      return Optional.of(WEBM);
    }
    return Optional.empty();
  }

  /** "JPEG image, PNG image, …" for messages. */
  public static String accepted() {
    return String.join(", ", Arrays.stream(values()).map(EvidenceType::label).toList());
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    if (data.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] data, byte[] part) {
    for (int i = 0; i + part.length <= data.length; i++) {
      if (startsWith(data, i, part)) {
        return true;
      }
    }
    return false;
  }
}
