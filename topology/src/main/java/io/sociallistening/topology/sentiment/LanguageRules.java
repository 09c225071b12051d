package io.sociallistening.topology.sentiment;

import static io.sociallistening.topology.sentiment.ValenceRules.union;

import java.util.Map;
import java.util.Set;

/**
 * What the social scorer reads differently in the language of a text: negation words besides
 * VADER's, intensifiers and dampeners, contrastive words (weighed as "but"), the words that end the
 * segment of a brand, and whether "no" negates (English and Spanish) or is a plain word (Portuguese
 * "no", "in the").
 *
 * @param negations negation words besides {@link ValenceRules#NEGATIONS}
 * @param boosters intensifiers and dampeners with their scalar
 * @param contrasts contrastive words: the first one halves what comes before it and weighs what
 *     follows 1.5 times
 * @param segmentStarts words that start a new segment when scoring towards one brand
 * @param noNegates whether "no" negates the words after it
 */
record LanguageRules(
    Set<String> negations,
    Map<String, Double> boosters,
    Set<String> contrasts,
    Set<String> segmentStarts,
    boolean noNegates) {

  /** VADER's own rules: the VADER-compatible core. */
  static final LanguageRules VADER =
      new LanguageRules(
          Set.of(), ValenceRules.BOOSTERS, Set.of("but"), ValenceRules.SEGMENT_STARTS, true);

  /** English text; "super" is an intensifier here ("super cute", "super busy"), as in Spanish. */
  static final LanguageRules ENGLISH =
      new LanguageRules(
          Set.of(),
          ValenceRules.ENGLISH_BOOSTERS,
          ValenceRules.CONTRASTS,
          ValenceRules.SEGMENT_STARTS,
          true);

  /** Portuguese text. */
  static final LanguageRules PORTUGUESE =
      new LanguageRules(
          ValenceRules.PORTUGUESE_NEGATIONS,
          ValenceRules.PORTUGUESE_BOOSTERS,
          union(ValenceRules.CONTRASTS, ValenceRules.PORTUGUESE_CONTRASTS),
          union(
              ValenceRules.SEGMENT_STARTS,
              union(ValenceRules.PORTUGUESE_CONTRASTS, ValenceRules.PORTUGUESE_CONCESSIVES)),
          false);

  /** Spanish text. */
  static final LanguageRules SPANISH =
      new LanguageRules(
          ValenceRules.SPANISH_NEGATIONS,
          ValenceRules.SPANISH_BOOSTERS,
          union(ValenceRules.CONTRASTS, ValenceRules.SPANISH_CONTRASTS),
          union(
              ValenceRules.SEGMENT_STARTS,
              union(ValenceRules.SPANISH_CONTRASTS, ValenceRules.SPANISH_CONCESSIVES)),
          true);

  /**
   * Text whose language is not known: every negation word and intensifier of the three languages,
   * and only the English contrastive words (Portuguese "mas" is Spanish "más" typed without its
   * accent).
   */
  static final LanguageRules ANY =
      new LanguageRules(
          ValenceRules.SOCIAL_NEGATIONS,
          ValenceRules.SOCIAL_BOOSTERS,
          ValenceRules.CONTRASTS,
          ValenceRules.SEGMENT_STARTS,
          true);
}
