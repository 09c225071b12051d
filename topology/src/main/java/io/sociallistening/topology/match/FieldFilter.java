package io.sociallistening.topology.match;

import java.util.Locale;
import java.util.Set;

/**
 * A field filter of the rule language: {@code lang:xx} (the declared language or one of its
 * regional forms, {@code lang:en} matches {@code en-US}), {@code platform:name} (letters and digits
 * only, case-insensitive, so {@code hackernews}, {@code hacker_news} and {@code HACKER_NEWS} are
 * one platform), {@code author:handle} (case-insensitive, a leading {@code @} ignored) and {@code
 * site:domain} (the host of the post URL is the domain or one of its subdomains).
 */
final class FieldFilter implements Clause {

  /** The fields a filter can look at. */
  enum Field {
    LANG,
    PLATFORM,
    AUTHOR,
    SITE;

    static Field named(String name) {
      switch (name.toLowerCase(Locale.ROOT)) {
        case "lang":
          return LANG;
        case "platform":
          return PLATFORM;
        case "author":
          return AUTHOR;
        case "site":
          return SITE;
        default:
          return null;
      }
    }
  }

  private final int start;
  private final Field field;
  private final String value;

  private FieldFilter(int start, Field field, String value) {
    this.start = start;
    this.field = field;
    this.value = value;
  }

  /**
   * A filter on {@code field} for the raw {@code value} as written in the rule, or null if the
   * value cannot be normalised (empty, or a site that is not a domain).
   */
  static FieldFilter of(int start, Field field, String value) {
    String normalised;
    switch (field) {
      case LANG:
        normalised = normaliseLanguage(value);
        break;
      case PLATFORM:
        normalised = platformKey(value);
        break;
      case AUTHOR:
        normalised = normaliseHandle(value);
        break;
      case SITE:
        normalised = normaliseDomain(value);
        break;
      default:
        throw new IllegalStateException("unknown field " + field);
    }
    return normalised == null || normalised.isEmpty()
        ? null
        : new FieldFilter(start, field, normalised);
  }

  static String normaliseLanguage(String language) {
    return language.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Upper-case letters and digits of a platform name: {@code hacker_news} is {@code HACKERNEWS}.
   */
  static String platformKey(String platform) {
    StringBuilder key = new StringBuilder(platform.length());
    for (int i = 0; i < platform.length(); i++) {
      char c = platform.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        key.append(Character.toUpperCase(c));
      }
    }
    return key.toString();
  }

  static String normaliseHandle(String handle) {
    String trimmed = handle.trim();
    if (trimmed.startsWith("@")) {
      trimmed = trimmed.substring(1);
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }

  private static final Set<Character> NOT_IN_DOMAIN = Set.of('/', '?', '#', '@', ':');

  private static String normaliseDomain(String domain) {
    String lower = domain.trim().toLowerCase(Locale.ROOT);
    while (lower.endsWith(".")) {
      lower = lower.substring(0, lower.length() - 1);
    }
    while (lower.startsWith(".")) {
      lower = lower.substring(1);
    }
    for (int i = 0; i < lower.length(); i++) {
      if (NOT_IN_DOMAIN.contains(lower.charAt(i))) {
        return null;
      }
    }
    return lower;
  }

  Field field() {
    return field;
  }

  String value() {
    return value;
  }

  @Override
  public int start() {
    return start;
  }

  @Override
  public boolean matches(AnalysedPost post) {
    switch (field) {
      case LANG:
        String language = post.language();
        return language != null
            && language.startsWith(value)
            && (language.length() == value.length() || language.charAt(value.length()) == '-');
      case PLATFORM:
        return value.equals(post.platform());
      case AUTHOR:
        return value.equals(post.author());
      case SITE:
        String host = post.host();
        return host != null
            && host.endsWith(value)
            && (host.length() == value.length()
                || host.charAt(host.length() - value.length() - 1) == '.');
      default:
        throw new IllegalStateException("unknown field " + field);
    }
  }

  @Override
  public boolean positive() {
    return true;
  }

  @Override
  public Anchors anchors() {
    return null;
  }

  @Override
  public void collectMatched(AnalysedPost post, Set<String> out) {}
}
