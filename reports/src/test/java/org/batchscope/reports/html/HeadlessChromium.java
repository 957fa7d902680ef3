package org.batchscope.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchscope.common.Json;

/**
 * A real headless Chromium driven over the DevTools protocol on 127.0.0.1, for the HTML report tests:
 * it opens a page, waits for its load event, and reports every console error, uncaught exception and
 * network request the page made, and the value of JavaScript expressions evaluated in it. Started with
 * {@code --headless --disable-gpu --no-sandbox} (the tests may run as root in CI) and a throw-away
 * profile; closed (the process killed) by {@link #close()}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private String session;

    /** @return the Chromium executable on the PATH (Debian's {@code chromium} first), if any */
    public static Optional<Path> executable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private HeadlessChromium(Path executable) throws Exception {
        profile = Files.createTempDirectory("batchscope-chromium");
        process = new ProcessBuilder(executable.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--no-first-run", "--no-default-browser-check", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String url = devToolsUrl();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new Listener())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        ObjectNode target = Json.mapper().createObjectNode().put("url", "about:blank");
        String targetId = send("Target.createTarget", target, false).path("targetId").asText();
        session = send("Target.attachToTarget", Json.mapper().createObjectNode().put("targetId", targetId)
                .put("flatten", true), false).path("sessionId").asText();
        for (String domain : List.of("Runtime.enable", "Log.enable", "Page.enable", "Network.enable")) {
            send(domain, Json.mapper().createObjectNode(), true);
        }
    }

    /** Starts Chromium. */
    public static HeadlessChromium start(Path executable) throws Exception {
        return new HeadlessChromium(executable);
    }

    /** Opens {@code file} and waits for its load event. */
    public void open(Path file) throws Exception {
        loaded = new CompletableFuture<>();
        send("Page.navigate", Json.mapper().createObjectNode().put("url", file.toUri().toString()), true);
        loaded.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** @return the value of a JavaScript expression in the page (which should return JSON-able data) */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Json.mapper().createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true), true);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("the expression threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** @return the console errors and uncaught exceptions so far, one line each */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** @return the URLs of every request the page made */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws IOException {
        try {
            socket.abort();
        } finally {
            // Chromium's helpers (network service, renderer) outlive the browser process for a moment and
            // keep writing into the profile: stop them too, then delete what is left, tolerating files that
            // vanish while the folder is walked
            List<ProcessHandle> helpers = process.descendants().toList();
            process.destroy();
            helpers.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                for (ProcessHandle helper : helpers) {
                    helper.onExit().get(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                helpers.forEach(ProcessHandle::destroyForcibly);
            }
            deleteTree(profile);
        }
    }

    /** Deletes {@code root} and everything below it; a file that disappears meanwhile is no error. */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a)
                    throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private String devToolsUrl() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + WAIT.toNanos();
        StringBuilder seen = new StringBuilder();
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(Writer.nullWriter());
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IOException("chromium did not open its DevTools port; it said:\n" + seen);
    }

    private JsonNode send(String method, ObjectNode params, boolean inSession) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = Json.mapper().createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (inSession) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(Json.mapper().writeValueAsString(message), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.path("result");
    }

    private void receive(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    errors.add("console." + type + ": " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            }
            case "Network.requestWillBeSent" -> requests.add(params.path("request").path("url").asText());
            default -> {
            }
        }
    }

    /** Joins a message's frames and hands whole messages to {@link #receive}. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder frames = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frames.append(data);
            if (last) {
                try {
                    receive(Json.mapper().readTree(frames.toString()));
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
                frames.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
