package dev.otapress.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.otapress.server.ServerConfigs;
import dev.otapress.server.ServerKind;
import dev.otapress.server.TextFile;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * base_url is typed by hand: whatever it holds, BaseUrl answers with a URL or a problem, never an
 * exception; an accepted URL is canonical (it parses to itself), and every server config written
 * for it is free of control characters, with a web.config that parses as XML. Seeds are in
 * {@code BaseUrlFuzzTestInputs/}.
 */
class BaseUrlFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void baseUrl(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        BaseUrl.Parse parse = BaseUrl.parse(text);
        if (!parse.ok()) {
            assertNotNull(parse.problem());
            return;
        }
        BaseUrl url = parse.url();
        assertEquals(url, BaseUrl.of(url.toString()), "the canonical form parses to itself");
        assertTrue(url.contains(url.uri()));
        ServerConfigs configs = new ServerConfigs(url);
        for (ServerKind kind : ServerKind.values()) {
            String config = configs.render(kind);
            assertFalse(config.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f), kind.toString());
        }
        for (TextFile f : configs.webRootFiles(List.of("releases/1.0/a b.svg"))) {
            if (!f.path().equals("web.config")) continue;
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(f.content().getBytes(StandardCharsets.UTF_8)));
        }
    }
}
