package dev.otapress.cli;

import dev.otapress.serve.PreviewServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code otapress serve}: a local preview that rebuilds on change. */
@Command(name = "serve",
        description = {"Serves a preview of the portal on 127.0.0.1, rebuilding when site.yaml, content/, themes/,"
                + " templates/ or static/ change, and reloading open pages.",
                "It builds into a temporary folder of its own, never public/, so a preview is never deployed."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SiteOption site;

    @Option(names = {"-p", "--port"}, paramLabel = "N", description = "The port on 127.0.0.1 (default: 1313; 0 for any free port).")
    int port = 1313;

    @Mixin
    DraftsOption drafts;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PreviewServer server;
        try {
            server = new PreviewServer(site.dir(), port, drafts.included(), line -> {
                out.println(line);
                out.flush();
            });
        } catch (BindException e) {
            throw new CliError("port " + port + " on 127.0.0.1 is in use; pick another with --port");
        }
        out.println("Serving " + server.address() + " (built into " + server.outputFolder() + "; Ctrl-C stops)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return Main.OK;
    }
}
