package io.sociallistening.topology.language;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Measures {@link LanguageDetector} on labelled sentences: a directory with one file per language,
 * {@code <iso-639-1>.txt}, one sentence per line (en, pt, es must be detected; de, fr, it, nl must
 * come out {@code und}), whole and cut to their first 8, 5 and 3 words, to stand in for short
 * posts. A file ending in {@code .csv} given as a further argument is read as the Sentiment140 test
 * set (English tweets, text in the sixth double-quoted field). When lingua ({@code
 * com.github.pemistahl:lingua}) is on the class path it is measured beside ours, restricted to the
 * same seven languages, in high-accuracy mode; any other language it names counts as {@code und}.
 *
 * <p>Run from the repository root (not a unit test: the data is not in the repository):
 *
 * <pre>
 * mvn -o -q -pl topology test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp topology/target/test-classes:topology/target/classes:$(cat topology/target/cp.txt) \
 *     io.sociallistening.topology.language.LanguageEvaluation DIR [testdata.manual.2009.06.14.csv]
 * </pre>
 */
public final class LanguageEvaluation {
  private static final List<String> LANGUAGES = List.of("en", "pt", "es", "de", "fr", "it", "nl");
  private static final List<String> DETECTED = List.of("en", "pt", "es");
  private static final int[] CUTS = {Integer.MAX_VALUE, 8, 5, 3};

  private LanguageEvaluation() {}

  public static void main(String[] args) throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> gold = new ArrayList<>();
    for (String language : LANGUAGES) {
      Path file = Path.of(args[0], language + ".txt");
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            texts.add(line.trim());
            gold.add(language);
          }
        }
      }
    }
    List<String> tweets = new ArrayList<>();
    if (args.length > 1) {
      for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
        String[] fields = line.split("\",\"", 6);
        if (fields.length == 6) {
          String text = fields[5];
          tweets.add(text.substring(0, text.length() - 1).replace("\"\"", "\""));
        }
      }
    }
    LanguageDetector ours = LanguageDetector.loadDefault();
    measure("ours", ours::detect, texts, gold, tweets);
    UnaryOperator<String> lingua = lingua();
    if (lingua != null) {
      measure("lingua (high accuracy)", lingua, texts, gold, tweets);
    }
  }

  private static void measure(
      String name,
      UnaryOperator<String> detector,
      List<String> texts,
      List<String> gold,
      List<String> tweets) {
    System.out.printf(Locale.ROOT, "%s%n", name);
    for (int cut : CUTS) {
      StringBuilder line = new StringBuilder();
      int right = 0;
      for (String language : LANGUAGES) {
        int n = 0;
        int correct = 0;
        int undetermined = 0;
        for (int i = 0; i < texts.size(); i++) {
          if (gold.get(i).equals(language)) {
            String got = detector.apply(firstWords(texts.get(i), cut));
            n++;
            undetermined += got.equals("und") ? 1 : 0;
            boolean expected =
                DETECTED.contains(language) ? got.equals(language) : got.equals("und");
            correct += expected ? 1 : 0;
          }
        }
        right += correct;
        if (n > 0) {
          line.append(
              String.format(
                  Locale.ROOT, "  %s %d/%d (und %d)", language, correct, n, undetermined));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "  %-11s right %d/%d%s%n",
          cut == Integer.MAX_VALUE ? "whole" : "first " + cut,
          right,
          texts.size(),
          line);
    }
    if (!tweets.isEmpty()) {
      int english = 0;
      int undetermined = 0;
      for (String tweet : tweets) {
        String got = detector.apply(tweet);
        english += got.equals("en") ? 1 : 0;
        undetermined += got.equals("und") ? 1 : 0;
      }
      System.out.printf(
          Locale.ROOT,
          "  tweets      en %d/%d, und %d, other %d%n",
          english,
          tweets.size(),
          undetermined,
          tweets.size() - english - undetermined);
    }
  }

  private static String firstWords(String text, int count) {
    String[] words = text.split("\\s+");
    return words.length <= count ? text : String.join(" ", Arrays.copyOf(words, count));
  }

  /** lingua's detector over the seven languages, or null when lingua is not on the class path. */
  private static UnaryOperator<String> lingua() throws ReflectiveOperationException {
    Class<?> builderClass;
    try {
      builderClass = Class.forName("com.github.pemistahl.lingua.api.LanguageDetectorBuilder");
    } catch (ClassNotFoundException e) {
      return null;
    }
    Class<?> languageClass = Class.forName("com.github.pemistahl.lingua.api.Language");
    String[] names = {"ENGLISH", "PORTUGUESE", "SPANISH", "GERMAN", "FRENCH", "ITALIAN", "DUTCH"};
    Object languages = java.lang.reflect.Array.newInstance(languageClass, names.length);
    for (int i = 0; i < names.length; i++) {
      java.lang.reflect.Array.set(languages, i, languageClass.getField(names[i]).get(null));
    }
    Object builder =
        builderClass.getMethod("fromLanguages", languages.getClass()).invoke(null, languages);
    Object detector = builderClass.getMethod("build").invoke(builder);
    Method detect = detector.getClass().getMethod("detectLanguageOf", String.class);
    return text -> {
      try {
        String language = detect.invoke(detector, text).toString();
        int index = Arrays.asList(names).indexOf(language);
        return index >= 0 && index < 3 ? LANGUAGES.get(index) : "und";
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
