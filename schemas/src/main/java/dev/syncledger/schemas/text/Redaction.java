package dev.syncledger.schemas.text;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way secrets are hidden wherever a setting is shown: logs, {@code /health}, {@code --help}, error lines
 * and {@code toString}. A setting is secret when its name says so (password, secret, token, credentials, a JAAS
 * configuration, a private key); a URL shows no user info and no secret query or JDBC parameter.
 */
public final class Redaction {

    public static final String HIDDEN = "[hidden]";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|secret|token|credential|jaas|private[._-]?key|user[._-]?info).*");
    // user:password@ after the scheme's "//" (also inside a JDBC URL such as jdbc:postgresql://u:p@host/db).
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?#\\s]*@");
    // name=value in a query (?a=b&c=d) or in JDBC's ;name=value form.
    private static final Pattern PARAMETER = Pattern.compile("([?&;])([^=&;#\\s]+)=([^&;#\\s]*)");

    private Redaction() {}

    /** Whether a setting or parameter with this name holds a secret. */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).matches();
    }

    /** The value as it may be shown for a setting of this name. */
    public static String value(String name, Object value) {
        return isSecretName(name) ? HIDDEN : String.valueOf(value);
    }

    /**
     * A record as {@code toString} shows it, with every component shown the way this class shows settings: secret names
     * hidden, URLs (also inside collections and optionals) without user info or secret parameters. Settings records
     * use this for their {@code toString}, so that a log line or a debugger never shows what an operator keeps secret.
     */
    public static String describe(Record settings) {
        StringBuilder out = new StringBuilder(settings.getClass().getSimpleName()).append('[');
        RecordComponent[] components = settings.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            out.append(i == 0 ? "" : ", ").append(name).append('=');
            if (isSecretName(name)) {
                out.append(HIDDEN);
                continue;
            }
            Object value;
            try {
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(settings);
            } catch (ReflectiveOperationException | RuntimeException e) {
                value = "?";
            }
            out.append(shown(value));
        }
        return out.append(']').toString();
    }

    private static String shown(Object value) {
        if (value instanceof Record nested) {
            return declaresToString(nested) ? nested.toString() : describe(nested);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((key, entry) -> out.append(out.length() == 1 ? "" : ", ").append(url(String.valueOf(key))).append('=')
                    .append(isSecretName(String.valueOf(key)) ? HIDDEN : shown(entry)));
            return out.append('}').toString();
        }
        return url(String.valueOf(value));
    }

    private static boolean declaresToString(Record record) {
        try {
            record.getClass().getDeclaredMethod("toString");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A URL (http, JDBC, anything with {@code //authority}) without user info and with its secret parameters hidden. */
    public static String url(String url) {
        if (url == null) {
            return "null";
        }
        String withoutUser = USER_INFO.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(HIDDEN) + "@");
        Matcher parameter = PARAMETER.matcher(withoutUser);
        StringBuilder out = new StringBuilder(withoutUser.length());
        while (parameter.find()) {
            String name = parameter.group(2);
            String shown = isSecretName(name.toLowerCase(Locale.ROOT)) ? HIDDEN : parameter.group(3);
            parameter.appendReplacement(out, Matcher.quoteReplacement(parameter.group(1) + name + "=" + shown));
        }
        parameter.appendTail(out);
        return out.toString();
    }
}
