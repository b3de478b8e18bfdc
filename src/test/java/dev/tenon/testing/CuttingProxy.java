package dev.tenon.testing;

import dev.tenon.Database;
import dev.tenon.engine.ConnectionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay on loopback between Tenon and the test PostgreSQL server that can cut a connection at the worst
 * moment: after the server has received a {@code COMMIT} and before its answer reaches the client. The transaction
 * is then committed, but the client sees only a broken connection, which is what a crash or a network failure
 * during a commit looks like.
 */
public final class CuttingProxy implements AutoCloseable {
    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final URI target;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private CuttingProxy(URI target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to the test PostgreSQL server. */
    public static CuttingProxy toPostgres() throws IOException {
        return new CuttingProxy(URI.create(PostgresServer.url().substring("jdbc:".length())));
    }

    /** A pool of {@code size} connections to the test database through this relay. */
    public Database connect(int size) {
        String url = "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + target.getPath();
        return Database.connect(ConnectionOptions.url(url).user(PostgresServer.user()).password(PostgresServer.password())
                .maximumPoolSize(size));
    }

    /** The next connection that sends COMMIT is cut as soon as the server answers it; the answer is dropped. */
    public void cutAfterNextCommit() {
        armed.set(true);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getHost(), target.getPort());
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean committing = new AtomicBoolean();
                relay(client, server, committing, true);
                relay(server, client, committing, false);
            } catch (IOException e) {
                return;     // closed
            }
        }
    }

    private void relay(Socket from, Socket to, AtomicBoolean committing, boolean toServer) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!toServer && committing.get()) {
                        // The server has answered the COMMIT: it committed. The client never hears it.
                        from.close();
                        to.close();
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                    if (toServer && contains(buffer, read, COMMIT) && armed.compareAndSet(true, false)) {
                        committing.set(true);
                    }
                }
            } catch (IOException e) {
                // one side closed: the other follows
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static boolean contains(byte[] buffer, int length, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (buffer[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
