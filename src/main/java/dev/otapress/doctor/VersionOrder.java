package dev.otapress.doctor;

/** Orders version strings numerically where both sides are numbers: 1.10 is newer than 1.9. */
final class VersionOrder {

    private VersionOrder() {
    }

    static int compare(String a, String b) {
        String[] x = a.split("[.\\-+ ]");
        String[] y = b.split("[.\\-+ ]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d{1,18}") && q.matches("\\d{1,18}")
                    ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
            if (c != 0) return c;
        }
        return 0;
    }
}
