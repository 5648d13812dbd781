package dev.otapress.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.otapress.ipa.Icon;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps icon PNGs beside the cache entries, one file per distinct icon (named by its SHA-256 and
 * checked against it when read), so a history of builds sharing one icon stores and loads it once,
 * and every release read from the cache shares one copy in memory.
 */
final class IconStore {
    private static final List<String> COMPONENTS = List.of("source", "width", "height", "cgbi", "png");

    static {
        // This store writes Icon's fields one by one: a new field must be stored here too.
        List<String> actual = Arrays.stream(Icon.class.getRecordComponents()).map(RecordComponent::getName).toList();
        if (!actual.equals(COMPONENTS)) throw new IllegalStateException("IconStore stores " + COMPONENTS + " but Icon has " + actual);
    }

    private final Path folder;
    private final ConcurrentMap<Icon, Icon> shared = new ConcurrentHashMap<>();

    IconStore(Path folder) {
        this.folder = folder;
    }

    Icon intern(Icon icon) {
        Icon earlier = shared.putIfAbsent(icon, icon);
        return earlier == null ? icon : earlier;
    }

    SimpleModule module() {
        SimpleModule module = new SimpleModule("otapress-icons");
        module.addSerializer(Icon.class, new JsonSerializer<>() {
            @Override
            public void serialize(Icon icon, JsonGenerator g, SerializerProvider provider) throws IOException {
                byte[] png = icon.png();
                String sha = IpaCache.sha256(png);
                Path file = folder.resolve(sha + ".png");
                if (!Files.exists(file)) IpaCache.writeAtomically(file, png);
                g.writeStartObject();
                g.writeStringField("source", icon.source());
                g.writeNumberField("width", icon.width());
                g.writeNumberField("height", icon.height());
                g.writeBooleanField("cgbi", icon.cgbi());
                g.writeStringField("png", sha);
                g.writeEndObject();
            }
        });
        module.addDeserializer(Icon.class, new JsonDeserializer<>() {
            @Override
            public Icon deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                JsonNode n = p.readValueAsTree();
                String sha = n.path("png").asText();
                if (!sha.matches("[0-9a-f]{64}")) throw JsonMappingException.from(p, "icon without a valid hash");
                byte[] png;
                try {
                    png = Files.readAllBytes(folder.resolve(sha + ".png"));
                } catch (NoSuchFileException e) {
                    throw JsonMappingException.from(p, "its icon file " + sha + ".png is missing");
                }
                if (!IpaCache.sha256(png).equals(sha)) throw JsonMappingException.from(p, "its icon file " + sha + ".png is damaged");
                return intern(new Icon(n.path("source").asText(), n.path("width").asInt(), n.path("height").asInt(),
                        n.path("cgbi").asBoolean(), png));
            }
        });
        return module;
    }
}
