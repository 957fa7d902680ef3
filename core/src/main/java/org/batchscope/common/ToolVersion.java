package org.batchscope.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The batchscope version, written into {@code version.properties} by Maven resource filtering at build time. */
public final class ToolVersion {

    private static final String VERSION = load();

    private ToolVersion() {
    }

    /** @return the project version, for example {@code 0.1.0} */
    public static String version() {
        return VERSION;
    }

    /** @return {@code "batchscope " + version()}, the value written as {@code tool_version} in manifests */
    public static String toolString() {
        return "batchscope " + VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties missing from the core jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
