package dev.syncledger.sink.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where alert transitions go: one URL for every workspace, and optionally one more per workspace. Only http and
 * https URLs with a host are accepted.
 */
public record WebhookTargets(Optional<URI> global, Map<UUID, URI> byWorkspace) {

    public WebhookTargets {
        global.ifPresent(WebhookTargets::requireHttp);
        byWorkspace.values().forEach(WebhookTargets::requireHttp);
        byWorkspace = Map.copyOf(byWorkspace);
    }

    public static WebhookTargets none() {
        return new WebhookTargets(Optional.empty(), Map.of());
    }

    public boolean isEmpty() {
        return global.isEmpty() && byWorkspace.isEmpty();
    }

    /** The URLs a transition of this workspace goes to: the global one, then the workspace's own. */
    public List<URI> urlsFor(UUID workspaceId) {
        List<URI> urls = new ArrayList<>(2);
        global.ifPresent(urls::add);
        URI own = byWorkspace.get(workspaceId);
        if (own != null && !urls.contains(own)) {
            urls.add(own);
        }
        return urls;
    }

    /**
     * @throws IllegalArgumentException naming the URL when it is not http(s) with a host
     */
    public static URI requireHttp(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("a webhook URL must be http(s)://host/..., was " + redacted(url));
        }
        return url;
    }

    /** The URL without user info or query, which may hold credentials. */
    public static String redacted(URI url) {
        if (url.getHost() == null) {
            return "<" + url.getScheme() + " URL>";
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + (url.getPath() == null ? "" : url.getPath());
    }

    /** The URLs as {@link #redacted(URI)} shows them: a webhook URL often carries its receiver's token. */
    @Override
    public String toString() {
        return "WebhookTargets[global=" + global.map(WebhookTargets::redacted).orElse("none") + ", byWorkspace="
                + byWorkspace.entrySet().stream().map(e -> e.getKey() + "=" + redacted(e.getValue())).toList() + "]";
    }
}
