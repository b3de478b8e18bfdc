package dev.tenon.demo;

import dev.tenon.Database;
import dev.tenon.ddl.Ddl;
import dev.tenon.engine.ConnectionOptions;
import dev.tenon.engine.Replicas;
import dev.tenon.metadata.Metadata;
import dev.tenon.query.Load;
import dev.tenon.query.LoadPlan;
import dev.tenon.query.Query;
import dev.tenon.session.Session;
import dev.tenon.session.SessionOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The N+1 story, runnable: creates the SCOTT schema, loads the classic data, then prints every department with
 * its employees four ways (lazy, joined, selectin, subquery), each with its load plan explained before it runs, the
 * SQL it ran, its statement count against the plan's prediction, and its time; then a report (a projection, and employees and salaries per department, into records); the seeds'
 * users and posts, a server default read back; Tenon's two extras (the N+1 detector and batched lazy loading); and
 * what production needs: a retried conflict, savepoints, a routed read.
 *
 * <pre>
 * mvn -q test-compile exec:java                                                     # embedded H2
 * mvn -q test-compile exec:java -Ddemo.url=jdbc:postgresql://127.0.0.1:5432/test -Ddemo.user=postgres
 * mvn -q test-compile exec:java -Ddemo.url=... -Ddemo.user=postgres -Ddemo.replica=jdbc:postgresql://127.0.0.1:55432/test
 * </pre>
 */
public final class Demo {
    private final Database db;
    private final PrintStream out;
    private final SqlRecorder recorder = new SqlRecorder();
    private final Metadata scott = Metadata.of(Dept.class, Emp.class);
    private final Metadata blog = Metadata.of(User.class, Post.class, Profile.class);
    private final List<String[]> summary = new ArrayList<>();

    Demo(Database db, PrintStream out) {
        this.db = db;
        this.out = out;
        db.addListener(recorder);
    }

    /**
     * Runs the demo against the JDBC URL in {@code args[0]} (H2 in memory by default), as {@code args[1]}/{@code args[2]},
     * with the PostgreSQL standby at {@code args[3]} as its replica when given.
     */
    public static void main(String[] args) {
        String url = argument(args, 0, "jdbc:h2:mem:demo");
        String user = argument(args, 1, null);
        String password = argument(args, 2, null);
        String replica = argument(args, 3, null);
        ConnectionOptions options = ConnectionOptions.url(url).user(user).password(password);
        try (Database db = replica == null ? Database.connect(options) : Database.connect(options, Replicas.of(replica))) {
            new Demo(db, System.out).run();
        }
    }

    // Maven passes an empty property as null or "": both mean "not given".
    private static String argument(String[] args, int index, String fallback) {
        return args.length > index && args[index] != null && !args[index].isBlank() ? args[index] : fallback;
    }

    void run() {
        out.printf("Tenon demo on %s%n", db.dialect().name());
        db.dropAll(scott);
        db.dropAll(blog);
        createSchema();
        loadScott();
        printDepartments("lazy", null, "you may not need the children: nothing is loaded until touched (N+1 when touched in a loop)");
        printDepartments("joined", Load.joined("employees"), "one query; best for to-one references and small collections");
        printDepartments("selectin", Load.selectin("employees"), "large collections and big result sets: 1 + 1 per 500 parents");
        printDepartments("subquery", Load.subquery("employees"), "when the parent query is complex: it is nested, not re-bound as keys");
        printSummary();
        heading("A report: a projection and a grouped aggregate, into records");
        new Report(db, scott, out, recorder).run();
        usersAndPosts();
        extras();
        heading("Running in production: a retried conflict, savepoints, a routed read");
        new Production(db, out, recorder).run();
        db.dropAll(blog);
        db.dropAll(scott);
    }

    private void createSchema() {
        heading("createAll: the DDL Tenon generated and ran");
        List<String> ddl = Ddl.of(scott).createAll(db.engine());
        ddl.forEach(statement -> out.println(indent(statement, "  ") + ";"));
        recorder.drain();
    }

    private void loadScott() {
        heading("The SCOTT data");
        try (Session session = db.openSession(scott)) {
            session.addAll(ScottData.departments());
            session.addAll(ScottData.employees());
            out.println("  The flush plan, before anything is written (session.flushPlan()):");
            out.println(indent(session.flushPlan().toString(), "    "));
            session.commit();
            out.printf("  4 departments and 14 employees inserted in %d statements (multi-row INSERTs; managers before their reports)%n",
                    session.statistics().statements());
        }
        recorder.drain();
    }

    private void printDepartments(String name, Load option, String when) {
        heading(name + (option == null ? " (the mapping's default)" : ": .options(" + option + ")"));
        long start = System.nanoTime();
        long statements;
        LoadPlan plan;
        int parents;
        StringBuilder printed = new StringBuilder();
        try (Session session = db.openSession(scott)) {
            Query<Dept> query = session.select(Dept.class).orderBy("deptno");
            if (option != null) {
                query = query.options(option);
            }
            plan = query.explain();
            out.println("  The plan, before running (query.explain().outline(); toString() adds the SQL):");
            out.println(indent(plan.outline(), "    "));
            List<Dept> depts = query.list();
            parents = depts.size();
            for (Dept dept : depts) {
                String names = dept.employees.stream().map(emp -> emp.ename).collect(Collectors.joining(", "));
                printed.append(String.format(Locale.ROOT, "  %-10s %-9s %s%n", dept.dname, dept.loc, names.isEmpty() ? "(no employees)" : names));
            }
            statements = session.statistics().statements();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        List<SqlRecorder.Statement> ran = recorder.drain();
        out.println("  SQL run:");
        for (int i = 0; i < ran.size(); i++) {
            SqlRecorder.Statement statement = ran.get(i);
            out.printf("  [%d] %s%s%n", i + 1, statement.sql(), statement.params().isEmpty() ? "" : "   -- " + statement.params());
        }
        out.print(printed);
        out.printf(Locale.ROOT, "  => %s: %d statement%s (plan.predict(%d) = %d), %.1f ms.%n     When: %s.%n", name, statements,
                statements == 1 ? "" : "s", parents, plan.predict(parents), millis, when);
        summary.add(new String[] {name, Long.toString(statements), String.format(Locale.ROOT, "%.1f", millis)});
    }

    private void printSummary() {
        heading("The four strategies side by side (same output each time)");
        out.printf("  %-10s %10s %10s%n", "strategy", "statements", "ms");
        for (String[] row : summary) {
            out.printf("  %-10s %10s %10s%n", row[0], row[1], row[2]);
        }
    }

    private void usersAndPosts() {
        heading("The seeds' users and posts, and a server default read back");
        Ddl.of(blog).createAll(db.engine());
        try (Session session = db.openSession(blog)) {
            User ada = new User("ada");
            Post first = new Post("Objects fit rows");
            Post second = new Post("The N+1 problem");
            ada.posts = new ArrayList<>(List.of(first, second));   // save-update cascade: adding ada adds her posts
            ada.profile = new Profile("writes about ORMs");
            session.add(ada);
            session.flush();
            out.printf("  after flush: %s has id %d; '%s' has user_id %d and created = %s (now(), read back with the insert)%n",
                    ada.name, ada.id, first.title, first.userId, first.created);
            session.add(new User("grace"));
            session.commit();
        }
        recorder.drain();
        try (Session session = db.openSession(blog)) {
            List<User> users = session.select(User.class).options(Load.joined("posts"), Load.joined("profile")).orderBy("id").list();
            out.printf("  Load.joined(\"posts\"), users in id order: %s, %d statement (the profile joined too)%n",
                    users.stream().map(user -> user.name + " " + user.posts.stream().map(post -> post.title).toList()).toList(),
                    session.statistics().statements());
            List<Post> posts = session.select(Post.class).options(Load.joined("author")).orderBy("id").list();
            out.printf("  Load.joined(\"author\"), the other direction: %s%n",
                    posts.stream().map(post -> post.title + " by " + post.author.name).toList());
            out.printf("  one-to-one (uselist = FALSE): %s's profile is '%s'%n", users.get(0).name, users.get(0).profile.bio);
        }
        recorder.drain();
    }

    private void extras() {
        heading("Beyond SQLAlchemy: the N+1 detector and batched lazy loading");
        try (Session session = db.openSession(scott, SessionOptions.DEFAULTS.strictNPlusOne(true))) {
            try {
                for (Dept dept : session.select(Dept.class).orderBy("deptno").list()) {
                    dept.employees.size();
                }
            } catch (dev.tenon.exception.LazyLoadException e) {
                out.println("  strict mode stops the 2nd lazy load of one result: " + e.getMessage().replace(". ", ".\n    "));
            }
        }
        try (Session session = db.openSession(scott, SessionOptions.DEFAULTS.batchLazyLoads(true))) {
            int employees = 0;
            for (Dept dept : session.select(Dept.class).orderBy("deptno").list()) {
                employees += dept.employees.size();
            }
            out.printf("  batched lazy loading: %d employees in %d statements (lazy alone: 5)%n", employees, session.statistics().statements());
        }
        recorder.drain();
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title + " " + "=".repeat(Math.max(3, 76 - title.length())));
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
