/**
 * The few types an application holds besides its own entities and the session: where an object stands with its
 * session ({@link dev.tenon.api.Status}) and the lazy collection Tenon installs in a relationship
 * ({@link dev.tenon.api.LazyCollection}). It depends on nothing else in Tenon.
 */
package dev.tenon.api;
