package io.turnout.plan;

import java.util.List;

/** A step whose phases write "phase id" to a shared trail and then do what the test scripted. */
final class TestStep implements Step {

    @FunctionalInterface
    interface Action {
        void run(StepContext ctx) throws Exception;
    }

    private static final Action NOTHING = ctx -> { };

    private final String id;
    private final List<String> trail;
    private boolean dangerous;
    private boolean pointOfNoReturn;
    private Action precheck = NOTHING;
    private Action apply = NOTHING;
    private Action verify = NOTHING;
    private Action compensate = NOTHING;

    private TestStep(String id, List<String> trail) {
        this.id = id;
        this.trail = trail;
    }

    static TestStep of(String id, Trail trail) {
        return new TestStep(id, trail.events);
    }

    TestStep markedDangerous() {
        dangerous = true;
        return this;
    }

    TestStep markedPointOfNoReturn() {
        pointOfNoReturn = true;
        return this;
    }

    TestStep onPrecheck(Action a) {
        precheck = a;
        return this;
    }

    TestStep onApply(Action a) {
        apply = a;
        return this;
    }

    TestStep onVerify(Action a) {
        verify = a;
        return this;
    }

    TestStep onCompensate(Action a) {
        compensate = a;
        return this;
    }

    static Action fail(String message) {
        return ctx -> {
            throw new IllegalStateException(message);
        };
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return "Title " + id;
    }

    @Override
    public boolean dangerous() {
        return dangerous;
    }

    @Override
    public boolean pointOfNoReturn() {
        return pointOfNoReturn;
    }

    @Override
    public void precheck(StepContext ctx) throws Exception {
        trail.add("precheck " + id);
        precheck.run(ctx);
    }

    @Override
    public void apply(StepContext ctx) throws Exception {
        trail.add("apply " + id);
        apply.run(ctx);
    }

    @Override
    public void verify(StepContext ctx) throws Exception {
        trail.add("verify " + id);
        verify.run(ctx);
    }

    @Override
    public void compensate(StepContext ctx) throws Exception {
        trail.add("compensate " + id);
        compensate.run(ctx);
    }
}
