package io.github.rocklstm.cli;

import picocli.CommandLine.Command;

/** {@code rocklstm corpus ...}: look at a corpus before training on it. */
@Command(
    name = "corpus",
    mixinStandardHelpOptions = true,
    description = "Inspect a corpus of chord charts or chorales.",
    subcommands = {CorpusStatsCommand.class})
final class CorpusCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
