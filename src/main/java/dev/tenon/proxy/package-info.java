/**
 * The lazy stand-ins a session puts into relationship fields: {@link dev.tenon.proxy.RelationList} and
 * {@link dev.tenon.proxy.RelationSet} for collections, and a generated subclass ({@link dev.tenon.proxy.ReferenceProxies},
 * with ByteBuddy) for to-one references. They know only a {@link dev.tenon.proxy.Loader} callback; the callback
 * decides what happens when the session is closed.
 *
 * <p>Depends on nothing in Tenon but the exceptions.
 */
package dev.tenon.proxy;
