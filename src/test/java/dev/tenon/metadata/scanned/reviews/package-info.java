/** A sub-package of the scanned test package. */
package dev.tenon.metadata.scanned.reviews;
