package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chorale;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chorales ready for training: each {@linkplain ChoraleTokenizer#prepare prepared} (C major / A minor, 16th-note
 * grid, ties merged), split 90/10 by id ({@link ChoraleSplit}), with the summed {@link QuantisationReport}.
 *
 * <pre>{@code
 * ChoraleCorpus corpus = ChoraleCorpus.prepare(MusicXmlChoraleReader.strict().readAll(files).chorales());
 * ChoraleTokenizer tokenizer = corpus.fitTokenizer();          // vocabulary of the training part
 * List<int[]> train = corpus.encode(tokenizer, ChoraleSplit.TRAIN);
 * }</pre>
 */
public final class ChoraleCorpus {

  private final ImmutableList<PreparedChorale> chorales;
  private final QuantisationReport report;

  private ChoraleCorpus(ImmutableList<PreparedChorale> chorales, QuantisationReport report) {
    this.chorales = chorales;
    this.report = report;
  }

  /**
   * The chorales prepared, in the given order.
   *
   * @throws IllegalArgumentException when two chorales share an id (naming it), or one cannot be prepared
   */
  public static ChoraleCorpus prepare(Collection<Chorale> chorales) {
    Preconditions.checkNotNull(chorales, "chorales");
    Set<String> ids = new HashSet<>();
    ImmutableList.Builder<PreparedChorale> prepared = ImmutableList.builderWithExpectedSize(chorales.size());
    QuantisationReport report = QuantisationReport.ZERO;
    for (Chorale chorale : chorales) {
      Preconditions.checkNotNull(chorale, "null chorale");
      Preconditions.checkArgument(ids.add(chorale.id()), "two chorales have the id %s", chorale.id());
      PreparedChorale p = ChoraleTokenizer.prepare(chorale);
      prepared.add(p);
      report = report.plus(p.report());
    }
    return new ChoraleCorpus(prepared.build(), report);
  }

  /** All prepared chorales, in the order given. */
  public ImmutableList<PreparedChorale> chorales() {
    return chorales;
  }

  /** The prepared chorales of one part, in the order given. */
  public ImmutableList<PreparedChorale> part(ChoraleSplit split) {
    Preconditions.checkNotNull(split, "split");
    return chorales.stream().filter(p -> ChoraleSplit.of(p.id()) == split).collect(ImmutableList.toImmutableList());
  }

  /** The training part (about 90%). */
  public ImmutableList<PreparedChorale> train() {
    return part(ChoraleSplit.TRAIN);
  }

  /** The validation part (about 10%). */
  public ImmutableList<PreparedChorale> validation() {
    return part(ChoraleSplit.VALIDATION);
  }

  /** What preparation changed, summed over all chorales. */
  public QuantisationReport report() {
    return report;
  }

  /** A tokenizer whose vocabulary is fitted on the training part ({@link ChoraleTokenizer#fit}). */
  public ChoraleTokenizer fitTokenizer() {
    return ChoraleTokenizer.fit(
        train().stream().map(PreparedChorale::chorale).collect(ImmutableList.toImmutableList()));
  }

  /** The token sequences of one part, in order. */
  public List<int[]> encode(ChoraleTokenizer tokenizer, ChoraleSplit split) {
    Preconditions.checkNotNull(tokenizer, "tokenizer");
    return part(split).stream().map(p -> tokenizer.encode(p.chorale())).collect(ImmutableList.toImmutableList());
  }

  @Override
  public String toString() {
    return "ChoraleCorpus[" + chorales.size() + " chorales, " + report + "]";
  }
}
