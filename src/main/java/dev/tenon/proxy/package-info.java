/**
 * The collections a session puts into relationship fields: {@link dev.tenon.proxy.RelationList} and
 * {@link dev.tenon.proxy.RelationSet}, loaded by a {@link dev.tenon.proxy.Loader} callback on first use (the callback
 * decides what happens when the session is closed), and telling a {@link dev.tenon.proxy.Membership} of every member
 * the application adds or removes, so that the other side of a {@code backPopulates} pair follows at once. A to-one
 * reference needs no stand-in: the enhanced class asks its state to load it (see {@code dev.tenon.identity.Deferred}).
 *
 * <p>Depends on nothing of Tenon's but the exceptions.
 */
package dev.tenon.proxy;
