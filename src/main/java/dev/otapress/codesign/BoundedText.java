package dev.otapress.codesign;

/**
 * A path as a pattern sees it, with a budget of character reads: the omit rules come from the
 * untrusted CodeResources, and a pattern written to backtrack forever must not stall a build.
 */
final class BoundedText implements CharSequence {

    /** Thrown when a pattern has read more characters than any sane rule needs. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("a CodeResources rule takes too long to match", null, false, false);
        }
    }

    private final String text;
    private final int[] budget;

    BoundedText(String text, int budget) {
        this(text, new int[] {budget});
    }

    private BoundedText(String text, int[] budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) throw new BudgetExceeded();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
        return text;
    }
}
