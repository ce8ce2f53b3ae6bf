package io.turnout.testing;

import io.turnout.feed.Feed;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Waits for a feed value that satisfies a condition, without polling or sleeping. */
public final class FeedWait {

    private FeedWait() {
    }

    public static <S> S until(Feed<S> feed, Duration deadline, String what, Predicate<? super S> condition) {
        CompletableFuture<S> hit = new CompletableFuture<>();
        Feed.Subscription subscription = feed.subscribe(s -> {
            if (condition.test(s)) {
                hit.complete(s);
            }
        });
        try {
            S now = feed.current();
            if (now != null && condition.test(now)) {
                return now;
            }
            return hit.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + deadline + ": " + what + " (last: " + feed.current() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            subscription.close();
        }
    }
}
