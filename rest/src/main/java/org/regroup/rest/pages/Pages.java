package org.regroup.rest.pages;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The server's printable pages (rosters, what-if reports), rendered from the jte templates in {@code src/main/jte}.
 * They are compiled to classes at build time (jte-maven-plugin) and escape every value as HTML: the one escaping
 * path for these pages (docs/web.md).
 */
public final class Pages {

    /**
     * Each page's Content-Security-Policy, in a meta element and, when served, a header: its own inline styles and
     * nothing else (no script).
     */
    public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'";

    /** Where the build puts the compiled templates (jte-maven-plugin's packageName in rest/pom.xml). */
    private static final String PACKAGE = "org.regroup.rest.templates";

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), PACKAGE);

    private Pages() {
    }

    /** Renders {@code template} (a path under src/main/jte) with its parameters by name. */
    public static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(16_384);
        ENGINE.render(template, params, out);
        return out.toString();
    }
}
