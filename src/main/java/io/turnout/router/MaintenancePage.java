package io.turnout.router;

/** The small page both routers answer with (status 503) while a stack is in maintenance. */
final class MaintenancePage {

    private MaintenancePage() {
    }

    /** One line, no single quotes: it is embedded in nginx's {@code return 503 '...'} as is. */
    static String html(String stack) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Maintenance</title></head>"
                + "<body><h1>Down for maintenance</h1><p>" + stack.replaceAll("[^A-Za-z0-9_.-]", "")
                + " is being updated and will be back in a few minutes.</p></body></html>\n";
    }
}
