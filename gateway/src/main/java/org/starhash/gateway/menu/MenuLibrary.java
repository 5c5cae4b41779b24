package org.starhash.gateway.menu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The menus being served, loaded from a directory of {@code *.yaml} files and reloaded when they change. A file
 * that fails to load never replaces its last good version: the old menu keeps serving and the problem is logged
 * with the file and line.
 */
public final class MenuLibrary implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MenuLibrary.class);

    /** Where the files are; empty when the config names no menu directory, and then nothing is served. */
    private final Optional<Path> directory;
    private final MenuRules rules;
    /** Codes the config already routes to a built-in service, with that service's name. */
    private final Map<String, String> reserved;
    /** Per file name: the content last read and the last good menu of it. */
    private final Map<String, Loaded> files = new TreeMap<>();
    private volatile Map<String, MenuFile> byCode = Map.of();
    /** The cross-file problems of the last publication, so each is logged once rather than on every scan. */
    private List<MenuProblem> crossFile = List.of();
    private ScheduledExecutorService watcher;

    private record Loaded(byte[] content, Optional<MenuFile> good, List<MenuProblem> problems) {
    }

    public MenuLibrary(Optional<Path> directory, MenuRules rules, Map<String, String> reserved) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.reserved = Map.copyOf(reserved);
    }

    /** The menu for a service code, if one is loaded. */
    public Optional<MenuFile> menu(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The codes served, in order. */
    public Set<String> codes() {
        return new TreeMap<>(byCode).keySet();
    }

    /**
     * Reads the directory again; changed files are loaded, a file with problems keeps its last good version.
     * Returns the problems of every file as they stand now.
     */
    public synchronized List<MenuProblem> reload() {
        if (directory.isEmpty()) {
            return List.of();
        }
        Path directory = this.directory.get();
        Map<String, byte[]> contents = new TreeMap<>();
        List<MenuProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            problems.add(new MenuProblem(directory.toString(), 0, "no such directory"));
        } else {
            try (Stream<Path> list = Files.list(directory)) {
                for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
                    contents.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            } catch (IOException e) {
                problems.add(new MenuProblem(directory.toString(), 0, "cannot be read: " + e.getMessage()));
                return problems;
            }
        }
        files.keySet().removeIf(name -> {
            if (!contents.containsKey(name)) {
                LOG.info("menu file {} was removed; its menu is no longer served", directory.resolve(name));
                return true;
            }
            return false;
        });
        contents.forEach((name, bytes) -> {
            Loaded before = files.get(name);
            if (before == null || !Arrays.equals(before.content(), bytes)) {
                files.put(name, load(name, bytes, before));
            }
        });
        List<MenuProblem> crossFileNow = new ArrayList<>();
        publish(crossFileNow);
        problems.addAll(crossFileNow);
        files.values().forEach(l -> problems.addAll(l.problems()));
        return problems;
    }

    private Loaded load(String name, byte[] bytes, Loaded before) {
        String source = directory.orElseThrow().resolve(name).toString();
        Optional<MenuFile> previous = before == null ? Optional.empty() : before.good();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return refused(source, bytes, previous, List.of(new MenuProblem(source, 0, "is not UTF-8 text")));
        }
        MenuParser.Parsed parsed = MenuParser.parse(source, text);
        List<MenuProblem> problems = new ArrayList<>(parsed.problems());
        if (parsed.file().isPresent() && problems.isEmpty()) {
            problems.addAll(MenuValidator.validate(rules, parsed.file().get(), parsed.gotos()));
        }
        if (!problems.isEmpty() || parsed.file().isEmpty()) {
            return refused(source, bytes, previous, problems);
        }
        if (before != null) {
            LOG.info("menu file {} reloaded", source);
        }
        return new Loaded(bytes, parsed.file(), List.of());
    }

    private static Loaded refused(String source, byte[] bytes, Optional<MenuFile> previous, List<MenuProblem> problems) {
        problems.forEach(p -> LOG.error("{}", p));
        LOG.error("menu file {} refused; {}", source, previous.isPresent()
                ? "the last good version of *" + previous.get().code() + "# keeps serving" : "it serves nothing until fixed");
        return new Loaded(bytes, previous, List.copyOf(problems));
    }

    /** Makes the good menus visible; a code claimed twice stays with the file that served it before. */
    private void publish(List<MenuProblem> problems) {
        Map<String, MenuFile> next = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        List<Map.Entry<String, Loaded>> order = new ArrayList<>(files.entrySet());
        Map<String, MenuFile> current = byCode;
        order.sort((a, b) -> Boolean.compare(!servedBefore(a.getValue(), current), !servedBefore(b.getValue(), current)));
        for (Map.Entry<String, Loaded> e : order) {
            if (e.getValue().good().isEmpty()) {
                continue;
            }
            MenuFile menu = e.getValue().good().get();
            String source = directory.orElseThrow().resolve(e.getKey()).toString();
            if (reserved.containsKey(menu.code())) {
                problems.add(new MenuProblem(source, 1, "code " + menu.code() + " is already the built-in service "
                        + reserved.get(menu.code()) + " (ussd.codes in the config); a code has one route"));
            } else if (owner.containsKey(menu.code())) {
                problems.add(new MenuProblem(source, 1, "code " + menu.code() + " is already served by "
                        + owner.get(menu.code()) + "; one file per code"));
            } else {
                next.put(menu.code(), menu);
                owner.put(menu.code(), source);
            }
        }
        byCode = Map.copyOf(next);
        List<MenuProblem> found = problems.stream().filter(p -> !crossFile.contains(p)).toList();
        found.forEach(p -> LOG.error("{}", p));
        crossFile = List.copyOf(problems);
    }

    private static boolean servedBefore(Loaded loaded, Map<String, MenuFile> current) {
        return loaded.good().isPresent() && current.get(loaded.good().get().code()) == loaded.good().get();
    }

    /** Rereads the directory every {@code interval} until closed; does nothing for menus inside the jar or none. */
    public synchronized void watch(Duration interval) {
        if (watcher != null || directory.isEmpty() || directory.get().getFileSystem() != FileSystems.getDefault()) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "menu-reload");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(() -> {
            try {
                reload();
            } catch (RuntimeException e) {
                LOG.error("menu reload failed; the menus being served stay", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
