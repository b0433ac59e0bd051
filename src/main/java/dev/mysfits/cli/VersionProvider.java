package dev.mysfits.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/mysfits-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[]{"mysfits " + properties.getProperty("version", "unknown")
                + " (Java " + System.getProperty("java.version") + ")"};
    }
}
