package io.github.rocklstm.backend;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the {@link Backend} to use among those on the classpath ({@link ServiceLoader}).
 *
 * <p>{@link #get()} takes the backend named by the system property {@value #PROPERTY} or, if unset, the
 * environment variable {@value #ENVIRONMENT_VARIABLE}; without either it takes the only available backend. Every
 * failure is an {@link IllegalStateException} that says what was found and what to do: add
 * {@code io.github.rocklstm:rocklstm-djl} or {@code io.github.rocklstm:rocklstm-dl4j} when none is present, or
 * name one when several are.
 */
public final class Backends {

  /** The system property naming the backend to use ({@code djl} or {@code dl4j}). */
  public static final String PROPERTY = "rocklstm.backend";

  /** The environment variable naming the backend to use, read when the system property is unset. */
  public static final String ENVIRONMENT_VARIABLE = "ROCKLSTM_BACKEND";

  private static final String ARTIFACTS =
      "add one backend to the classpath: the Maven artifact io.github.rocklstm:rocklstm-djl (PyTorch through DJL) or"
          + " io.github.rocklstm:rocklstm-dl4j (Deeplearning4j)";

  private Backends() {}

  /** Every backend on the classpath, available or not, sorted by name. */
  public static List<Backend> all() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Backends.class.getClassLoader();
    }
    List<Backend> found = new ArrayList<>();
    ServiceLoader.load(Backend.class, loader).forEach(found::add);
    found.sort(Comparator.comparing(Backend::name));
    return ImmutableList.copyOf(found);
  }

  /**
   * The backend to use: the one named by {@value #PROPERTY} / {@value #ENVIRONMENT_VARIABLE}, else the only
   * available one.
   *
   * @throws IllegalStateException if none is present, the named one is missing or unavailable, or several are
   *     available and none is named
   */
  public static Backend get() {
    String requested = System.getProperty(PROPERTY);
    String source = "-D" + PROPERTY;
    if (requested == null || requested.isBlank()) {
      requested = System.getenv(ENVIRONMENT_VARIABLE);
      source = ENVIRONMENT_VARIABLE;
    }
    return select(all(), requested, source);
  }

  /**
   * The backend called {@code name} (case ignored).
   *
   * @throws IllegalStateException if it is not on the classpath or not available, listing what is
   */
  public static Backend get(String name) {
    Preconditions.checkNotNull(name, "name");
    return select(all(), name, "the caller");
  }

  static Backend select(List<Backend> found, String requested, String source) {
    if (requested != null && !requested.isBlank()) {
      String wanted = requested.trim().toLowerCase(Locale.ROOT);
      for (Backend backend : found) {
        if (backend.name().toLowerCase(Locale.ROOT).equals(wanted)) {
          if (!backend.isAvailable()) {
            throw new IllegalStateException(
                "backend '" + backend.name() + "' (requested by " + source + ") is on the classpath but not available: "
                    + backend.unavailableReason());
          }
          return backend;
        }
      }
      throw new IllegalStateException(
          "backend '" + requested + "' (requested by " + source + ") is not on the classpath; "
              + (found.isEmpty() ? ARTIFACTS : "present: " + describe(found)));
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("no rocklstm backend on the classpath: " + ARTIFACTS);
    }
    List<Backend> available = found.stream().filter(Backend::isAvailable).collect(Collectors.toList());
    if (available.size() == 1) {
      return available.get(0);
    }
    if (available.isEmpty()) {
      throw new IllegalStateException("no rocklstm backend is available: " + describe(found));
    }
    throw new IllegalStateException(
        "several rocklstm backends are available (" + describe(available) + "): choose one with -D" + PROPERTY
            + "=NAME or the environment variable " + ENVIRONMENT_VARIABLE + "=NAME");
  }

  private static String describe(List<Backend> backends) {
    return backends.stream()
        .map(b -> b.isAvailable() ? b.name() : b.name() + " (not available: " + b.unavailableReason() + ")")
        .collect(Collectors.joining(", "));
  }
}
