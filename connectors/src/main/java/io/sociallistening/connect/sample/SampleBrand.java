package io.sociallistening.connect.sample;

import java.util.List;

/**
 * A fictional brand of the sample data: its id (as in {@code rules.jsonl}), display name, the ways
 * people write it, its account handle and hashtags, what it sells and, for a competitor, whose
 * competitor it is.
 */
public record SampleBrand(
    String id,
    String name,
    Category category,
    List<String> forms,
    String handle,
    String hashtag,
    String failTag,
    List<String> products,
    String competitorOf) {

  /** What a brand sells; selects the phrasebook its posts come from. */
  public enum Category {
    AIRLINE,
    PHONE,
    COFFEE
  }

  public static final SampleBrand ACME_AIR =
      new SampleBrand(
          "acme-air",
          "Acme Air",
          Category.AIRLINE,
          List.of("Acme Air", "acme air", "Acme Air", "@AcmeAir", "acmeair", "ACME AIR"),
          "@AcmeAir",
          "#AcmeAir",
          "#AcmeAirFail",
          List.of("AX"),
          null);

  public static final SampleBrand SKYWAYS =
      new SampleBrand(
          "skyways",
          "SkyWays",
          Category.AIRLINE,
          List.of("SkyWays", "skyways", "Skyways", "@SkyWays", "SKYWAYS"),
          "@SkyWays",
          "#SkyWays",
          "#SkyWaysFail",
          List.of("SW"),
          "acme-air");

  public static final SampleBrand NIMBUS =
      new SampleBrand(
          "nimbus",
          "Nimbus",
          Category.PHONE,
          List.of("Nimbus", "nimbus", "@NimbusMobile", "Nimbus", "nimbus"),
          "@NimbusMobile",
          "#NimbusX2",
          "#NimbusFail",
          List.of("Nimbus X2", "nimbus x2", "Nimbus X2 Pro", "nimbus x2", "Nimbus X2", "x2 pro"),
          null);

  public static final SampleBrand BREWLY =
      new SampleBrand(
          "brewly",
          "Brewly",
          Category.COFFEE,
          List.of("Brewly", "brewly", "@Brewly", "Brewly", "BREWLY"),
          "@Brewly",
          "#Brewly",
          "#BrewlyFail",
          List.of("Brewly"),
          null);

  /** The brands of the sample, in a fixed order. */
  public static final List<SampleBrand> ALL = List.of(ACME_AIR, SKYWAYS, NIMBUS, BREWLY);

  /** The brand with {@code id}. */
  public static SampleBrand byId(String id) {
    for (SampleBrand b : ALL) {
      if (b.id.equals(id)) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "Unknown sample brand '" + id + "', expected one of acme-air, skyways, nimbus, brewly");
  }
}
