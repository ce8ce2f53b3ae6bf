package io.turnout.cli;

import io.turnout.release.StackStatus;
import io.turnout.release.StackStatus.ColorStatus;
import io.turnout.stack.Color;
import io.turnout.stack.HistoryEntry;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** {@code turnout upgrade status} as text: one block per service, then the lock and the recent deployments. */
final class StatusText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private StatusText() {
    }

    static void print(PrintWriter out, StackStatus s) {
        out.println("Stack " + s.stack() + " · router " + s.routerKind() + (s.routerHealthy() ? " up" : " NOT ANSWERING")
                + (s.maintenance() ? " · MAINTENANCE ON" : ""));
        s.interrupted().ifPresent(r -> out.println("! " + r.sentence() + " Resume or roll it back in the console."));
        for (StackStatus.ServiceStatus svc : s.services()) {
            out.println();
            out.println(svc.name() + (svc.routed() ? "" : " (internal)") + " · active " + (svc.active() == null ? "none" : svc.active().id())
                    + " · standby " + svc.standby().map(Color::id).orElse("none"));
            TextTable t = new TextTable("COLOR", "IMAGE", "RUNNING", "HEALTH", "TRAFFIC", "ROUTER CHECK", "RELEASE");
            svc.colors().forEach((c, cs) -> t.add(c.id() + (c == svc.active() ? " *" : ""), cs.image(), cs.running() + "/" + cs.total(),
                    cs.health(), svc.routed() ? cs.trafficShare() + "%" : null, check(cs), cs.release() == null ? null : cs.release().id()));
            t.print(out);
        }
        out.println();
        out.println("Lock: " + s.lock().map(l -> "held by " + l.sentence()).orElse("free"));
        out.println();
        out.println("Recent deployments:");
        TextTable h = new TextTable("WHEN", "KIND", "SERVICE", "FROM", "TO", "WHO", "RESULT", "PROOF");
        for (HistoryEntry e : s.recent()) {
            h.add(TIME.format(e.at()), e.kind(), e.service(), side(e.fromColor(), e.fromImage()), side(e.toColor(), e.toImage()), e.who(),
                    e.result(), e.probe() == null ? null : e.probe().failed() + " failed / " + e.probe().sent());
        }
        h.print(out);
        out.flush();
    }

    private static String check(ColorStatus cs) {
        return cs.check() == null ? null : cs.check().status() + (cs.check().lastCheck() == null ? "" : " " + cs.check().lastCheck());
    }

    private static String side(Color c, String image) {
        if (c == null && image == null) {
            return null;
        }
        return (c == null ? "" : c.id()) + (image == null ? "" : " " + image);
    }
}
