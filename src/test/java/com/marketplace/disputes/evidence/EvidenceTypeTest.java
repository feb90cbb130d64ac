package com.marketplace.disputes.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceTypeTest {

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** An ISO base media file: size, "ftyp", then the brand. */
  private static byte[] isoMedia(String brand) {
    return ascii("\0\0\0\u0020ftyp" + brand + "\0\0\0\0isomiso2");
  }

  @Test
  void recognisesEachAcceptedKindByItsFirstBytes() {
    assertThat(EvidenceType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains(EvidenceType.JPEG);
    assertThat(EvidenceType.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)))
        .contains(EvidenceType.PNG);
    assertThat(EvidenceType.sniff(ascii("GIF89a\u0001\u0000"))).contains(EvidenceType.GIF);
    assertThat(EvidenceType.sniff(ascii("RIFF\u0010\0\0\0WEBPVP8 "))).contains(EvidenceType.WEBP);
    assertThat(EvidenceType.sniff(ascii("%PDF-1.7\n"))).contains(EvidenceType.PDF);
    assertThat(EvidenceType.sniff(isoMedia("isom"))).contains(EvidenceType.MP4);
    assertThat(EvidenceType.sniff(isoMedia("mp42"))).contains(EvidenceType.MP4);
    byte[] webm = Arrays.copyOf(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01), 40);
    System.arraycopy(ascii("B\u0082\u0084webm"), 0, webm, 20, 7);
    assertThat(EvidenceType.sniff(webm)).contains(EvidenceType.WEBM);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
      "<!DOCTYPE html><html>",
      "MZ\u0090\0\u0003\0\0\0",
      "PK\u0003\u0004 a zip or an office file",
      "",
      "GIF8"})
  void refusesWhatIsNotAnAcceptedKind(String content) {
    assertThat(EvidenceType.sniff(ascii(content))).isEmpty();
  }

  @Test
  void refusesQuickTimeAndHeifThoughTheyLookLikeMp4() {
    assertThat(EvidenceType.sniff(isoMedia("qt  "))).isEmpty();
    assertThat(EvidenceType.sniff(isoMedia("heic"))).isEmpty();
  }

  @Test
  void refusesMatroskaThatIsNotWebm() {
    byte[] matroska = Arrays.copyOf(bytes(0x1A, 0x45, 0xDF, 0xA3), 40);
    System.arraycopy(ascii("matroska"), 0, matroska, 20, 8);
    assertThat(EvidenceType.sniff(matroska)).isEmpty();
  }

  @Test
  void onlyPdfsAreKeptFromOpeningInTheBrowser() {
    assertThat(Arrays.stream(EvidenceType.values()).filter(type -> !type.opensInline()))
        .containsExactly(EvidenceType.PDF);
  }

  @Test
  void fileNamesLoseFoldersAndControlCharacters() {
    assertThat(EvidenceService.fileName("C:\\Users\\bea\\photo.jpg")).isEqualTo("photo.jpg");
    assertThat(EvidenceService.fileName("../../etc/pass\nwd\".png")).isEqualTo("passwd.png");
    assertThat(EvidenceService.fileName("   ")).isEqualTo("upload");
    assertThat(EvidenceService.fileName("x".repeat(300) + ".jpeg")).hasSize(255).endsWith(".jpeg");
  }
}
