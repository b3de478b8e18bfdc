/**
 * The classes Tenon generates with ByteBuddy, and the lazy stand-ins a session puts into relationship fields:
 * {@link dev.tenon.proxy.RelationList} and {@link dev.tenon.proxy.RelationSet} for collections, and a generated
 * subclass ({@link dev.tenon.proxy.ReferenceProxies}) for to-one references. They know only a
 * {@link dev.tenon.proxy.Loader} callback; the callback decides what happens when the session is closed. Loaded rows
 * are made of another generated subclass, {@link dev.tenon.proxy.TrackedInstances}, which carries the fields of
 * {@link dev.tenon.identity.Tracked}.
 *
 * <p>Depends on the exceptions, the metadata (to make an entity's objects) and {@code dev.tenon.identity} (the
 * interface the loaded objects implement).
 */
package dev.tenon.proxy;
