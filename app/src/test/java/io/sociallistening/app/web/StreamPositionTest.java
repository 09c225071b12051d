package io.sociallistening.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPositionTest {

  @Test
  void shouldReadBackTheIdItWrites() {
    StreamPosition position = StreamPosition.of(Map.of(2, 1610L, 0, 1523L, 1, 1498L));

    assertThat(position.id()).isEqualTo("0:1523,1:1498,2:1610");
    assertThat(StreamPosition.parse(position.id())).isEqualTo(position);
  }

  @Test
  void shouldMoveOnlyForwardAndCountAPartitionItNeverNamedFromTheStart() {
    StreamPosition position = StreamPosition.parse("0:10");

    assertThat(position.covers(0, 9)).isTrue();
    assertThat(position.covers(0, 10)).isFalse();
    assertThat(position.after(0, 10).id()).isEqualTo("0:11");
    assertThat(position.after(0, 4)).isSameAs(position);
    // a partition added to the topic since: nothing had from it yet
    assertThat(position.covers(3, 0)).isFalse();
    assertThat(position.after(3, 0).id()).isEqualTo("0:10,3:1");
    assertThat(position.id()).as("unchanged").isEqualTo("0:10");
  }

  @Test
  void shouldRefuseAnIdItCannotHaveSentNamingWhatItExpects() {
    for (String id :
        new String[] {
          "", "abc", "0:", ":5", "0:5,", "0:-1", "-1:5", "0:5,0:6", "0:1e3", "0:5;1:6"
        }) {
      assertThatThrownBy(() -> StreamPosition.parse(id))
          .as(id)
          .isInstanceOf(BadParameter.class)
          .hasMessage(
              "Last-Event-ID must be an id this stream sent (partition:offset pairs separated by"
                  + " commas), not '"
                  + id
                  + "'");
    }
    String many = "0:1,".repeat(StreamPosition.MAX_PARTITIONS) + "0:1";
    assertThatThrownBy(() -> StreamPosition.parse(many))
        .isInstanceOf(BadParameter.class)
        .hasMessageEndingWith("not '" + many.substring(0, 80) + "...'");
  }
}
