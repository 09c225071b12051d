package io.sociallistening.connect.sample;

/** Text written by the {@link Phrasebook}: the post, its language and, for articles, a title. */
public record Post(String text, String language, String title) {}
