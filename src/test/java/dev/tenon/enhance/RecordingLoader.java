package dev.tenon.enhance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import net.bytebuddy.ByteBuddy;

/**
 * Loads the classes of {@code dev.tenon.enhance.fixture} again, from the class files the build enhanced, next to
 * {@link RecordingAttributes} renamed to {@code dev.tenon.identity.Attributes}: what the enhanced bytecode calls is
 * then seen, with the real runtime contract untouched. Everything else comes from the test class path; the
 * {@link AttributeCalls} list is what the two sides share.
 */
final class RecordingLoader extends ClassLoader {
    private static final String FIXTURES = "dev.tenon.enhance.fixture.";
    private static final String ATTRIBUTES = "dev.tenon.identity.Attributes";

    private final byte[] attributes;

    RecordingLoader() {
        super("recording", RecordingLoader.class.getClassLoader());
        this.attributes = new ByteBuddy().redefine(RecordingAttributes.class).name(ATTRIBUTES).make().getBytes();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && name.equals(ATTRIBUTES)) {
                loaded = defineClass(name, attributes, 0, attributes.length);
            } else if (loaded == null && name.startsWith(FIXTURES)) {
                byte[] enhanced = classFile(name);
                loaded = defineClass(name, enhanced, 0, enhanced.length);
            } else if (loaded == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] classFile(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
