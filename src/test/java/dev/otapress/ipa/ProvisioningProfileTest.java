package dev.otapress.ipa;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvisioningProfileTest {

    private static final Instant EXPIRES = Instant.parse("2027-03-31T12:00:00Z");

    private static ProvisioningProfile profile() {
        return new ProvisioningProfile(ProvisioningProfile.Type.ENTERPRISE, "Acme In-House", "Acme", "ABCDE12345",
                "1f67e425-350e-434c-9077-9e0791347bbf", Instant.parse("2026-03-31T12:00:00Z"), EXPIRES, 0,
                List.of("iOS"), null, false, "ABCDE12345.com.acme.field", List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void expiresSoonOnlyWithinTheWarningPeriodAndNotOnceExpired() {
        ProvisioningProfile p = profile();
        assertFalse(p.expiresWithin(EXPIRES.minusSeconds(31L * 86400), 30), "31 days ahead is not soon");
        assertTrue(p.expiresWithin(EXPIRES.minusSeconds(29L * 86400), 30), "29 days ahead is soon");
        assertTrue(p.expiresWithin(EXPIRES.minusSeconds(1), 30));
        assertFalse(p.expiresWithin(EXPIRES, 30), "an expired profile is expired, not expiring soon");
        assertTrue(p.isExpiredAt(EXPIRES));
    }
}
