import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;

/** docker-java with its zerodep transport: the containers listed over the engine's socket, as appbox's list does. */
public final class LibraryProbe {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("probe.socket");
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
    ZerodepDockerHttpClient http =
        new ZerodepDockerHttpClient.Builder().dockerHost(URI.create(host)).build();
    try (DockerClient docker = DockerClientImpl.getInstance(config, http)) {
      docker.listContainersCmd().withShowAll(true).exec();
    }
    io.appbox.cli.Main.main(args);
  }
}
