package org.regroup.domain.io.skillmap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import org.regroup.domain.io.Json;

/**
 * The Common Core standard texts bundled with Regroup ({@code datasets/ccss-math-k8/standards.json}), which name the
 * nodes of a CCSS edges file as the bundled graph names them.
 */
public final class CcssTexts {

    private static final String STANDARDS = "/org/regroup/domain/demo/ccss-math-k8/standards.json";
    private static final int TEXT_LIMIT = 80;

    private CcssTexts() {
    }

    private static final class Loaded {
        static final Map<String, String> TEXTS = standardTexts();
    }

    /**
     * A node's name: its code as people read it and the standard's text when the bundled texts have it
     * ({@code K.CC.1 (to 20): Count to 100…}, cut at about 80 characters); else the code alone.
     */
    public static String nameOf(CcssCode code) {
        String text = Loaded.TEXTS.get(code.firstStandard());
        return text == null ? code.display() : code.display() + ": " + shorten(text);
    }

    private static String shorten(String text) {
        String t = text.replaceAll("\\s+", " ").trim();
        if (t.length() <= TEXT_LIMIT) {
            return t;
        }
        int cut = t.lastIndexOf(' ', TEXT_LIMIT - 1);
        return t.substring(0, cut > 0 ? cut : TEXT_LIMIT - 1) + "…";
    }

    /**
     * Standard texts keyed like Zimba's codes: standards.json writes {@code K.CC.A.1}; the cluster letter is dropped
     * and K becomes 0 ({@code 0.CC.1}). Domain titles ({@code K.OA} as {@code 0.OA}) name the domain-level nodes.
     */
    private static Map<String, String> standardTexts() {
        Map<String, String> raw;
        try (InputStream in = CcssTexts.class.getResourceAsStream(STANDARDS)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + STANDARDS + " (see domain/pom.xml)");
            }
            raw = Json.mapper().readValue(in, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STANDARDS, e);
        }
        Map<String, String> byCode = new HashMap<>();
        raw.forEach((key, text) -> {
            String[] parts = key.split("\\.");
            String grade = "K".equals(parts[0]) ? "0" : parts[0];
            if (parts.length == 2) {
                byCode.put(grade + "." + parts[1], text);
            } else if (parts.length >= 4) {
                StringBuilder code = new StringBuilder(grade).append('.').append(parts[1]);
                for (int i = 3; i < parts.length; i++) {
                    code.append('.').append(parts[i]);
                }
                byCode.put(code.toString(), text);
            }
        });
        return byCode;
    }
}
