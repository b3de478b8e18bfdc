/**
 * The benchmark suite: each workload of issue 6 ({@link dev.tenon.bench.FlatRead}, {@link dev.tenon.bench.GraphSelectin},
 * {@link dev.tenon.bench.GraphJoin}, {@link dev.tenon.bench.LazyNPlusOne}, {@link dev.tenon.bench.LazyBatched},
 * {@link dev.tenon.bench.Insert}, {@link dev.tenon.bench.GetById}, {@link dev.tenon.bench.Streaming}) written three
 * times, by hand on JDBC, with Tenon and with Hibernate, on H2 and PostgreSQL; {@link dev.tenon.bench.Suite} runs
 * them and prints the ratios to hand-written JDBC. Not part of the library: built only with {@code -Pbench}.
 */
package dev.tenon.bench;
