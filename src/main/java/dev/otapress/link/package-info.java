/**
 * Install links for people: the three ways to write one ({@link InstallLinkForms}) and the
 * diagnosis of a broken one pasted from an email, a wiki or an HTML page ({@link LinkExplainer}).
 * The link itself is built by {@link dev.otapress.render.Urls#installLink}, as on the portal.
 */
package dev.otapress.link;
