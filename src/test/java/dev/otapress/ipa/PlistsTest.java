package dev.otapress.ipa;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSString;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PlistsTest {

    private static NSDictionary dict() {
        NSDictionary d = new NSDictionary();
        d.put("padded", new NSString(" 1.2 "));
        d.put("blank", new NSString("  "));
        d.put("number", new NSNumber(42));
        d.put("array", new NSArray(new NSString("x")));
        d.put("name", new NSString("Field Service"));
        return d;
    }

    @Test
    void stringKeepsTheValueExactlyAndReadsNumbers() {
        assertEquals(" 1.2 ", Plists.string(dict(), "padded"));
        assertEquals("42", Plists.string(dict(), "number"));
        assertNull(Plists.string(dict(), "array"));
        assertNull(Plists.string(dict(), "missing"));
    }

    @Test
    void textStripsAndTreatsBlankAsAbsent() {
        assertEquals("1.2", Plists.text(dict(), "padded"));
        assertNull(Plists.text(dict(), "blank"));
        assertEquals("42", Plists.text(dict(), "number"));
    }

    @Test
    void firstTextSkipsAbsentAndBlankKeys() {
        assertEquals("Field Service", Plists.firstText(dict(), "missing", "blank", "array", "name", "padded"));
        assertNull(Plists.firstText(dict(), "missing", "blank"));
    }
}
