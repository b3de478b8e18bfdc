/** Entities for the package-scan tests: two here, one in a sub-package, and a class that is not an entity. */
package dev.tenon.metadata.scanned;
