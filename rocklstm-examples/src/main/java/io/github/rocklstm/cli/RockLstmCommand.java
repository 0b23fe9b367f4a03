package io.github.rocklstm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rocklstm} command: corpus statistics, training, generation and evaluation of LSTM models on
 * symbolic music. Run with no arguments or {@code --help} for the list of subcommands.
 */
@Command(
    name = "rocklstm",
    mixinStandardHelpOptions = true,
    versionProvider = RockLstmCommand.Version.class,
    description = "LSTM sequence models for symbolic music: rock chord progressions and four-voice chorales.",
    subcommands = {CorpusCommand.class, TrainCommand.class, GenerateCommand.class, InpaintCommand.class,
        EvaluateCommand.class, ListeningTestCommand.class, ChoraleCommand.class, GridSearchCommand.class,
        JsbCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class RockLstmCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the project's error handling: bad input prints a message, not a stack trace. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RockLstmCommand());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
              || ex instanceof io.github.rocklstm.corpus.CorpusFormatException
              || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            commandLine.getErr().println("rocklstm: " + ex.getMessage());
            return 2;
          }
          throw ex;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("rocklstm: " + ex.getMessage() + " (see --help)");
          return 2;
        });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Reads the version from the jar manifest (Implementation-Version), or says it is a development build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = RockLstmCommand.class.getPackage().getImplementationVersion();
      return new String[] {"rocklstm " + (v == null ? "(development build)" : v)};
    }
  }
}
