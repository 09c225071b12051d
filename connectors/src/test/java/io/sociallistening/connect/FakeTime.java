package io.sociallistening.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;

/** A clock that only moves when slept on or advanced; remembers every sleep. */
public final class FakeTime implements Time {
  private long ms;
  public final List<Long> sleeps = new ArrayList<>();

  public FakeTime(long startMs) {
    this.ms = startMs;
  }

  public void advance(long deltaMs) {
    ms += deltaMs;
  }

  @Override
  public long milliseconds() {
    return ms;
  }

  @Override
  public long nanoseconds() {
    return ms * 1_000_000L;
  }

  @Override
  public void sleep(long sleepMs) {
    sleeps.add(sleepMs);
    ms += sleepMs;
  }

  @Override
  public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) {
    throw new UnsupportedOperationException("not used by the connectors");
  }
}
