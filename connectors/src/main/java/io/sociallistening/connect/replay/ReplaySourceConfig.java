package io.sociallistening.connect.replay;

import io.sociallistening.connect.CommonSourceConfig;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Configuration of the replay source; a bad value fails at start naming its key. */
public final class ReplaySourceConfig extends AbstractConfig {
  public static final String FILE_CONFIG = "replay.file";
  public static final String TOPIC_CONFIG = CommonSourceConfig.TOPIC_CONFIG;
  public static final String SPEEDUP_CONFIG = "replay.speedup";
  public static final String REBASE_CONFIG = "replay.rebase";
  public static final String BATCH_SIZE_CONFIG = "replay.batch.size";
  public static final String LOOP_CONFIG = "replay.loop";

  public static final String DEFAULT_FILE = "classpath:sample/mentions.jsonl.gz";
  public static final String DEFAULT_TOPIC = CommonSourceConfig.DEFAULT_TOPIC;

  private static final String GROUP = "Replay";

  public static final ConfigDef CONFIG_DEF = configDef();

  public ReplaySourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
    if (file().startsWith(MentionLines.CLASSPATH_PREFIX)
        && file().length() == MentionLines.CLASSPATH_PREFIX.length()) {
      throw new ConfigException(FILE_CONFIG, file(), "names no classpath resource");
    }
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    def.define(
        FILE_CONFIG,
        Type.STRING,
        DEFAULT_FILE,
        new ConfigDef.NonEmptyStringWithoutControlChars(),
        Importance.HIGH,
        "JSON-lines file of mentions to replay: a path, or 'classpath:<resource>'. A name"
            + " ending in .gz is read as gzip.",
        GROUP,
        1,
        ConfigDef.Width.LONG,
        "File");
    CommonSourceConfig.topic(def, GROUP, 2);
    def.define(
        SPEEDUP_CONFIG,
        Type.DOUBLE,
        600.0,
        Range.atLeast(0.0),
        Importance.MEDIUM,
        "How many times faster than the timeline records are emitted, paced by the gaps"
            + " between their createdAt: 600 plays one minute of timeline in 0.1 s; 0 emits"
            + " as fast as possible.",
        GROUP,
        3,
        ConfigDef.Width.SHORT,
        "Speed-up");
    def.define(
        REBASE_CONFIG,
        Type.BOOLEAN,
        true,
        Importance.MEDIUM,
        "Shift every timestamp by one fixed whole number of days so that the timeline's last"
            + " record lands within the day before the connector's first start time (posts keep"
            + " their time of day, so every replay gives the same buckets and alerts). The shift"
            + " is stored in the source offset, so restarts keep it.",
        GROUP,
        4,
        ConfigDef.Width.SHORT,
        "Rebase timestamps");
    CommonSourceConfig.batchSize(
        def, BATCH_SIZE_CONFIG, "Most records returned by one poll.", GROUP, 5);
    def.define(
        LOOP_CONFIG,
        Type.BOOLEAN,
        false,
        Importance.LOW,
        "Start again from the first line at the end of the file. Each pass shifts timestamps"
            + " by the timeline's span plus one minute and suffixes ids with '-r<pass>' so"
            + " that passes are new posts. A whole pass without a valid mention ends the"
            + " replay.",
        GROUP,
        6,
        ConfigDef.Width.SHORT,
        "Loop");
    return def;
  }

  public String file() {
    return getString(FILE_CONFIG);
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  public double speedup() {
    return getDouble(SPEEDUP_CONFIG);
  }

  public boolean rebase() {
    return getBoolean(REBASE_CONFIG);
  }

  public int batchSize() {
    return getInt(BATCH_SIZE_CONFIG);
  }

  public boolean loop() {
    return getBoolean(LOOP_CONFIG);
  }
}
