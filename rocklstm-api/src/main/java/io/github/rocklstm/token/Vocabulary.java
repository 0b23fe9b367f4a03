package io.github.rocklstm.token;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable bijection between token strings and ids 0 to {@code size() - 1}. The five special tokens come
 * first with fixed ids: {@link #PAD} = 0, {@link #START} = 1, {@link #END} = 2, {@link #UNK} = 3, {@link #MASK} = 4;
 * the other tokens follow in the order they were added to the {@link Builder}, so the same additions always
 * give the same ids.
 *
 * <p>A vocabulary is stored as its plain token list ({@link #tokens()}) and rebuilt with {@link #of(List)}, which
 * checks that the specials are in place.
 */
public final class Vocabulary {

  /** Padding after the end of a sequence in a batch. */
  public static final String PAD = "<pad>";
  /** The first token of every sequence. */
  public static final String START = "<start>";
  /** The last token of every sequence. */
  public static final String END = "<end>";
  /** Anything the vocabulary does not hold. */
  public static final String UNK = "<unk>";
  /** A masked position (for infilling objectives). */
  public static final String MASK = "<mask>";

  /** Id of {@link #PAD}. */
  public static final int PAD_ID = 0;
  /** Id of {@link #START}. */
  public static final int START_ID = 1;
  /** Id of {@link #END}. */
  public static final int END_ID = 2;
  /** Id of {@link #UNK}. */
  public static final int UNK_ID = 3;
  /** Id of {@link #MASK}. */
  public static final int MASK_ID = 4;

  /** The special tokens in id order. */
  public static final ImmutableList<String> SPECIAL_TOKENS = ImmutableList.of(PAD, START, END, UNK, MASK);

  private final ImmutableList<String> tokens;
  private final ImmutableMap<String, Integer> ids;

  private Vocabulary(ImmutableList<String> tokens) {
    this.tokens = tokens;
    ImmutableMap.Builder<String, Integer> builder = ImmutableMap.builderWithExpectedSize(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      builder.put(tokens.get(i), i);
    }
    this.ids = builder.buildOrThrow();
  }

  /**
   * The vocabulary with exactly these tokens in this order (as {@link #tokens()} wrote them).
   *
   * @throws IllegalArgumentException when the list does not start with the five specials in order, or holds a
   *     null, empty or duplicate token (naming it and its ids)
   */
  public static Vocabulary of(List<String> tokens) {
    Preconditions.checkNotNull(tokens, "tokens");
    Preconditions.checkArgument(tokens.size() >= SPECIAL_TOKENS.size()
            && tokens.subList(0, SPECIAL_TOKENS.size()).equals(SPECIAL_TOKENS),
        "a vocabulary must start with %s, got %s", SPECIAL_TOKENS,
        tokens.subList(0, Math.min(tokens.size(), SPECIAL_TOKENS.size())));
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      Preconditions.checkArgument(token != null && !token.isEmpty(), "vocabulary token %s is null or empty", i);
      if (!seen.add(token)) {
        throw new IllegalArgumentException(
            "vocabulary token '" + token + "' appears twice (ids " + tokens.indexOf(token) + " and " + i + ")");
      }
    }
    return new Vocabulary(ImmutableList.copyOf(tokens));
  }

  /** A builder that already holds the five specials. */
  public static Builder builder() {
    return new Builder();
  }

  /** The id of {@code token}, or {@link #UNK_ID} when the vocabulary does not hold it. */
  public int idOf(String token) {
    Integer id = ids.get(token);
    return id == null ? UNK_ID : id;
  }

  /** Whether the vocabulary holds {@code token}. */
  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /**
   * The token with this id.
   *
   * @throws IndexOutOfBoundsException when the id is not 0 to {@code size() - 1}
   */
  public String token(int id) {
    Preconditions.checkElementIndex(id, tokens.size(), "token id");
    return tokens.get(id);
  }

  /** The number of tokens, specials included. */
  public int size() {
    return tokens.size();
  }

  /** All tokens in id order, specials first: what {@link #of(List)} reads back. */
  public ImmutableList<String> tokens() {
    return tokens;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Vocabulary && ((Vocabulary) other).tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode();
  }

  /** {@code Vocabulary[31 tokens: <pad>, <start>, <end>, <unk>, <mask>, |, N, C:maj, ...]}. */
  @Override
  public String toString() {
    List<String> shown = tokens.size() <= 12 ? tokens : new ArrayList<>(tokens.subList(0, 12));
    return "Vocabulary[" + tokens.size() + " tokens: " + String.join(", ", shown)
        + (tokens.size() > 12 ? ", ..." : "") + "]";
  }

  /** Collects tokens in order; adding a token that is already there (a special included) does nothing. */
  public static final class Builder {
    private final LinkedHashSet<String> tokens = new LinkedHashSet<>(SPECIAL_TOKENS);

    private Builder() {}

    /** Adds a token after those already added. */
    public Builder add(String token) {
      Preconditions.checkArgument(token != null && !token.isEmpty(), "a token must not be null or empty");
      tokens.add(token);
      return this;
    }

    /** Adds tokens in the collection's iteration order. */
    public Builder addAll(Collection<String> more) {
      more.forEach(this::add);
      return this;
    }

    /** The vocabulary: specials, then the added tokens in order. */
    public Vocabulary build() {
      return new Vocabulary(ImmutableList.copyOf(tokens));
    }
  }
}
