package io.kdbench.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.List;

/** Extra jars given with {@code --with}: their methods, datasets and metrics join the registries. */
final class Plugins {
    private Plugins() {
    }

    static ClassLoader loader(List<File> jars) {
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        if (jars == null || jars.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < jars.size(); i++) {
            File jar = jars.get(i);
            if (!Files.isRegularFile(jar.toPath()) || !jar.getName().endsWith(".jar")) {
                throw new BadInputException("--with " + jar + ": not a readable .jar file");
            }
            try {
                urls[i] = jar.toURI().toURL();
            } catch (MalformedURLException e) {
                throw new BadInputException("--with " + jar + ": " + e.getMessage(), e);
            }
        }
        ClassLoader loader = new URLClassLoader(urls, parent);
        Thread.currentThread().setContextClassLoader(loader);
        return loader;
    }
}
