package dev.atscope.core.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Reads the certificates and keys a host uploaded with AT+QSECWRITE (PEM, as in §3.1's file names). */
final class PemDecoder {

    private PemDecoder() {}

    /** Every certificate in a PEM (or DER) file; empty when there is none. */
    static List<X509Certificate> certificates(byte[] data) throws IOException {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(data))) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException("not a certificate: " + e.getMessage(), e);
        }
    }

    /** The private key of a PEM file: PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 or PKCS#8, unencrypted. */
    static PrivateKey privateKey(byte[] data) throws IOException {
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(r)) {
            Object o;
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            while ((o = parser.readObject()) != null) {
                if (o instanceof PEMKeyPair kp) {
                    return converter.getPrivateKey(kp.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        }
        throw new IOException("no unencrypted private key in the file");
    }
}
