package dev.khabar.embedded.elasticsearch;

import static org.elasticsearch.rest.RestRequest.Method.GET;
import static org.elasticsearch.rest.RestRequest.Method.HEAD;

import java.util.List;
import java.util.function.Supplier;
import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.ClusterState;
import org.elasticsearch.cluster.metadata.Metadata;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

/** The body of {@code GET /}, field for field what a real node answers. */
final class RootInfoRestHandler extends BaseRestHandler {

  private final String nodeName;
  private final Supplier<ClusterService> clusterService;

  RootInfoRestHandler(String nodeName, Supplier<ClusterService> clusterService) {
    this.nodeName = nodeName;
    this.clusterService = clusterService;
  }

  @Override
  public String getName() {
    return "khabar_root_info";
  }

  @Override
  public List<Route> routes() {
    return List.of(new Route(GET, "/"), new Route(HEAD, "/"));
  }

  @Override
  public boolean canTripCircuitBreaker() {
    return false;
  }

  @Override
  protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
    ClusterState state = clusterService.get().state();
    Metadata metadata = state.metadata();
    String clusterUuid =
        metadata.clusterUUIDCommitted() ? metadata.clusterUUID() : Metadata.UNKNOWN_CLUSTER_UUID;
    Build build = Build.current();
    return channel -> {
      XContentBuilder body = channel.newBuilder();
      if (!request.hasParam("pretty")) {
        body.prettyPrint().lfAtEnd();
      }
      body.startObject()
          .field("name", nodeName)
          .field("cluster_name", state.getClusterName().value())
          .field("cluster_uuid", clusterUuid)
          .startObject("version")
          .field("number", build.qualifiedVersion())
          .field("build_flavor", "default")
          .field("build_type", build.type().displayName())
          .field("build_hash", build.hash())
          .field("build_date", build.date())
          .field("build_snapshot", build.isSnapshot())
          .field("lucene_version", IndexVersion.current().luceneVersion().toString())
          .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
          .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
          .endObject()
          .field("tagline", "You Know, for Search")
          .endObject();
      channel.sendResponse(new RestResponse(RestStatus.OK, body));
    };
  }
}
