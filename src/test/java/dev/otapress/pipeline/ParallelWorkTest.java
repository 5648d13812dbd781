package dev.otapress.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tasks are taken in the order given, and their results come back in index order whatever the threads did. */
class ParallelWorkTest {

    @Test
    void onOneThreadTasksRunInTheGivenOrderAndResultsComeBackByIndex() {
        List<Integer> ran = new ArrayList<>();
        List<String> results = ParallelWork.run(new int[] {2, 0, 3, 1}, 1, i -> {
            ran.add(i);
            return "r" + i;
        });
        assertEquals(List.of(2, 0, 3, 1), ran);
        assertEquals(List.of("r0", "r1", "r2", "r3"), results);
    }

    @Test
    void onSeveralThreadsEveryTaskRunsOnceAndResultsComeBackByIndex() {
        int count = 200;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) order[i] = count - 1 - i;
        AtomicInteger runs = new AtomicInteger();
        List<Integer> results = ParallelWork.run(order, 3, i -> {
            runs.incrementAndGet();
            return i * i;
        });
        assertEquals(count, runs.get());
        for (int i = 0; i < count; i++) assertEquals(i * i, results.get(i));
    }
}
