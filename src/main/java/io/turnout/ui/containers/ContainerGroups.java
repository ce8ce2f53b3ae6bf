package io.turnout.ui.containers;

import io.turnout.docker.ContainerRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Groups containers by stack, then service, the way the sidebar and the containers view show
 * them. Containers without a stack go under {@link #NO_STACK} (last); containers without a
 * service sit directly under their stack.
 */
public final class ContainerGroups {

    public static final String NO_STACK = "(no stack)";

    public record Stack<T>(String name, List<Service<T>> services, List<T> loose) {
        public List<T> all() {
            List<T> out = new ArrayList<>();
            services.forEach(s -> out.addAll(s.members()));
            out.addAll(loose);
            return out;
        }
    }

    public record Service<T>(String stack, String name, List<T> members) { }

    private ContainerGroups() {
    }

    public static <T> List<Stack<T>> group(List<T> items, Function<? super T, ContainerRow> rowOf) {
        Comparator<T> byColorThenName = Comparator
                .comparing((T t) -> Objects.requireNonNullElse(rowOf.apply(t).color(), ""))
                .thenComparing(t -> rowOf.apply(t).name());
        Map<String, Map<String, List<T>>> stacks = new TreeMap<>(ContainerGroups::stackOrder);
        for (T item : items) {
            ContainerRow row = rowOf.apply(item);
            String stack = row.stack() == null ? NO_STACK : row.stack();
            String service = row.service() == null ? "" : row.service();
            stacks.computeIfAbsent(stack, k -> new TreeMap<>()).computeIfAbsent(service, k -> new ArrayList<>()).add(item);
        }
        List<Stack<T>> out = new ArrayList<>();
        stacks.forEach((stack, services) -> {
            List<Service<T>> named = new ArrayList<>();
            List<T> loose = new ArrayList<>();
            services.forEach((service, members) -> {
                members.sort(byColorThenName);
                if (service.isEmpty()) {
                    loose.addAll(members);
                } else {
                    named.add(new Service<>(stack, service, List.copyOf(members)));
                }
            });
            out.add(new Stack<>(stack, List.copyOf(named), List.copyOf(loose)));
        });
        return out;
    }

    private static int stackOrder(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.equals(NO_STACK)) {
            return 1;
        }
        return b.equals(NO_STACK) ? -1 : a.compareTo(b);
    }
}
