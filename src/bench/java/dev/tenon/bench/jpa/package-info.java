/**
 * The Hibernate contender's side: the SCOTT entities with JPA annotations, and the session factory built over the
 * suite's pool with a fair configuration.
 */
package dev.tenon.bench.jpa;
