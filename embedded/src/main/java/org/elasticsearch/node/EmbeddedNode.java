package org.elasticsearch.node;

import java.util.Collection;
import java.util.List;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * An Elasticsearch node whose plugins are classes on the class path, for {@code
 * dev.khabar.embedded.EmbeddedElasticsearch}.
 *
 * <p>It lives in {@code org.elasticsearch.node} because {@code NodeConstruction}, the {@code
 * Node(NodeConstruction)} constructor and {@code NodeServiceProvider} are package-private there.
 * Keep it this small: these internals change between Elasticsearch versions.
 */
public final class EmbeddedNode extends Node {

  public EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
    super(
        NodeConstruction.prepareConstruction(
            environment, null, new ClasspathServiceProvider(List.copyOf(plugins)), true));
  }

  private static final class ClasspathServiceProvider extends NodeServiceProvider {

    private final List<Class<? extends Plugin>> plugins;

    ClasspathServiceProvider(List<Class<? extends Plugin>> plugins) {
      this.plugins = plugins;
    }

    @Override
    PluginsService newPluginService(Environment environment, PluginsLoader ignored) {
      return new ClasspathPluginsService(environment.settings(), environment.configDir(), plugins);
    }
  }
}
