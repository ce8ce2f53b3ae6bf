package io.turnout.docker;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in environment variables before they reach a screen or a log. A value is replaced
 * whole when its variable name looks like a secret; otherwise only the password inside a URL
 * ({@code scheme://user:pass@host}) or a {@code password=} query parameter is replaced.
 * Errs on the side of masking: an over-masked value costs a click, a leaked one costs a rotation.
 */
public final class SecretMasker {

    public static final String MASK = "••••••";

    /** Matched anywhere in the upper-cased name. */
    private static final List<String> NAME_FRAGMENTS =
            List.of("PASSWORD", "PASSWD", "SECRET", "TOKEN", "CREDENTIAL", "PRIVATE", "AUTH", "DSN");

    /** {@code KEY} only as a whole word part (API_KEY, apiKey, KEYS) so KEYBOARD or MONKEY stay visible. */
    private static final Pattern KEY_WORD = Pattern.compile("(^|[^A-Za-z])KEYS?($|[^A-Za-z])");
    private static final Pattern CAMEL_KEY = Pattern.compile("[a-z0-9]Keys?($|[^a-z])");

    private static final Pattern URL_USERINFO =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s]*:)([^@\\s]*)@");
    private static final Pattern QUERY_SECRET =
            Pattern.compile("(?i)([?&;](?:password|passwd|pwd|secret|token|access_token|api_key)=)([^&;\\s]*)");

    public Masked mask(String name, String value) {
        if (value == null || value.isEmpty()) {
            return new Masked(value, false);
        }
        if (isSecretName(name)) {
            return new Masked(MASK, true);
        }
        String out = replaceGroup2(URL_USERINFO, value);
        out = replaceGroup2(QUERY_SECRET, out);
        return new Masked(out, !out.equals(value));
    }

    public boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (String fragment : NAME_FRAGMENTS) {
            if (upper.contains(fragment)) {
                return true;
            }
        }
        return KEY_WORD.matcher(upper).find() || CAMEL_KEY.matcher(name).find();
    }

    /** Keeps group 1 (the prefix), replaces group 2 (the secret) and keeps whatever follows it. */
    private static String replaceGroup2(Pattern pattern, String value) {
        Matcher m = pattern.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String secret = m.group(2).isEmpty() ? "" : MASK;
            String rest = value.substring(m.end(2), m.end());
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + secret + rest));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The value to show and whether anything in it was hidden. */
    public record Masked(String value, boolean masked) { }
}
