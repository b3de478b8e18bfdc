/**
 * Test models of the loader tests, beside the SCOTT pair: the seeds' users and posts with tags (many-to-many),
 * courses and lessons (a composite key), playlists (a dynamic relationship) and shelves (a lazy batch size).
 * Each has getters, because a lazy to-one proxy loads on a method call, not on a field read.
 */
package dev.tenon.loading.model;
