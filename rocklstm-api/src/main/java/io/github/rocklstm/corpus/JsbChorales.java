package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;

/**
 * The JSB chorales benchmark (Boulanger-Lewandowski et al. 2012) as piano rolls: for each split ({@code train},
 * {@code valid}, {@code test}) a list of pieces, each piece a list of time steps, each step the MIDI pitches
 * sounding then, as listed in the file (order and repeated pitches kept; an empty step is silence). The steps
 * are quarter, eighth or 16th notes depending on the file. Read with {@link JsbChoralesReader}.
 *
 * @param splits split name to pieces, in file order
 */
public record JsbChorales(ImmutableMap<String, ImmutableList<ImmutableList<ImmutableIntArray>>> splits) {

  /** The training split's name. */
  public static final String TRAIN = "train";
  /** The validation split's name. */
  public static final String VALID = "valid";
  /** The test split's name. */
  public static final String TEST = "test";

  public JsbChorales {
    Preconditions.checkNotNull(splits, "splits");
  }

  /**
   * The pieces of one split.
   *
   * @throws IllegalArgumentException naming the splits there are, when {@code name} is not one
   */
  public ImmutableList<ImmutableList<ImmutableIntArray>> split(String name) {
    ImmutableList<ImmutableList<ImmutableIntArray>> pieces = splits.get(name);
    if (pieces == null) {
      throw new IllegalArgumentException("no split '" + name + "' (the splits are " + splits.keySet() + ")");
    }
    return pieces;
  }

  /** The {@value #TRAIN} split. */
  public ImmutableList<ImmutableList<ImmutableIntArray>> train() {
    return split(TRAIN);
  }

  /** The {@value #VALID} split. */
  public ImmutableList<ImmutableList<ImmutableIntArray>> valid() {
    return split(VALID);
  }

  /** The {@value #TEST} split. */
  public ImmutableList<ImmutableList<ImmutableIntArray>> test() {
    return split(TEST);
  }

  /** The number of time steps over all pieces of a split. */
  public int stepCount(String name) {
    int steps = 0;
    for (ImmutableList<ImmutableIntArray> piece : split(name)) {
      steps += piece.size();
    }
    return steps;
  }
}
