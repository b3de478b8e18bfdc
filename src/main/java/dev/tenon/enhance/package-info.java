/**
 * The enhancer: it rewrites the bytecode of mapped classes, and of the code that uses them, so that Tenon sees every
 * read of a relationship field and every write of a mapped field, as SQLAlchemy's instrumented attributes do.
 *
 * <h2>Why Java needs it</h2>
 * Python lets SQLAlchemy put a descriptor on the class: {@code emp.dept} runs SQLAlchemy's code, which loads the
 * department if needed, and {@code emp.sal = 5000} records the change. In Java, {@code emp.dept} is one instruction,
 * {@code GETFIELD Emp.dept}, that the JVM executes without asking anyone. Getters do not help: a field read inside
 * the class, or from a class of the same package, bypasses them. So Tenon changes the instructions themselves, as
 * Hibernate and Ebean do, either when the application is built ({@link dev.tenon.enhance.TenonPlugin}, a Byte Buddy
 * build plugin) or when its classes are loaded ({@link dev.tenon.enhance.Agent}, {@code -javaagent:tenon.jar}). Both
 * run the same code. An entity that went through neither is refused when it is scanned, with the fix in the message.
 *
 * <h2>What bytecode is added</h2>
 * To each entity {@code E} (a class with {@code @Table}, or with fields mapped by {@code @Column}, {@code @Id} or
 * {@code @Relationship}), for each of its mapped fields {@code f} of type {@code T}, static methods next to the field
 * and as visible as it:
 * <pre>{@code
 * static T    tenon$get$f(E o)      { return (T) Attributes.read(o, "f", o.f); }          // relationships only
 * static void tenon$set$f(E o, T v) { o.f = (T) Attributes.write(o, "f", o.f, v); }      // relationships
 * static void tenon$set$f(E o, T v) { if (o.tenon$state != null) Attributes.changed(o, "f", o.f); o.f = v; }
 * }</pre>
 * Then, in every class processed (entities, their lambdas and nested classes, and any other class), each
 * {@code GETFIELD} of a relationship field becomes {@code INVOKESTATIC E.tenon$get$f} and each {@code PUTFIELD} of a
 * mapped field {@code INVOKESTATIC E.tenon$set$f}; the call takes and leaves the same values on the stack as the
 * instruction did. A constructor's writes to its own class's fields stay as they are: the object is being built.
 * Reads of column fields are not rewritten: a column is always loaded, so a read needs nobody's help, and reads
 * are the hot path. Finally the entity gets {@link dev.tenon.annotation.Enhanced}, so that nothing is done twice.
 * A class or method marked {@link dev.tenon.annotation.RawFieldAccess} is left as written.
 *
 * <h2>Where the state lives</h2>
 * On the object. The root entity of a hierarchy (one whose superclasses are not entities) gets two protected fields,
 * {@code tenon$state} (its state in the session that holds it) and {@code tenon$departure} (what became of its row
 * once it left), and implements {@link dev.tenon.identity.Tracked} with them; its subclasses inherit them. No
 * subclass is generated, so {@code getClass()} is the entity's own class and {@code final} entities work.
 */
package dev.tenon.enhance;
