package dev.mysfits.docker;

import dev.mysfits.registry.RegistryCredentials;
import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * {@link RegistryManifests} over HTTPS with basic auth (ECR accepts its token that way). Trusts the JVM's CAs plus
 * the CA Docker trusts for that registry (certs.d/HOST/ca.crt, Docker's own convention), so the same registries
 * work for mysfits as for the daemon. The body is checked against the digest before anyone uses it.
 */
public final class HttpRegistryManifests implements RegistryManifests {
    public static final Path DOCKER_CERTS = Path.of("/etc/docker/certs.d");
    private static final String ACCEPT = String.join(", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json");

    private final Path certsDirectory;

    public HttpRegistryManifests(Path certsDirectory) {
        this.certsDirectory = certsDirectory;
    }

    @Override
    public Manifest fetch(String repositoryUri, String digest, RegistryCredentials credentials) {
        int slash = repositoryUri.indexOf('/');
        String host = repositoryUri.substring(0, slash);
        String name = repositoryUri.substring(slash + 1);
        String doing = "read manifest " + repositoryUri + "@" + digest;
        try {
            HttpClient http = HttpClient.newBuilder()
                    .sslContext(sslContext(host))
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String basic = Base64.getEncoder().encodeToString(
                    (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://" + host + "/v2/" + name + "/manifests/" + digest))
                    .header("Accept", ACCEPT)
                    .header("Authorization", "Basic " + basic)
                    .timeout(Duration.ofSeconds(30))
                    .GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw MysfitsException.failed(doing + ": the registry answered HTTP " + response.statusCode(), null, null);
            }
            String actual = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body()));
            if (!actual.equals(digest)) {
                throw MysfitsException.failed(doing + ": the registry sent a manifest with digest " + actual, null, null);
            }
            String mediaType = response.headers().firstValue("Content-Type").orElse(ACCEPT.split(",")[0]);
            return new Manifest(mediaType.split(";")[0].strip(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException | GeneralSecurityException e) {
            throw new MysfitsException(ExitCode.FAILED, doing + ": " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MysfitsException(ExitCode.INTERRUPTED, doing + ": interrupted", null, e);
        }
    }

    private SSLContext sslContext(String host) throws GeneralSecurityException, IOException {
        Path ca = certsDirectory.resolve(host).resolve("ca.crt");
        if (!Files.isRegularFile(ca)) {
            return SSLContext.getDefault();
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        int n = 0;
        for (TrustManager manager : defaults.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                    trusted.setCertificateEntry("jvm-" + n++, issuer);
                }
            }
        }
        try (InputStream in = Files.newInputStream(ca)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("docker-" + n++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
