package pl.koordes.shared.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly what to set when production starts without its public address. */
public class PublicAddressFailureAnalyzer extends AbstractFailureAnalyzer<PublicAddress.Missing> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PublicAddress.Missing cause) {
        return new FailureAnalysis(
                "The public address of the site (koordes.site.base-url, environment variable KOORDES_BASE_URL) is not"
                        + " set. Every link in e-mails, feeds, the sitemap, canonical and OpenGraph tags and calendar"
                        + " files is built from it, so the prod profile refuses to start without it.",
                "Set KOORDES_BASE_URL to the address people open the site at, such as https://koordes.example.pl"
                        + " (with a path only if the site lives under one).",
                cause);
    }
}
