package dev.syncledger.schemas.serde;

import dev.syncledger.schemas.text.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a Confluent-compatible schema registry and how much of its answers to hold. The URL never carries
 * user info: credentials given in it ({@code https://user:password@host}) move to {@link #credentials}, so
 * {@link #url} and {@link #toString} can be shown anywhere.
 *
 * @param url              the registry's API root, without user info
 * @param credentials      HTTP basic credentials, if the registry needs them
 * @param trust            whom to trust over https instead of the JDK's default authorities
 * @param connectTimeout   how long opening a connection may take
 * @param requestTimeout   how long one whole request may take, body included
 * @param missPeriod       how long an id the registry does not know (or cannot give as Avro) is not asked again;
 *                         zero asks every time
 * @param cacheCapacity    schemas and registrations held; beyond it an older one is dropped and asked again if needed
 * @param missCapacity     unknown ids held; beyond it the oldest miss is forgotten early
 * @param maxResponseBytes the largest answer body read; a larger one is an error, not a memory spike
 */
public record SchemaRegistrySettings(URI url, Optional<BasicCredentials> credentials, Optional<RegistryTrust> trust,
                                     Duration connectTimeout, Duration requestTimeout, Duration missPeriod,
                                     int cacheCapacity, int missCapacity, int maxResponseBytes) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough that a flood of records with foreign ids costs the registry one request per id every few minutes. */
    public static final Duration MISS_PERIOD = Duration.ofMinutes(5);
    /** Confluent's own client holds 1,000 schemas by default; a pipeline reads a handful. */
    public static final int CACHE_CAPACITY = 1_000;
    /** About 100 bytes per miss: 10 MB at worst. */
    public static final int MISS_CAPACITY = 100_000;
    /** Far above any Avro schema this project writes, far below what would hurt the heap. */
    public static final int MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

    /** @throws IllegalArgumentException in one line naming the setting that cannot work */
    public SchemaRegistrySettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(trust, "trust");
        requireValidUrl(url);
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("give the registry URL's user info through SchemaRegistrySettings.of, which moves it"
                    + " to the credentials");
        }
        require(positive(connectTimeout), "the schema registry connect timeout must be positive");
        require(positive(requestTimeout), "--schema-registry-timeout must be positive");
        require(missPeriod != null && !missPeriod.isNegative(), "--schema-registry-miss-period must not be negative");
        require(cacheCapacity >= 1, "--schema-registry-cache-size must be at least 1");
        require(missCapacity >= 1, "the schema registry's miss capacity must be at least 1");
        require(maxResponseBytes >= 1024, "the schema registry's response limit must be at least 1024 bytes");
    }

    /**
     * The registry at this URL with the default limits; user info in the URL becomes the credentials.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http(s) URL
     */
    public static SchemaRegistrySettings of(URI url) {
        Objects.requireNonNull(url, "url");
        requireValidUrl(url);
        Optional<BasicCredentials> credentials = Optional.ofNullable(url.getUserInfo())
                .map(info -> BasicCredentials.parse(info, "the user info of --schema-registry-url"));
        return new SchemaRegistrySettings(withoutUserInfo(url), credentials, Optional.empty(), CONNECT_TIMEOUT, REQUEST_TIMEOUT,
                MISS_PERIOD, CACHE_CAPACITY, MISS_CAPACITY, MAX_RESPONSE_BYTES);
    }

    /**
     * These credentials instead of none.
     *
     * @throws IllegalArgumentException when the URL already carried credentials: two sources, one would be ignored
     */
    public SchemaRegistrySettings withCredentials(BasicCredentials given) {
        if (credentials.isPresent()) {
            throw new IllegalArgumentException("the schema registry credentials are given twice: in the user info of"
                    + " --schema-registry-url and in --schema-registry-credentials-file or SYNC_LEDGER_SCHEMA_REGISTRY_USER_INFO;"
                    + " keep one");
        }
        return new SchemaRegistrySettings(url, Optional.of(given), trust, connectTimeout, requestTimeout, missPeriod,
                cacheCapacity, missCapacity, maxResponseBytes);
    }

    public SchemaRegistrySettings withTrust(RegistryTrust given) {
        return new SchemaRegistrySettings(url, credentials, Optional.of(given), connectTimeout, requestTimeout, missPeriod,
                cacheCapacity, missCapacity, maxResponseBytes);
    }

    public SchemaRegistrySettings withTimeouts(Duration connect, Duration request) {
        return new SchemaRegistrySettings(url, credentials, trust, connect, request, missPeriod, cacheCapacity, missCapacity,
                maxResponseBytes);
    }

    public SchemaRegistrySettings withMissPeriod(Duration period) {
        return new SchemaRegistrySettings(url, credentials, trust, connectTimeout, requestTimeout, period, cacheCapacity,
                missCapacity, maxResponseBytes);
    }

    public SchemaRegistrySettings withCapacities(int schemas, int misses) {
        return new SchemaRegistrySettings(url, credentials, trust, connectTimeout, requestTimeout, missPeriod, schemas, misses,
                maxResponseBytes);
    }

    public SchemaRegistrySettings withMaxResponseBytes(int bytes) {
        return new SchemaRegistrySettings(url, credentials, trust, connectTimeout, requestTimeout, missPeriod, cacheCapacity,
                missCapacity, bytes);
    }

    /** Secrets hidden, as every settings record shows itself. */
    @Override
    public String toString() {
        return Redaction.describe(this);
    }

    /** The URL as it may be shown: without user info, so a password in it never reaches a log or an error line. */
    public static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getRawPath() == null ? null : url.getPath(),
                    url.getQuery(), url.getFragment());
        } catch (URISyntaxException e) {
            // Only the user info was removed from a URL that parsed: the rest parses again.
            throw new IllegalStateException("cannot rebuild a parsed URL without its user info", e);
        }
    }

    private static void requireValidUrl(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || url.getHost() == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("schema registry URL " + withoutUserInfoLeniently(url)
                    + " is not an absolute http(s) URL; give it as http://host:port or https://host:port");
        }
    }

    private static String withoutUserInfoLeniently(URI url) {
        // A URL whose host does not parse has no user info for URI either, yet its authority may hold a password.
        String authority = url.getRawAuthority();
        int at = authority == null ? -1 : authority.lastIndexOf('@');
        return at < 0 ? url.toString() : url.toString().replace(authority, authority.substring(at + 1));
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
