package io.github.rocklstm.sample;

/**
 * The fixed ids of the vocabulary's special tokens, as the whole project numbers them. Kept here, package-private,
 * until the token package's {@code Vocabulary} constants are on main; then this class should defer to them.
 */
final class SpecialTokens {

  static final int PAD = 0;
  static final int START = 1;
  static final int END = 2;
  static final int UNK = 3;
  static final int MASK = 4;

  private SpecialTokens() {}
}
