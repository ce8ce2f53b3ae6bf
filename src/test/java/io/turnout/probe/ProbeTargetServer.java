package io.turnout.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for a stack's public frontend on 127.0.0.1: answers as v1/blue or
 * v2/green, can alternate between them, and fails or drops the next N requests on demand.
 */
final class ProbeTargetServer implements AutoCloseable {

    enum Serving { BLUE, GREEN, ALTERNATE }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger hangNext = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Set<String> hostHeaders = ConcurrentHashMap.newKeySet();
    private volatile Serving serving = Serving.BLUE;
    private int handled;
    private long alternation;

    ProbeTargetServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort());
    }

    void serve(Serving s) {
        serving = s;
    }

    void failNext(int n) {
        failNext.set(n);
    }

    /** The next n requests get their connection closed without any response. */
    void dropNext(int n) {
        dropNext.set(n);
    }

    /** The next n requests get no answer until the server closes. */
    void hangNext(int n) {
        hangNext.set(n);
    }

    /** TCP connections seen (distinct client ports: loopback ports are not reused within a test). */
    int connections() {
        return clientPorts.size();
    }

    Set<String> hostHeaders() {
        return Set.copyOf(hostHeaders);
    }

    synchronized int handled() {
        return handled;
    }

    /** Blocks until {@code n} requests in total have been handled. */
    synchronized boolean awaitHandled(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (handled < n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
        boolean green = switch (serving) {
            case BLUE -> false;
            case GREEN -> true;
            case ALTERNATE -> nextAlternation() % 2 == 1;
        };
        try {
            if (takeOne(hangNext)) {
                released.await(30, TimeUnit.SECONDS);
                exchange.close();
                return;
            }
            if (takeOne(dropNext)) {
                exchange.close(); // no response headers sent: the JDK server closes the connection
                return;
            }
            int status = takeOne(failNext) ? 500 : 200;
            byte[] body = ((green ? "v2" : "v1") + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Turnout-Color", green ? "green" : "blue");
            exchange.getResponseHeaders().add("X-Turnout-Version", green ? "v2" : "v1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            countHandled();
        }
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private synchronized long nextAlternation() {
        return alternation++;
    }

    private synchronized void countHandled() {
        handled++;
        notifyAll();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
