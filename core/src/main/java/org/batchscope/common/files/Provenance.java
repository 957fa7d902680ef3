package org.batchscope.common.files;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.batchscope.common.ToolVersion;

/**
 * What made a file: the batchscope version, the engine (null in a summary, whose runs carry their own) and
 * the platform. A stored run whose engine or engine version differs from the current engine's is trained
 * again on resume; Java and the platform are recorded for the reader (numbers may differ in the last
 * float bits between platforms), not compared.
 *
 * @param toolVersion    batchscope's version
 * @param engine         the engine's name, or null
 * @param engineVersion  the engine's version ({@code TrainingEngine.version()}), or null
 * @param javaVersion    {@code java.version}
 * @param javaVendor     {@code java.vendor}
 * @param os             {@code os.name} and {@code os.version}
 * @param arch           {@code os.arch}
 */
public record Provenance(@JsonProperty("tool_version") String toolVersion, @JsonProperty("engine") String engine,
        @JsonProperty("engine_version") String engineVersion, @JsonProperty("java_version") String javaVersion,
        @JsonProperty("java_vendor") String javaVendor, @JsonProperty("os") String os,
        @JsonProperty("arch") String arch) {

    /** @return the provenance of this process, for files made by {@code engine} at {@code engineVersion} */
    public static Provenance current(String engine, String engineVersion) {
        return new Provenance(ToolVersion.version(), engine, engineVersion, System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    /** @return whether a file with this provenance was made by the same engine at the same version */
    public boolean sameEngine(String otherEngine, String otherVersion) {
        return otherEngine.equals(engine) && otherVersion.equals(engineVersion);
    }

    /** @return "engine version (batchscope version)" for messages */
    public String describeEngine() {
        return String.format(Locale.ROOT, "%s %s (batchscope %s)", engine, engineVersion, toolVersion);
    }
}
