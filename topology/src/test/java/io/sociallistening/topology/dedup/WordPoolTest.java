package io.sociallistening.topology.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordPoolTest {
  @Test
  void shouldShareOneStringPerWordAcrossPosts() {
    WordPool pool = new WordPool();
    String[] first = {new String("flight"), new String("delayed")};
    String[] second = {new String("flight"), new String("cancelled")};

    pool.acquire(first);
    pool.acquire(second);

    assertThat(second[0]).isSameAs(first[0]);
    assertThat(second).containsExactly("flight", "cancelled");
    assertThat(pool.size()).isEqualTo(3);
  }

  @Test
  void shouldDropAWordWhenItsLastPostIsReleased() {
    WordPool pool = new WordPool();
    String[] first = {"flight", "delayed"};
    String[] second = {"flight", "cancelled"};
    pool.acquire(first);
    pool.acquire(second);

    pool.release(first);
    assertThat(pool.size()).isEqualTo(2); // "flight" is still used by the second post

    pool.release(second);
    assertThat(pool.size()).isZero();
  }

  @Test
  void shouldCountAWordRepeatedInOnePostOncePerUse() {
    WordPool pool = new WordPool();
    String[] post = {"so", "so", "good"};
    pool.acquire(post);

    pool.release(new String[] {"so"});
    assertThat(pool.size()).isEqualTo(2);
    pool.release(new String[] {"so", "good"});
    assertThat(pool.size()).isZero();
  }
}
