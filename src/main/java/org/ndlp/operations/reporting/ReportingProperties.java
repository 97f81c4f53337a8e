package org.ndlp.operations.reporting;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of quarterly reporting (工作报送).
 *
 * @param dueDays a quarter's reports are due this many days after the quarter ends
 * @param sharpChangeRatio an entered figure that moves by more than this share of the
 * previous quarter's approved value needs a note (0.5 = ±50%)
 * @param sharpChangeMinimum ... and by more than this absolute amount
 * @param maxAttachmentSize the largest attachment a report takes
 * @param maxAttachments how many attachments a report takes
 */
@ConfigurationProperties("ndlp.operations.reporting")
public record ReportingProperties(@DefaultValue("15") int dueDays, @DefaultValue("0.5") BigDecimal sharpChangeRatio,
		@DefaultValue("10") BigDecimal sharpChangeMinimum, @DefaultValue("10MB") DataSize maxAttachmentSize,
		@DefaultValue("10") int maxAttachments) {

	public ReportingProperties {
		// fail fast at start-up rather than with odd deadlines or checks later
		if (dueDays < 0 || dueDays > 365) {
			throw new IllegalArgumentException("ndlp.operations.reporting.due-days must be 0-365, got " + dueDays);
		}
		if (sharpChangeRatio == null || sharpChangeRatio.signum() <= 0) {
			throw new IllegalArgumentException("ndlp.operations.reporting.sharp-change-ratio must be positive");
		}
		if (sharpChangeMinimum == null || sharpChangeMinimum.signum() < 0) {
			throw new IllegalArgumentException("ndlp.operations.reporting.sharp-change-minimum must not be negative");
		}
		if (maxAttachmentSize == null || maxAttachmentSize.toBytes() <= 0) {
			throw new IllegalArgumentException("ndlp.operations.reporting.max-attachment-size must be positive");
		}
		if (maxAttachments < 0) {
			throw new IllegalArgumentException("ndlp.operations.reporting.max-attachments must not be negative");
		}
	}

	/** The rule for sharp changes these settings give. */
	SharpChangeRule sharpChangeRule() {
		return new SharpChangeRule(this.sharpChangeRatio, this.sharpChangeMinimum);
	}

}
