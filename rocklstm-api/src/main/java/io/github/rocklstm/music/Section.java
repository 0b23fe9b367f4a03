package io.github.rocklstm.music;

import com.google.common.base.Preconditions;

/**
 * A labelled part of a {@link ChordProgression} ({@code verse}, {@code chorus}, {@code intro}), starting at an
 * event. Sections are placed by event index rather than by beat so that they survive any change of durations (a
 * tokenizer that drops durations still knows where each section starts); a section lasts until the next one
 * starts or the progression ends.
 *
 * @param label the label as the corpus writes it, not blank
 * @param startEvent the index in {@link ChordProgression#events()} of the section's first event, 0 or more
 */
public record Section(String label, int startEvent) {

  public Section {
    Preconditions.checkNotNull(label, "label");
    Preconditions.checkArgument(!label.isBlank(), "a section label must not be blank");
    Preconditions.checkArgument(startEvent >= 0, "a section starts at event 0 or later, got %s", startEvent);
  }
}
