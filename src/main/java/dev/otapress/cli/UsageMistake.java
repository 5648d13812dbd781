package dev.otapress.cli;

import dev.otapress.yaml.DidYouMean;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.List;

/** Says what was wrong with a command line, with a did-you-mean for a mistyped command or option. */
final class UsageMistake {
    private UsageMistake() {
    }

    static String describe(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return ex.getMessage();
        }
        CommandLine cmd = ex.getCommandLine();
        String word = unmatched.getUnmatched().get(0);
        if (word.startsWith("-")) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            String suggestion = DidYouMean.closest(name, cmd.getCommandSpec().optionsMap().keySet());
            return "unknown option '" + name + "'" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?");
        }
        if (!cmd.getSubcommands().isEmpty()) {
            List<String> commands = List.copyOf(cmd.getSubcommands().keySet());
            String suggestion = DidYouMean.closest(word, commands);
            return "unknown command '" + word + "'" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
                    + "\nCommands: " + String.join(", ", commands);
        }
        return "unexpected argument '" + word + "'" + (unmatched.getUnmatched().size() > 1
                ? " (and " + (unmatched.getUnmatched().size() - 1) + " more)" : "");
    }
}
