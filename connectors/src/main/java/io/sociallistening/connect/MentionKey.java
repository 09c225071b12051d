package io.sociallistening.connect;

import io.sociallistening.avro.Mention;
import io.sociallistening.avro.Platform;
import java.util.Locale;

/**
 * The record key of the raw mentions topic: {@code <platform>:<id>} with the platform in lower
 * case, e.g. {@code bluesky:3kabc} or {@code hacker_news:42137}. Keys are plain UTF-8 strings (use
 * {@code org.apache.kafka.connect.storage.StringConverter} as the key converter), so copies of one
 * post delivered twice land on the same key.
 */
public final class MentionKey {
  private MentionKey() {}

  public static String of(Mention m) {
    return of(m.getPlatform(), m.getId());
  }

  public static String of(Platform platform, String id) {
    return platform.name().toLowerCase(Locale.ROOT) + ':' + id;
  }
}
