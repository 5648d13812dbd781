package dev.otapress.deploy;

/**
 * What a deploy did (or, for a dry run, would do).
 *
 * @param deleted objects deleted; with --no-delete, 0 and {@code kept} says how many stayed
 * @param kept    objects the portal no longer has that were left in place
 */
public record DeployReport(DeployPlan plan, int uploaded, int unchanged, int deleted, int kept, long bytes, boolean dryRun) {
}
