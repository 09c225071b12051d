package io.sociallistening.app.instance;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Where the commands' settings come from besides their defaults: environment variables named after
 * the keys, and keys given in a file or as {@code --key=value} arguments, which must be known.
 */
public final class SettingSources {
  private SettingSources() {}

  /**
   * The environment variable of {@code key}: {@code prefix} + the key in upper case, with '.' and
   * '-' as '_' ({@code topic.share-of-voice.1m} is {@code
   * SOCIAL_LISTENING_TOPIC_SHARE_OF_VOICE_1M}).
   */
  public static String envName(String prefix, String key) {
    return prefix + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * The settings the variables of {@code env} named {@code prefix}... give. A variable named after
   * a key of {@code def} ({@link #envName}) sets that key; any other is read as a pass-through key,
   * in lower case with '_' as '.' ({@code SOCIAL_LISTENING_KAFKA_SASL_MECHANISM} is {@code
   * kafka.sasl.mechanism}). Variables that start with one of {@code otherPrefixes} belong to
   * another command and are skipped.
   */
  public static Map<String, String> fromEnv(
      Map<String, String> env, String prefix, ConfigDef def, List<String> otherPrefixes) {
    Map<String, String> byEnvName = new HashMap<>();
    for (String key : def.names()) {
      byEnvName.put(envName(prefix, key), key);
    }
    Map<String, String> out = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (!name.startsWith(prefix)
              || name.length() == prefix.length()
              || otherPrefixes.stream().anyMatch(name::startsWith)) {
            return;
          }
          String key = byEnvName.get(name);
          out.put(
              key != null
                  ? key
                  : name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
              value);
        });
    return out;
  }

  /**
   * Refuses keys of {@code settings} that {@code def} does not define and that are not under one of
   * {@code passThroughPrefixes}: a misspelt key would otherwise be silently ignored.
   *
   * @throws ConfigException naming every unknown key and {@code source}
   */
  public static void requireKnown(
      Map<String, ?> settings, ConfigDef def, List<String> passThroughPrefixes, String source) {
    TreeSet<String> unknown = new TreeSet<>();
    for (String key : settings.keySet()) {
      if (!def.names().contains(key) && passThroughPrefixes.stream().noneMatch(key::startsWith)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          (unknown.size() == 1 ? "Unknown setting " : "Unknown settings ")
              + String.join(", ", unknown.stream().map(k -> "'" + k + "'").toList())
              + " "
              + source
              + (passThroughPrefixes.isEmpty()
                  ? ""
                  : "; settings passed through start with "
                      + String.join(" or ", passThroughPrefixes))
              + " (see docs/configuration.md or `social-listening config-docs`)");
    }
  }
}
