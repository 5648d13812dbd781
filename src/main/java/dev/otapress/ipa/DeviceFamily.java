package dev.otapress.ipa;

/** The values of UIDeviceFamily that matter for an iOS install. */
public enum DeviceFamily {
    IPHONE(1, "iphone", "iPhone"),
    IPAD(2, "ipad", "iPad"),
    TV(3, "tv", "Apple TV"),
    WATCH(4, "watch", "Apple Watch"),
    VISION(7, "vision", "Apple Vision");

    private final int code;
    private final String id;
    private final String label;

    DeviceFamily(int code, String id, String label) {
        this.code = code;
        this.id = id;
        this.label = label;
    }

    public static DeviceFamily ofCode(int code) {
        for (DeviceFamily f : values()) if (f.code == code) return f;
        return null;
    }

    /** The lower-case name used in JSON ({@code "iphone"}). */
    public String id() {
        return id;
    }

    /** The name people read ({@code "iPhone"}). */
    public String label() {
        return label;
    }
}
