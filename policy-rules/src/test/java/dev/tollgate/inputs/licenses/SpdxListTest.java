package dev.tollgate.inputs.licenses;

import org.junit.jupiter.api.Test;
import org.spdx.library.ListedLicenses;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.license.SpdxListedLicense;

import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The generated resource says what java-spdx-library says (the library is on the test class path). */
class SpdxListTest {
    @Test
    void resourceMatchesTheLibrary() throws Exception {
        System.setProperty("SPDXParser.OnlyUseLocalLicenses", "true");
        SpdxModelFactory.init();
        ListedLicenses lib = ListedLicenses.getListedLicenses();
        SpdxList ours = SpdxList.get();
        assertEquals(lib.getLicenseListVersion(), ours.version());
        assertEquals(new HashSet<>(lib.getSpdxListedLicenseIds()), ours.licenses().keySet());
        assertEquals(new HashSet<>(lib.getSpdxListedExceptionIds()), ours.exceptions().keySet());
        for (String id : lib.getSpdxListedLicenseIds()) {
            SpdxListedLicense l = lib.getListedLicenseByIdCompatV2(id);
            SpdxList.Entry e = ours.license(id);
            assertNotNull(e, id);
            assertEquals(Boolean.TRUE.equals(l.isOsiApproved()), e.osi(), id);
            assertEquals(Boolean.TRUE.equals(l.getFsfLibre()), e.fsf(), id);
            assertEquals(l.isDeprecated(), e.deprecated(), id);
        }
    }

    @Test
    void listIsTheBundledOne() {
        SpdxList l = SpdxList.get();
        assertEquals("3.28.0", l.version());
        // hand-checked flags of a few ids
        assertEquals(true, l.license("Apache-2.0").osi() && l.license("Apache-2.0").fsf());
        assertEquals(true, l.license("GPL-2.0").deprecated());
        assertEquals(false, l.license("GPL-2.0-only").deprecated());
        assertEquals(true, l.license("AGPL-3.0-only").copyleft());
        assertEquals(false, l.license("Unicode-DFS-2016").copyleft());
    }
}
