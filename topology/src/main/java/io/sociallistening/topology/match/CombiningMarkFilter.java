package io.sociallistening.topology.match;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Removes combining diacritical marks (U+0300..U+036F) left in a token, so that decomposed text
 * ({@code e} followed by U+0301) folds like precomposed text ({@code é}), without ICU; and, in the
 * same way, the invisible marks that only choose how an emoji looks: variation selectors
 * (U+FE00..U+FE0F, as in the {@code ❤️} that phones send for {@code ❤}) and skin-tone modifiers
 * (U+1F3FB..U+1F3FF), so {@code 👍🏽} is {@code 👍}.
 */
final class CombiningMarkFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  CombiningMarkFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buffer = term.buffer();
    int length = term.length();
    int kept = 0;
    for (int i = 0; i < length; i++) {
      char c = buffer[i];
      if (c >= '\u0300' && c <= '\u036f' || c >= '\ufe00' && c <= '\ufe0f') {
        continue;
      }
      if (c == '\ud83c'
          && i + 1 < length
          && buffer[i + 1] >= '\udffb'
          && buffer[i + 1] <= '\udfff') {
        i++; // a skin-tone modifier, U+1F3FB..U+1F3FF
        continue;
      }
      buffer[kept++] = c;
    }
    if (kept != length) {
      term.setLength(kept);
    }
    return true;
  }
}
