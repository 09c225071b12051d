package io.sociallistening.topology.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BrandCrisisStateTest {
  private static final long T0 = 1_767_607_200_000L;

  /** A state as version 1 wrote it: the open buckets inside the brand's record. */
  private static byte[] version1(CrisisState detector, long closedUntil, OpenBucket... open)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(1);
    byte[] detectorBytes = detector.toBytes();
    out.writeInt(detectorBytes.length);
    out.write(detectorBytes);
    out.writeLong(closedUntil);
    out.writeInt(open.length);
    for (OpenBucket bucket : open) {
      bucket.write(out);
    }
    out.flush();
    return bytes.toByteArray();
  }

  private static OpenBucket bucket(long start, long volume, long negative) {
    OpenBucket bucket = new OpenBucket(start);
    bucket.volume = volume;
    bucket.negative = negative;
    bucket.terms.put("outage", (int) negative);
    return bucket;
  }

  @Test
  void shouldHandOverTheOpenBucketsOfAVersionOneState() throws IOException {
    byte[] old = version1(CrisisState.initial(), T0, bucket(T0, 7, 3), bucket(T0 + 60_000, 2, 1));

    BrandCrisisState state = BrandCrisisState.fromBytes(old);

    assertThat(state.closedUntil).isEqualTo(T0);
    assertThat(state.lastMention).isEqualTo(T0 + 60_000);
    assertThat(state.openStarts).isEmpty();
    assertThat(state.legacyOpen)
        .extracting(b -> b.start, b -> b.volume, b -> b.negative, b -> b.terms.get("outage"))
        .containsExactly(tuple(T0, 7L, 3L, 3), tuple(T0 + 60_000, 2L, 1L, 1));
  }

  @Test
  void shouldWriteNoOpenBucketIntoTheBrandsRecord() {
    BrandCrisisState state = BrandCrisisState.initial();
    state.closedUntil = T0;
    state.lastMention = T0 - 60_000;
    state.openStarts.add(T0);
    state.openStarts.add(T0 + 60_000);

    BrandCrisisState read = BrandCrisisState.fromBytes(state.toBytes());

    assertThat(state.toBytes()).hasSize(1 + 4 + CrisisState.initial().toBytes().length + 8 + 8);
    assertThat(read.closedUntil).isEqualTo(T0);
    assertThat(read.lastMention).isEqualTo(T0 - 60_000);
    assertThat(read.openStarts).isEmpty();
    assertThat(read.legacyOpen).isEmpty();
  }

  @Test
  void shouldReadBackAnOpenBucketFromItsOwnRecord() {
    OpenBucket bucket = bucket(T0, 9, 4);

    OpenBucket read = OpenBucket.fromBytes(bucket.toBytes());

    assertThat(read.start).isEqualTo(T0);
    assertThat(read.volume).isEqualTo(9);
    assertThat(read.negative).isEqualTo(4);
    assertThat(read.terms).containsEntry("outage", 4);
  }
}
