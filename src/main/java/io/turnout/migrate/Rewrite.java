package io.turnout.migrate;

/** Whether a statement rewrites the whole table (new relfilenode). DEPENDS only while the server version is unknown. */
public enum Rewrite {
    NO("no"), YES("yes"), DEPENDS("depends-on-version");

    private final String json;

    Rewrite(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
