package dev.otapress.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The {@code otapress} command: subcommands for building, inspecting and serving a portal. */
@Command(name = "otapress",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Builds a static release portal for in-house iOS apps from release notes and .ipa files.")
public final class Main implements Runnable {

    /**
     * Every command by name, in the order usage lists them: adding a command is one line here.
     * picocli builds a command's model reflectively, which costs a start about 0.1 s for all of
     * them, so a command line that names one gets only that one (see {@link #commandLine}).
     */
    static final List<Map.Entry<String, Class<?>>> COMMANDS = List.of(
            Map.entry("init", InitCommand.class),
            Map.entry("build", BuildCommand.class),
            Map.entry("add", AddCommand.class),
            Map.entry("prune", PruneCommand.class),
            Map.entry("server-config", ServerConfigCommand.class),
            Map.entry("check", CheckCommand.class),
            Map.entry("link", LinkCommand.class),
            Map.entry("serve", ServeCommand.class),
            Map.entry("deploy", DeployCommand.class),
            Map.entry("inspect", InspectCommand.class),
            Map.entry("help", CommandLine.HelpCommand.class));

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set by {@link CommonOptions} from whichever command --verbose was given to. */
    boolean verbose;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs one command line; the exit code is 0 ok, 1 bad input or failed build, 2 usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cli = commandLine(main, args);
        cli.setOut(out);
        cli.setErr(err);
        ErrorPrinter printer = new ErrorPrinter(err);
        cli.setExitCodeExceptionMapper(e -> FAILED);
        cli.setParameterExceptionHandler((ex, a) -> {
            printer.error(UsageMistake.describe(ex));
            printer.hint("Run 'otapress " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CliError) printer.error(ex.getMessage());
            else printer.unexpected(ex, main.verbose);
            return FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command tree this command line needs: only the command that its first word names, or
     * all of them where usage, help or a did-you-mean may list them (no arguments, an option
     * first, {@code help}, an unknown word). A command's parsing and messages never look at its
     * siblings, so both trees print the same bytes for it.
     */
    static CommandLine commandLine(Main main, String[] args) {
        CommandLine cli = new CommandLine(main);
        String first = args.length == 0 || args[0].equals("help") ? null : args[0];
        for (Map.Entry<String, Class<?>> command : COMMANDS) {
            if (command.getKey().equals(first)) return cli.addSubcommand(command.getKey(), command.getValue());
        }
        for (Map.Entry<String, Class<?>> command : COMMANDS) cli.addSubcommand(command.getKey(), command.getValue());
        return cli;
    }

    private static String commandPath(CommandLine cmd) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cmd; c.getParent() != null; c = c.getParent()) path.insert(0, c.getCommandName() + " ");
        return path.toString();
    }

    @Override
    public void run() {
        // Without a subcommand, say what there is rather than doing something surprising.
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. 'otapress build'");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"otapress " + (v == null ? "(development build)" : v)};
        }
    }
}
