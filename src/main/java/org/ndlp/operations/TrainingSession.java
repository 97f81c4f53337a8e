package org.ndlp.operations;

import java.time.LocalDate;

import org.ndlp.shared.LibraryCode;

/**
 * A training session held for the project's staff (人员培训).
 *
 * @param id the record's number ({@code null} before it is stored)
 * @param heldOn the date
 * @param level national, provincial or local
 * @param title the course title
 * @param organizer the library that ran it
 * @param attendees how many people attended
 * @param recordedBy who recorded it
 */
public record TrainingSession(Long id, LocalDate heldOn, TrainingLevel level, String title, LibraryCode organizer,
		int attendees, String recordedBy) {
}
