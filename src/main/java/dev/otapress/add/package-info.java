/**
 * {@code otapress add}: files a new build into content/ as a release folder, refusing what the
 * build would refuse (it runs the build's own {@link dev.otapress.pipeline.ReleaseReader}).
 */
package dev.otapress.add;
