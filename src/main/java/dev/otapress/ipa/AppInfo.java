package dev.otapress.ipa;

import java.util.List;
import java.util.Objects;

/**
 * What the main app's Info.plist says about itself.
 *
 * @param minimumOSVersion MinimumOSVersion, or null when the plist has none
 * @param platform         DTPlatformName (e.g. iphoneos), or null
 * @param sdk              DTSDKName (e.g. iphoneos17.2), or null
 * @param xcode            DTXcode (e.g. 1520), or null
 */
public record AppInfo(
        String bundleIdentifier,
        String version,
        String build,
        String name,
        String minimumOSVersion,
        List<DeviceFamily> deviceFamilies,
        String platform,
        String sdk,
        String xcode) {

    public AppInfo {
        Objects.requireNonNull(bundleIdentifier, "bundleIdentifier");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(name, "name");
        deviceFamilies = List.copyOf(deviceFamilies);
    }
}
