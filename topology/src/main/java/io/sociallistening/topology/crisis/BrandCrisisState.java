package io.sociallistening.topology.crisis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One brand's crisis state as kept in the store: the detector's state, the end of the last closed
 * bucket and the start of the last bucket with a mention. Serialised with a version byte so that it
 * can evolve. The open buckets themselves live in their own store, one record each; {@link
 * #openStarts} only lists them, rebuilt from that store when the state is loaded.
 *
 * <p>Version 1 also held every open bucket; {@link #fromBytes} hands those over in {@link
 * #legacyOpen} so that they can be moved to the bucket store.
 */
final class BrandCrisisState {
  private static final byte V1 = 1;
  private static final byte V2 = 2;

  CrisisState detector;
  long closedUntil;
  long lastMention;

  /** Starts of this brand's open buckets (not serialised). */
  final TreeSet<Long> openStarts = new TreeSet<>();

  /** Open buckets read from a version 1 record, still to be moved to the bucket store. */
  final List<OpenBucket> legacyOpen;

  /** Changed since it was last written to the store in ways that no bucket close records. */
  boolean dirty;

  private BrandCrisisState(
      CrisisState detector, long closedUntil, long lastMention, List<OpenBucket> legacyOpen) {
    this.detector = detector;
    this.closedUntil = closedUntil;
    this.lastMention = lastMention;
    this.legacyOpen = legacyOpen;
  }

  static BrandCrisisState initial() {
    return new BrandCrisisState(
        CrisisState.initial(), Long.MIN_VALUE, Long.MIN_VALUE, new ArrayList<>());
  }

  byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(V2);
      byte[] detectorBytes = detector.toBytes();
      out.writeInt(detectorBytes.length);
      out.write(detectorBytes);
      out.writeLong(closedUntil);
      out.writeLong(lastMention);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BrandCrisisState fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != V1 && version != V2) {
        throw new IllegalStateException("Unknown crisis state version " + version);
      }
      byte[] detectorBytes = new byte[in.readInt()];
      in.readFully(detectorBytes);
      CrisisState detector = CrisisState.fromBytes(detectorBytes);
      long closedUntil = in.readLong();
      if (version == V2) {
        return new BrandCrisisState(detector, closedUntil, in.readLong(), new ArrayList<>());
      }
      int n = in.readInt();
      List<OpenBucket> open = new ArrayList<>(n);
      long lastMention = closedUntil;
      for (int i = 0; i < n; i++) {
        OpenBucket bucket = OpenBucket.read(in);
        open.add(bucket);
        lastMention = Math.max(lastMention, bucket.start);
      }
      return new BrandCrisisState(detector, closedUntil, lastMention, open);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
