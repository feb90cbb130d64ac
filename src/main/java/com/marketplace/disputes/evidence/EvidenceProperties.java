package com.marketplace.disputes.evidence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on evidence uploads (properties {@code disputes.evidence.*}).
 *
 * @param maxFileSize the largest single file
 * @param maxDisputeSize all files of one dispute together; a buyer's not yet submitted uploads
 *     count against it too
 * @param stagedRetention how long an upload from a form that was never submitted is kept
 */
@ConfigurationProperties("disputes.evidence")
public record EvidenceProperties(
    @DefaultValue("10MB") DataSize maxFileSize,
    @DefaultValue("50MB") DataSize maxDisputeSize,
    @DefaultValue("P1D") Duration stagedRetention) {
}
