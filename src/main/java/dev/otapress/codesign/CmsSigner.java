package dev.otapress.codesign;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * The CMS signature of a code signature: a detached SignedData over the primary CodeDirectory.
 * It names its signer by issuer and serial; the signer's certificate travels in the same blob.
 */
final class CmsSigner {
    private CmsSigner() {
    }

    /** The signer, or null when the blob is empty (ad hoc) or holds no usable signer certificate. */
    static CodeSignature.Signer read(byte[] cms, byte[] codeDirectory) {
        if (cms == null || cms.length == 0) return null;
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(codeDirectory), cms);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.isEmpty()) return null;
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) return null;
            X509CertificateHolder cert = matches.iterator().next();
            boolean valid;
            try {
                valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            } catch (Exception e) {
                valid = false;
            }
            X500Name subject = cert.getSubject();
            return new CodeSignature.Signer(rdn(subject, BCStyle.CN), rdn(subject, BCStyle.O), rdn(subject, BCStyle.OU),
                    cert.getNotAfter().toInstant(), sha256(cert.getEncoded()), valid);
        } catch (Exception e) {
            // Damaged CMS is no signer at all; the checks say the signer is missing.
            return null;
        }
    }

    static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String rdn(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0 || rdns[0].getFirst() == null) return null;
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : value.toString();
    }
}
