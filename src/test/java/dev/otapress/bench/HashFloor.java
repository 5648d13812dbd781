package dev.otapress.bench;

import dev.otapress.Digests;
import dev.otapress.ipa.HashingCopy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The least any build of these files could cost in a JVM: start, hash each file once with
 * otapress's own hashing (native where the runtime has it), on one thread per core, and print the
 * hashes. bench/run times it with bin/otapress's compiler flag, next to openssl over the same files,
 * to show how far below the build's own time the floor lies.
 *
 * <pre>  HashFloor FILE...</pre>
 */
public final class HashFloor {
    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        List<Future<String>> hashes = new ArrayList<>();
        for (String file : args) hashes.add(pool.submit(() -> HashingCopy.hash(Path.of(file))));
        for (int i = 0; i < args.length; i++) System.out.println(hashes.get(i).get() + "  " + args[i]);
        System.err.println("native digests: " + Digests.nativeAvailable());
    }

    private HashFloor() {
    }
}
