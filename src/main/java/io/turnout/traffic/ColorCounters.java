package io.turnout.traffic;

/**
 * One server's cumulative counters from HAProxy's {@code show stat} (or counted from nginx's access
 * log), as read at one instant. {@code -1}: the router does not know (nginx: sessions and averages).
 *
 * @param requests {@code req_tot}: HTTP requests sent to this server (health checks excluded)
 * @param sessions {@code scur}: connections open to it now (in flight)
 * @param responseMs {@code rtime}: average server response time over the last 1024 requests, ms
 * @param totalMs {@code ttime}: average total session time over the last 1024 requests, ms
 */
public record ColorCounters(long requests, long responses4xx, long responses5xx, int sessions, int responseMs, int totalMs) {
}
