package org.ndlp.operations;

import java.time.LocalDate;

import org.ndlp.shared.LibraryCode;

/**
 * A media report on digital libraries (宣传推广).
 *
 * @param id the record's number ({@code null} before it is stored)
 * @param publishedOn the date
 * @param outlet the newspaper, broadcaster or site
 * @param outletLevel central or local media
 * @param aboutProject whether it is about the promotion project itself (absent means no)
 * @param title the headline
 * @param library the library that reported it
 * @param recordedBy who recorded it
 */
public record PressReport(Long id, LocalDate publishedOn, String outlet, OutletLevel outletLevel, Boolean aboutProject,
		String title, LibraryCode library, String recordedBy) {
}
