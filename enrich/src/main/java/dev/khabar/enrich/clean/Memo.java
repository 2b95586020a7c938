package dev.khabar.enrich.clean;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a function of a class or id string, each worked out once: pages and sites repeat
 * the same few hundred names («row», «col-md-8», «entry-content») on thousands of elements. Past
 * {@code max} distinct names the memory starts over, so a stream of pages with generated names
 * cannot grow it without bound. Thread-safe if the function is.
 */
final class Memo<V> {
  private final int max;
  private final Function<String, V> function;
  private final Map<String, V> known = new ConcurrentHashMap<>();

  Memo(int max, Function<String, V> function) {
    this.max = max;
    this.function = function;
  }

  V get(String name) {
    V value = known.get(name);
    if (value == null) {
      if (known.size() >= max) {
        known.clear();
      }
      value = function.apply(name);
      known.put(name, value);
    }
    return value;
  }
}
