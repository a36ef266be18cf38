package dev.syncledger.sink.db;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown to a person: never with a password. */
final class DatabaseUrls {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:?]*:)[^/@?]*@");

    private DatabaseUrls() {}

    static String withoutPassword(String url) {
        String redacted = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(redacted).replaceAll("$1***@");
    }
}
