package dev.atscope.core.emulator;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made on the fly for the demo and the tests: a CA, server and client certificates it
 * signs (RSA 2048, SHA-256), as PEM files a host uploads with AT+QSECWRITE. Nothing is written to
 * disk unless the caller does it.
 */
public final class Pki {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private Pki() {}

    /**
     * A certificate with its key.
     *
     * @param certificate the certificate
     * @param keys its key pair
     * @param issuer the certificate that signed it (itself for a CA)
     */
    public record Issued(X509Certificate certificate, KeyPair keys, X509Certificate issuer) {

        /** The certificate as a PEM file. */
        public byte[] certificatePem() {
            return pem(certificate);
        }

        /** The private key as a PEM file in PKCS#1 form ({@code RSA PRIVATE KEY}), as §3.1's client_key.pem. */
        public byte[] keyPem() {
            return pem(keys);
        }
    }

    /** A new self-signed CA valid from an hour ago for a year. */
    public static Issued authority(String commonName) {
        KeyPair kp = rsa();
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=" + commonName + ",O=atscope");
        return sign(name, kp, name, kp, null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)),
                true, null);
    }

    /**
     * A CA with the subject of another and a key of its own: it stands for the other in a test or a
     * replay, where the other's key is not at hand. Valid from an hour ago for a year.
     */
    public static Issued twin(X509Certificate original) {
        KeyPair kp = rsa();
        Instant now = Instant.now();
        X500Name name = X500Name.getInstance(original.getSubjectX500Principal().getEncoded());
        return sign(name, kp, name, kp, null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)), true,
                null);
    }

    /** A server certificate for {@code hostNames} (DNS names or IP addresses), signed by the CA. */
    public static Issued server(Issued ca, Instant notBefore, Instant notAfter, String... hostNames) {
        return server(ca, rsa(), notBefore, notAfter, hostNames);
    }

    /**
     * A server certificate for a key pair that already exists (another certificate for the same
     * server, an expired one say: RSA keys take long to make on a busy machine).
     */
    public static Issued server(Issued ca, KeyPair keys, Instant notBefore, Instant notAfter, String... hostNames) {
        List<GeneralName> sans = new ArrayList<>();
        for (String h : hostNames) {
            sans.add(new GeneralName(h.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, h));
        }
        return sign(new X500Name("CN=" + hostNames[0] + ",O=atscope"), keys,
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), ca.keys(), ca.certificate(),
                notBefore, notAfter, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
    }

    /** A server certificate valid from an hour ago for 90 days. */
    public static Issued server(Issued ca, String... hostNames) {
        Instant now = Instant.now();
        return server(ca, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)), hostNames);
    }

    /** A client certificate for a device, signed by the CA. */
    public static Issued client(Issued ca, String deviceName) {
        Instant now = Instant.now();
        return sign(new X500Name("CN=" + deviceName + ",O=atscope"), rsa(),
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), ca.keys(), ca.certificate(),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(90)), false, null);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static Issued sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            X509Certificate issuerCert, Instant notBefore, Instant notAfter, boolean ca, GeneralNames sans) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (sans != null) {
                b.addExtension(Extension.subjectAlternativeName, false, sans);
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
            return new Issued(cert, subjectKeys, issuerCert == null ? cert : issuerCert);
        } catch (OperatorCreationException | GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    static byte[] pem(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException("PEM encoding in memory cannot fail", e);
        }
        return sw.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
