package io.sociallistening.connect.synthetic;

import io.sociallistening.connect.CommonSourceConfig;
import io.sociallistening.connect.sample.SampleBrand;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Configuration of the synthetic source; a bad value fails at start naming its key. */
public final class SyntheticSourceConfig extends AbstractConfig {
  public static final String TOPIC_CONFIG = CommonSourceConfig.TOPIC_CONFIG;
  public static final String RATE_CONFIG = "synthetic.rate.per.second";
  public static final String SEED_CONFIG = "synthetic.seed";
  public static final String CRISIS_BRAND_CONFIG = "synthetic.crisis.brand";
  public static final String CRISIS_EVERY_CONFIG = "synthetic.crisis.every.minutes";
  public static final String CRISIS_DURATION_CONFIG = "synthetic.crisis.duration.minutes";
  public static final String BATCH_SIZE_CONFIG = "synthetic.batch.size";

  private static final String GROUP = "Synthetic";

  public static final ConfigDef CONFIG_DEF = configDef();

  public SyntheticSourceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
    if (getInt(CRISIS_DURATION_CONFIG) > getInt(CRISIS_EVERY_CONFIG)) {
      throw new ConfigException(
          CRISIS_DURATION_CONFIG,
          getInt(CRISIS_DURATION_CONFIG),
          "must not exceed " + CRISIS_EVERY_CONFIG + " (" + getInt(CRISIS_EVERY_CONFIG) + ")");
    }
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    CommonSourceConfig.topic(def, GROUP, 1);
    def.define(
        RATE_CONFIG,
        Type.DOUBLE,
        50.0,
        Range.between(0.001, 100_000.0),
        Importance.HIGH,
        "Ordinary mentions per second, over all brands (crisis posts come on top).",
        GROUP,
        2,
        ConfigDef.Width.SHORT,
        "Rate");
    def.define(
        SEED_CONFIG,
        Type.LONG,
        42L,
        Importance.LOW,
        "Seed of the generator; mention n of a seed always has the same id, text and author.",
        GROUP,
        3,
        ConfigDef.Width.SHORT,
        "Seed");
    def.define(
        CRISIS_BRAND_CONFIG,
        Type.STRING,
        "",
        ConfigDef.ValidString.in("", "acme-air", "skyways", "nimbus", "brewly"),
        Importance.MEDIUM,
        "Brand that gets a negative crisis burst every "
            + "synthetic.crisis.every.minutes; empty for none.",
        GROUP,
        4,
        ConfigDef.Width.SHORT,
        "Crisis brand");
    def.define(
        CRISIS_EVERY_CONFIG,
        Type.INT,
        30,
        Range.atLeast(1),
        Importance.MEDIUM,
        "Minutes from the task's start to the first burst and between bursts.",
        GROUP,
        5,
        ConfigDef.Width.SHORT,
        "Crisis period");
    def.define(
        CRISIS_DURATION_CONFIG,
        Type.INT,
        5,
        Range.atLeast(1),
        Importance.LOW,
        "Minutes a burst lasts, at 8 times the brand's ordinary negative volume.",
        GROUP,
        6,
        ConfigDef.Width.SHORT,
        "Crisis duration");
    CommonSourceConfig.batchSize(
        def, BATCH_SIZE_CONFIG, "Most records returned by one poll.", GROUP, 7);
    return def;
  }

  public String topic() {
    return getString(TOPIC_CONFIG);
  }

  public double ratePerSecond() {
    return getDouble(RATE_CONFIG);
  }

  public long seed() {
    return getLong(SEED_CONFIG);
  }

  /** The brand with crisis bursts, if any. */
  public Optional<SampleBrand> crisisBrand() {
    String id = getString(CRISIS_BRAND_CONFIG);
    return id.isEmpty() ? Optional.empty() : Optional.of(SampleBrand.byId(id));
  }

  public int crisisEveryMinutes() {
    return getInt(CRISIS_EVERY_CONFIG);
  }

  public int crisisDurationMinutes() {
    return getInt(CRISIS_DURATION_CONFIG);
  }

  public int batchSize() {
    return getInt(BATCH_SIZE_CONFIG);
  }
}
