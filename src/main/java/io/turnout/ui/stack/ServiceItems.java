package io.turnout.ui.stack;

import io.turnout.release.StackStatus;
import io.turnout.release.StackStatus.ColorStatus;
import io.turnout.release.StackStatus.ServiceStatus;
import io.turnout.stack.Color;
import io.turnout.stack.HistoryEntry;
import io.turnout.stack.Release;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Maps one {@link StackStatus} read to the rows of the stack view. Pure. */
public final class ServiceItems {

    private ServiceItems() {
    }

    public static List<ServiceItem> of(StackStatus status, ZoneId zone) {
        return status.services().stream().map(s -> of(s, status.recent(), zone)).toList();
    }

    static ServiceItem of(ServiceStatus s, List<HistoryEntry> recent, ZoneId zone) {
        List<EnvCard> cards = new ArrayList<>();
        for (Color c : Color.values()) {
            ColorStatus cs = s.colors().get(c);
            cards.add(cs == null ? EnvCard.empty(c) : card(c, c == s.active(), cs, zone));
        }
        Color switchTo = null;
        Color rollbackTo = null;
        String rollbackVersion = null;
        Color standby = s.standby().orElse(null);
        if (s.routed() && s.active() != null && standby != null) {
            if (newer(s.colors().get(standby).release(), s.colors().get(s.active()).release())) {
                switchTo = standby;
            } else {
                rollbackTo = standby;
                rollbackVersion = ReleaseText.version(s.colors().get(standby).image());
            }
        } else if (s.routed() && s.active() != null) {
            String previous = previousImage(s.name(), s.active(), recent);
            if (previous != null) {
                rollbackTo = s.active().other();
                rollbackVersion = ReleaseText.version(previous);
            }
        }
        return new ServiceItem(s.name(), s.routed(), s.active(), cards, switchTo, rollbackTo, rollbackVersion,
                s.routed() ? standby : null);
    }

    private static EnvCard card(Color c, boolean active, ColorStatus cs, ZoneId zone) {
        String image = cs.image() != null ? cs.image() : cs.release() != null ? cs.release().image() : "";
        Release r = cs.release();
        String release = r == null ? "" : r.id() + " · " + ReleaseText.when(r.at(), zone) + (r.who() == null ? "" : " by " + r.who());
        return new EnvCard(c, true, active, ReleaseText.version(image), image, Objects.requireNonNullElse(cs.health(), "none"),
                cs.trafficShare(), cs.running(), cs.total(), ReleaseText.check(cs.check()), cs.check() != null && cs.check().up(),
                release);
    }

    /** Whether {@code a} was released after {@code b} (release ids sort by time; {@code at} when both have one). */
    private static boolean newer(Release a, Release b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.at() != null && b.at() != null) {
            return a.at().isAfter(b.at());
        }
        return a.id().compareTo(b.id()) > 0;
    }

    /** The image the service ran before traffic last moved to {@code active}, from the newest matching history entry. */
    private static String previousImage(String service, Color active, List<HistoryEntry> recent) {
        return recent.stream()
                .filter(h -> service.equals(h.service()) && "succeeded".equals(h.result()) && active == h.toColor()
                        && h.fromColor() == active.other() && h.fromImage() != null)
                .max(java.util.Comparator.comparing(HistoryEntry::at))
                .map(HistoryEntry::fromImage).orElse(null);
    }
}
