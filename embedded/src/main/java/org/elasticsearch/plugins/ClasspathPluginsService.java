package org.elasticsearch.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.plugins.spi.SPIClassIterator;

/**
 * A plugins service that instantiates plugin classes found on the class path, for the embedded node
 * of {@code dev.khabar.embedded}; the production service only loads plugins from directories of
 * jars.
 *
 * <p>It lives in {@code org.elasticsearch.plugins} because what it needs is package-private there:
 * the {@code PluginsLoader} constructor, {@code LoadedPlugin}, {@code loadPlugin} and {@code
 * createExtension}. Keep it this small: these internals change between Elasticsearch versions.
 */
public final class ClasspathPluginsService extends PluginsService {

  private final List<LoadedPlugin> plugins;
  private final PluginsAndModules info;

  public ClasspathPluginsService(
      Settings settings, Path configDir, Collection<Class<? extends Plugin>> pluginClasses) {
    super(settings, configDir, new PluginsLoader(Set.of(), Set.of(), Map.of()));
    // One class loader for all: the one that loaded the node.
    ClassLoader classLoader = ClasspathPluginsService.class.getClassLoader();
    List<LoadedPlugin> loaded = new ArrayList<>();
    for (Class<? extends Plugin> pluginClass : pluginClasses) {
      PluginDescriptor descriptor =
          new PluginDescriptor(
              pluginClass.getName(),
              "class path plugin",
              "NA",
              Build.current().version(),
              Integer.toString(Runtime.version().feature()),
              pluginClass.getName(),
              null,
              List.of(),
              false,
              false,
              false,
              false);
      loaded.add(
          new LoadedPlugin(descriptor, loadPlugin(pluginClass, settings, configDir), classLoader));
    }
    loadExtensions(loaded);
    this.plugins = List.copyOf(loaded);
    this.info =
        new PluginsAndModules(
            plugins.stream().map(p -> new PluginRuntimeInfo(p.descriptor())).toList(), List.of());
  }

  @Override
  protected List<LoadedPlugin> plugins() {
    return plugins;
  }

  @Override
  public PluginsAndModules info() {
    return info;
  }

  /**
   * Looks providers up once in the shared class loader: the base class looks once per plugin, which
   * with one class loader would return a copy of each provider per plugin.
   */
  @Override
  public <T> List<? extends T> loadServiceProviders(Class<T> service) {
    Set<Class<? extends T>> providerClasses = new LinkedHashSet<>();
    SPIClassIterator.get(service, ClasspathPluginsService.class.getClassLoader())
        .forEachRemaining(providerClasses::add);
    List<T> providers = new ArrayList<>();
    for (Class<? extends T> providerClass : providerClasses) {
      providers.add(createExtension(providerClass, service, ownerOf(providerClass)));
    }
    return List.copyOf(providers);
  }

  /** The plugin a provider's one-argument constructor asks for, or any plugin if it takes none. */
  private Plugin ownerOf(Class<?> providerClass) {
    for (var constructor : providerClass.getConstructors()) {
      if (constructor.getParameterCount() == 1) {
        for (LoadedPlugin plugin : plugins) {
          if (constructor.getParameterTypes()[0] == plugin.instance().getClass()) {
            return plugin.instance();
          }
        }
      }
    }
    return plugins.getFirst().instance();
  }
}
