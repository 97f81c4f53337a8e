package org.ndlp.catalog.marc;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list over an array that nothing else holds: what the ISO 2709 reader hands
 * to {@link MarcRecord} and {@link DataField}, which keep it as it is instead of copying
 * it. Safe to publish to other threads (the array is reached through a final field).
 */
final class ArrayBackedList<E> extends AbstractList<E> implements RandomAccess {

	private final E[] elements;

	/** Takes the array over; the caller must not change it afterwards. */
	ArrayBackedList(E[] elements) {
		for (E element : elements) {
			if (element == null) {
				throw new NullPointerException("element");
			}
		}
		this.elements = elements;
	}

	@Override
	public E get(int index) {
		return this.elements[index];
	}

	@Override
	public int size() {
		return this.elements.length;
	}

}
