package org.starhash.gateway.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Files the embedded config names inside the jar, reachable as paths like any other file. */
final class Resources {

    private Resources() {
    }

    /** A resource by a path that may hold {@code ..}, as a file or a directory. */
    static Optional<URL> find(ClassLoader loader, String name) {
        String normalized = URI.create(name).normalize().toString();
        URL url = loader.getResource(normalized);
        if (url == null && !normalized.endsWith("/")) {
            url = loader.getResource(normalized + "/");
        }
        return Optional.ofNullable(url);
    }

    /** A path for a URL: a plain file, or an entry of the jar the gateway runs from. */
    static Path path(URL url) throws IOException, URISyntaxException {
        URI uri = url.toURI();
        if (!"jar".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        FileSystem jar;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri);
        }
        String spec = uri.getSchemeSpecificPart();
        return jar.getPath(spec.substring(spec.indexOf("!/") + 1));
    }
}
