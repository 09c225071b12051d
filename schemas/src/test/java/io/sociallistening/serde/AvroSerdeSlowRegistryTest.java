package io.sociallistening.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.sociallistening.avro.Mention;
import io.sociallistening.registry.SchemaRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** A registry call that hangs for one schema id does not hold up the decoding of other ids. */
class AvroSerdeSlowRegistryTest {
  // 1 and 17 fall in the same bin of a ConcurrentHashMap of 16 bins.
  private static final int SLOW_ID = 1;
  private static final int OTHER_ID = 17;

  @Test
  void shouldDecodeOtherSchemaIdsWhileOneLookupHangs() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch slowLookupStarted = new CountDownLatch(1);
    SchemaRegistry registry =
        new SchemaRegistry() {
          @Override
          public int register(String subject, Schema schema) {
            return OTHER_ID;
          }

          @Override
          public Schema schemaById(int id) {
            if (id == SLOW_ID) {
              slowLookupStarted.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return Mention.getClassSchema();
          }
        };
    AvroSerde<Mention> serde = AvroSerde.forValues(Mention.class, registry);
    byte[] other = serde.serialize("mentions", Records.mention());
    byte[] slow = other.clone();
    WireFormat.writeHeader(slow, SLOW_ID);

    CompletableFuture<Mention> hanging =
        CompletableFuture.supplyAsync(() -> serde.deserialize("mentions", slow));
    try {
      assertThat(slowLookupStarted.await(10, TimeUnit.SECONDS)).isTrue();
      Mention decoded =
          CompletableFuture.supplyAsync(() -> serde.deserialize("mentions", other))
              .get(10, TimeUnit.SECONDS);
      assertThat(decoded).isEqualTo(Records.mention());
    } finally {
      release.countDown();
    }
    assertThat(hanging.get(10, TimeUnit.SECONDS)).isEqualTo(Records.mention());
  }
}
