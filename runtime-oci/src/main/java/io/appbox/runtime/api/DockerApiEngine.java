package io.appbox.runtime.api;

import static io.appbox.core.json.JsonObjects.array;
import static io.appbox.core.json.JsonObjects.bool;
import static io.appbox.core.json.JsonObjects.number;
import static io.appbox.core.json.JsonObjects.object;
import static io.appbox.core.json.JsonObjects.string;
import static io.appbox.core.json.JsonObjects.stringMap;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Quote;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.box.Boxes;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.ImageInfo;
import io.appbox.core.engine.Mount;
import io.appbox.core.engine.NamedVolume;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.engine.PullListener;
import io.appbox.core.json.Json;
import io.appbox.core.json.JsonException;
import io.appbox.runtime.registry.LayerSizes;
import io.appbox.runtime.registry.PullFailure;
import io.appbox.runtime.registry.RegistryCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Podman and Docker through the Docker-compatible REST API (v1.41), which both serve on a unix
 * socket. Where the engines differ (Podman's {@code keep-id} user namespace) the difference is here
 * and nowhere else.
 */
public final class DockerApiEngine implements ContainerEngine {
  static final String API = "/v1.41";
  private static final String JSON = "application/json";

  private final UnixHttpClient http;
  private final EngineInfo info;
  private final RegistryCredentials credentials;
  private final LayerSizes layerSizes;

  public DockerApiEngine(UnixHttpClient http, EngineInfo info) {
    this(http, info, RegistryCredentials.NONE, null);
  }

  /**
   * @param credentials the user's registry logins, sent with a pull
   * @param layerSizes where a pull's layer sizes come from when the engine does not report its
   *     bytes (Podman 4), or null for none
   */
  public DockerApiEngine(
      UnixHttpClient http,
      EngineInfo info,
      RegistryCredentials credentials,
      LayerSizes layerSizes) {
    this.http = http;
    this.info = info;
    this.credentials = credentials;
    this.layerSizes = layerSizes;
  }

  @Override
  public EngineInfo info() {
    return info;
  }

  @Override
  public List<ContainerState> list() {
    String filters = Json.write(Map.of("label", List.of(BoxLabels.MANAGER_FILTER)));
    HttpResponse r =
        call("GET", API + "/containers/json?all=true&filters=" + encode(filters), null);
    expectOk(r, "list containers");
    List<ContainerState> boxes = new ArrayList<>();
    for (Object o : asList(json(r))) {
      Map<String, Object> c = asMap(o);
      List<Object> names = array(c, "Names");
      if (names.isEmpty()) {
        continue;
      }
      String name = String.valueOf(names.get(0)).replaceFirst("^/", "");
      String state = string(c, "State");
      BoxName boxName;
      try {
        boxName = BoxName.of(name);
      } catch (AppboxException notOurs) {
        continue; // a container someone else labelled; not a name appbox would create
      }
      boxes.add(
          new ContainerState(
              boxName,
              string(c, "Id"),
              string(c, "Image"),
              "running".equals(state),
              state == null ? "unknown" : state,
              0,
              stringMap(c, "Labels")));
    }
    return boxes;
  }

  @Override
  public Optional<ContainerState> inspect(BoxName name) {
    HttpResponse r = call("GET", API + "/containers/" + encode(name.value()) + "/json", null);
    if (r.status() == 404) {
      return Optional.empty();
    }
    expectOk(r, "inspect box " + name);
    Map<String, Object> c = jsonObject(r);
    // The engines also match id prefixes; only an exact name is this box.
    String actual = String.valueOf(c.get("Name")).replaceFirst("^/", "");
    if (!actual.equals(name.value())) {
      return Optional.empty();
    }
    Map<String, Object> state = object(c, "State");
    Map<String, Object> config = object(c, "Config");
    return Optional.of(
        new ContainerState(
            name,
            string(c, "Id"),
            string(config, "Image"),
            bool(state, "Running"),
            String.valueOf(state.getOrDefault("Status", "unknown")),
            number(state, "Pid", 0),
            stringMap(config, "Labels")));
  }

  @Override
  public void create(ContainerSpec spec) {
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("NetworkMode", "host");
    host.put("PidMode", "host");
    // The host's IPC namespace lets X11 clients share memory with the display server. Podman
    // also binds the host's /dev/mqueue for it, and refuses when the host has none.
    if (info.kind() == EngineKind.DOCKER
        || java.nio.file.Files.isDirectory(java.nio.file.Path.of("/dev/mqueue"))) {
      host.put("IpcMode", "host");
    }
    host.put("SecurityOpt", List.of("label=disable"));
    if (spec.removedWhenStopped()) {
      host.put("AutoRemove", true);
    }
    if (spec.sameUserAsHost() && info.kind() == EngineKind.PODMAN && info.rootless()) {
      host.put("UsernsMode", "keep-id");
    }
    // Binds rather than Mounts: both engines bind recursively there, which rootless Podman
    // needs to share "/" (a user namespace may not bind a tree without its submounts).
    List<String> binds = new ArrayList<>();
    MountPropagation propagation = MountPropagation.ofThisProcess();
    for (Mount m : spec.mounts()) {
      String options = m.readOnly() ? "ro" : "rw";
      if (propagation.isShared(m.source())) {
        options += ",rslave";
      }
      binds.add(m.source() + ":" + m.target() + ":" + options);
    }
    // A name where a bind has a host path: both engines mount that existing volume.
    for (NamedVolume v : spec.volumes()) {
      binds.add(v.name() + ":" + v.target() + ":" + (v.readOnly() ? "ro" : "rw"));
    }
    host.put("Binds", binds);
    List<Object> devices = new ArrayList<>();
    for (java.nio.file.Path d : spec.devices()) {
      devices.add(
          Map.of(
              "PathOnHost",
              d.toString(),
              "PathInContainer",
              d.toString(),
              "CgroupPermissions",
              "rwm"));
    }
    host.put("Devices", devices);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Image", spec.image().toString());
    body.put("Cmd", spec.command());
    body.put("Labels", spec.labels());
    body.put("Env", envList(spec.environment()));
    body.put("Tty", false);
    body.put("OpenStdin", false);
    body.put("HostConfig", host);

    HttpResponse r =
        callPatiently(
            "POST",
            API + "/containers/create?name=" + encode(spec.name().value()),
            Json.write(body).getBytes(StandardCharsets.UTF_8));
    if (r.status() == 409) {
      throw new AppboxException(
          ErrorCode.BOX_EXISTS,
          "A container named " + spec.name() + " already exists.",
          "Choose another name, or remove it first: appbox rm " + spec.name());
    }
    if (r.status() == 404) {
      throw new AppboxException(
          ErrorCode.IMAGE_NOT_FOUND,
          "Image " + spec.image() + " is not in the engine's storage.",
          "It went while the box was being made; make the box again, and appbox fetches it.");
    }
    expectOk(r, "create box " + spec.name());
  }

  @Override
  public void start(BoxName name) {
    HttpResponse r = call("POST", API + "/containers/" + encode(name.value()) + "/start", null);
    if (r.status() == 304) {
      return;
    }
    notFoundIs404(r, name);
    expectOk(r, "start box " + name);
  }

  @Override
  public void stop(BoxName name, int timeoutSeconds) {
    HttpResponse r =
        callPatiently(
            "POST",
            API + "/containers/" + encode(name.value()) + "/stop?t=" + timeoutSeconds,
            null);
    if (r.status() == 304) {
      return;
    }
    notFoundIs404(r, name);
    expectOk(r, "stop box " + name);
  }

  @Override
  public void remove(BoxName name, boolean force) {
    HttpResponse r =
        callPatiently(
            "DELETE", API + "/containers/" + encode(name.value()) + "?v=true&force=" + force, null);
    notFoundIs404(r, name);
    if (r.status() == 409) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Box " + name + " is running and was not removed.",
          "Stop it first, or use: appbox rm --force " + name);
    }
    expectOk(r, "remove box " + name);
  }

  @Override
  public void removeKeepingVolumes(BoxName name) {
    HttpResponse r =
        callPatiently(
            "DELETE", API + "/containers/" + encode(name.value()) + "?v=false&force=true", null);
    notFoundIs404(r, name);
    expectOk(r, "remove box " + name);
  }

  @Override
  public ExecResult exec(BoxName name, ExecRequest request, OutputListener listener) {
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("AttachStdin", false);
    create.put("AttachStdout", true);
    create.put("AttachStderr", true);
    create.put("Tty", false);
    create.put("Cmd", request.argv());
    create.put("Env", envList(request.environment()));
    create.put("User", request.user());
    if (request.workdir() != null) {
      create.put("WorkingDir", request.workdir());
    }
    HttpResponse created =
        call(
            "POST",
            API + "/containers/" + encode(name.value()) + "/exec",
            Json.write(create).getBytes(StandardCharsets.UTF_8));
    notFoundIs404(created, name);
    if (created.status() == 409) {
      throw new AppboxException(
          ErrorCode.ENGINE_FAILED,
          "Box " + name + " is not running.",
          "Start it: appbox start " + name);
    }
    expectOk(created, "run a command in box " + name);
    String execId = string(jsonObject(created), "Id");
    MultiplexedStream output = new MultiplexedStream(listener);
    byte[] start =
        Json.write(Map.of("Detach", false, "Tty", false)).getBytes(StandardCharsets.UTF_8);
    try (StreamedResponse r =
        http.stream("POST", API + "/exec/" + execId + "/start", JSON, start)) {
      if (r.status() >= 300) {
        throw engineError(
            "run a command in box " + name,
            r.status(),
            new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
      }
      output.readAll(r.body(), "POST " + API + "/exec/" + execId + "/start");
    } catch (IOException e) {
      throw unreachable(e);
    }
    return new ExecResult(exitCodeOf(execId), output.stdoutBytes(), output.stderr());
  }

  private int exitCodeOf(String execId) {
    // The stream ends when the process does; the engine may record the exit a moment later.
    for (int attempt = 0; attempt < 100; attempt++) {
      HttpResponse r = call("GET", API + "/exec/" + execId + "/json", null);
      expectOk(r, "read the exit code of a command");
      Map<String, Object> exec = jsonObject(r);
      if (!bool(exec, "Running")) {
        return (int) number(exec, "ExitCode", 1);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AppboxException(
        ErrorCode.ENGINE_FAILED,
        "The engine did not report how a command in the box ended.",
        "Try again; if it persists, check the engine: appbox doctor");
  }

  @Override
  public ContainerSpec specOf(BoxName name) {
    HttpResponse r = call("GET", API + "/containers/" + encode(name.value()) + "/json", null);
    notFoundIs404(r, name);
    expectOk(r, "inspect box " + name);
    Map<String, Object> c = jsonObject(r);
    Map<String, Object> config = object(c, "Config");
    Map<String, Object> host = object(c, "HostConfig");
    List<String> command = new ArrayList<>();
    for (Object o : array(config, "Cmd")) {
      command.add(String.valueOf(o));
    }
    List<Mount> mounts = new ArrayList<>();
    for (Object o : array(host, "Binds")) {
      String[] parts = String.valueOf(o).split(":");
      // A source that is not a path is a volume's name: read from Mounts below.
      if (parts.length >= 2 && parts[0].startsWith("/")) {
        boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
        mounts.add(
            new Mount(java.nio.file.Path.of(parts[0]), java.nio.file.Path.of(parts[1]), readOnly));
      }
    }
    List<java.nio.file.Path> devices = new ArrayList<>();
    for (Object o : array(host, "Devices")) {
      String device = string(asMap(o), "PathOnHost");
      if (device != null) {
        devices.add(java.nio.file.Path.of(device));
      }
    }
    List<NamedVolume> volumes = new ArrayList<>();
    for (Object o : array(c, "Mounts")) {
      Map<String, Object> m = asMap(o);
      if ("volume".equals(string(m, "Type"))
          && string(m, "Name") != null
          && string(m, "Destination") != null) {
        volumes.add(
            new NamedVolume(
                string(m, "Name"),
                java.nio.file.Path.of(string(m, "Destination")),
                !Boolean.TRUE.equals(m.get("RW"))));
      }
    }
    return new ContainerSpec(
        name,
        ImageRef.parse(string(config, "Image")),
        command,
        stringMap(config, "Labels"),
        mounts,
        devices,
        Map.of(),
        true,
        volumes);
  }

  @Override
  public void rename(BoxName from, BoxName to) {
    HttpResponse r =
        call(
            "POST",
            API + "/containers/" + encode(from.value()) + "/rename?name=" + encode(to.value()),
            null);
    notFoundIs404(r, from);
    expectOk(r, "rename box " + from + " to " + to);
  }

  @Override
  public void commit(BoxName name, ImageRef tag, Map<String, String> labels) {
    StringBuilder query = new StringBuilder();
    query.append("container=").append(encode(name.value()));
    query.append("&repo=").append(encode(repositoryOf(tag)));
    query.append("&tag=").append(encode(tag.tag() == null ? "latest" : tag.tag()));
    // Not paused: appbox holds the box's lock, and rootless cgroup v1 cannot pause at all.
    query.append("&pause=false");
    // Podman ignores labels in the body; both engines take them as LABEL changes.
    // Quoted, as a Dockerfile's LABEL value: a value with a space stays one label.
    labels.forEach(
        (k, v) ->
            query
                .append("&changes=")
                .append(
                    encode(
                        "LABEL "
                            + k
                            + "=\""
                            + v.replace("\\", "\\\\").replace("\"", "\\\"")
                            + "\"")));
    HttpResponse r =
        callPatiently("POST", API + "/commit?" + query, "{}".getBytes(StandardCharsets.UTF_8));
    notFoundIs404(r, name);
    expectOk(r, "snapshot box " + name);
  }

  @Override
  public List<ImageInfo> images(String key, String value) {
    String filters = Json.write(Map.of("label", List.of(key + "=" + value)));
    HttpResponse r = call("GET", API + "/images/json?filters=" + encode(filters), null);
    expectOk(r, "list images");
    List<ImageInfo> out = new ArrayList<>();
    for (Object o : asList(json(r))) {
      Map<String, Object> image = asMap(o);
      List<String> tags = new ArrayList<>();
      for (Object t : array(image, "RepoTags")) {
        tags.add(String.valueOf(t));
      }
      out.add(
          new ImageInfo(
              string(image, "Id"),
              tags,
              stringMap(image, "Labels"),
              java.time.Instant.ofEpochSecond(number(image, "Created", 0)),
              number(image, "Size", 0)));
    }
    return out;
  }

  @Override
  public void removeImage(String idOrRef) {
    if (!idOrRef.matches("[A-Za-z0-9][A-Za-z0-9:/._@-]*")) {
      throw AppboxException.invalid("Image " + Quote.of(idOrRef) + " is not valid.", "");
    }
    // The engines route image names with their slashes, unencoded.
    HttpResponse r = callPatiently("DELETE", API + "/images/" + idOrRef + "?force=false", null);
    if (r.status() == 404) {
      return;
    }
    expectOk(r, "remove image " + idOrRef);
  }

  private static String repositoryOf(ImageRef ref) {
    return (ref.registry() == null ? "" : ref.registry() + "/") + ref.repository();
  }

  @Override
  public boolean imageExists(ImageRef image) {
    HttpResponse r = call("GET", API + "/images/" + image + "/json", null);
    if (r.status() == 404) {
      return false;
    }
    expectOk(r, "inspect image " + image);
    return true;
  }

  @Override
  public void pull(ImageRef image, PullListener progress) {
    // The tag parameter takes a digest too, and both engines then pull exactly that manifest; an
    // empty tag would make Docker pull every tag of the repository.
    String from = (image.registry() == null ? "" : image.registry() + "/") + image.repository();
    String tag =
        image.digest() != null ? image.digest() : image.tag() == null ? "latest" : image.tag();
    ApiRequest request =
        ApiRequest.of(
                "POST", API + "/images/create?fromImage=" + encode(from) + "&tag=" + encode(tag))
            .patiently();
    if (image.registry() != null) {
      request = credentials.header(image.registry()).map(request::withRegistryAuth).orElse(request);
    }
    Map<String, Long> sizes =
        layerSizes != null && info.kind() == EngineKind.PODMAN ? layerSizes.of(image) : Map.of();
    try (StreamedResponse r = http.stream(request)) {
      String failure = readPullEvents(r, progress, sizes);
      if (r.status() >= 300 || failure != null) {
        String why = failure != null ? failure : "status " + r.status();
        if (failure == null && r.status() >= 300) {
          why = engineMessage(new String(r.body().readAllBytes(), StandardCharsets.UTF_8), why);
        }
        throw PullFailure.of(image, why);
      }
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  @Override
  public void importRootfs(InputStream tarball, ImageRef tag) {
    String imageId = null;
    ApiRequest load =
        ApiRequest.of("POST", API + "/images/create?fromSrc=-")
            .upload("application/x-tar", tarball)
            .patiently();
    try (StreamedResponse r = http.stream(load)) {
      String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
      if (r.status() >= 300) {
        throw engineError("import the image", r.status(), body);
      }
      for (String line : body.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        Map<String, Object> event;
        try {
          event = Json.parseObject(line);
        } catch (JsonException e) {
          throw EngineReplyException.malformed(
              load.describe(), "a progress line is not JSON: " + e.getMessage());
        }
        if (event.get("error") != null) {
          throw new AppboxException(
              ErrorCode.ENGINE_FAILED,
              "The engine refused the image: " + event.get("error"),
              "Check the engine's log and free disk space.");
        }
        String status = string(event, "status");
        if (status != null && status.startsWith("sha256:")) {
          imageId = status;
        }
      }
    } catch (IOException e) {
      throw unreachable(e);
    }
    if (imageId == null) {
      throw new AppboxException(
          ErrorCode.ENGINE_FAILED,
          "The engine did not say which image it imported.",
          "Check the engine's log.");
    }
    // Podman's import ignores the tag parameter, so tag explicitly on both engines.
    String repo = (tag.registry() == null ? "" : tag.registry() + "/") + tag.repository();
    HttpResponse r =
        call(
            "POST",
            API
                + "/images/"
                + imageId
                + "/tag?repo="
                + encode(repo)
                + "&tag="
                + encode(tag.tag() == null ? "latest" : tag.tag()),
            null);
    expectOk(r, "tag image " + tag);
  }

  private static final java.util.Set<String> PULLED =
      java.util.Set.of("Download complete", "Pull complete", "Already exists");

  /** Reads the pull's JSON Lines; returns the engine's error, or null when there was none. */
  private static String readPullEvents(
      StreamedResponse r, PullListener progress, Map<String, Long> sizes) throws IOException {
    String failure = null;
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> event;
      try {
        event = Json.parseObject(line);
      } catch (JsonException notJson) {
        continue; // an error reply's body, read by the caller from the status
      }
      if (event.get("error") != null) {
        failure = String.valueOf(event.get("error"));
      } else if (event.get("status") != null) {
        Map<String, Object> detail = object(event, "progressDetail");
        String id = string(event, "id") == null ? "" : string(event, "id");
        String status = String.valueOf(event.get("status"));
        long done = number(detail, "current", -1);
        long total = number(detail, "total", -1);
        if (total <= 0 && sizes.containsKey(id)) {
          // Podman 4 says only when a layer starts and ends: count it whole when it ends.
          total = sizes.get(id);
          done = PULLED.contains(status) ? total : 0;
        }
        progress.layer(id, status, done, total);
      }
    }
    return failure;
  }

  private static String engineMessage(String body, String otherwise) {
    try {
      String m = string(Json.parseObject(body), "message");
      return m == null ? otherwise : m;
    } catch (JsonException notJson) {
      return body.isBlank() ? otherwise : body.strip();
    }
  }

  /** An ordinary request, answered at once. */
  private HttpResponse call(String method, String path, byte[] body) {
    return call(request(method, path, body));
  }

  /** A request the engine may work on for long: its storage, a box's processes. */
  private HttpResponse callPatiently(String method, String path, byte[] body) {
    return call(request(method, path, body).patiently());
  }

  private static ApiRequest request(String method, String path, byte[] body) {
    ApiRequest r = ApiRequest.of(method, path);
    return body == null ? r : r.json(body);
  }

  private HttpResponse call(ApiRequest request) {
    try {
      return http.send(request);
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  /** The reply's JSON; a reply that is not JSON is the engine's failure, naming the request. */
  private Object json(HttpResponse r) {
    try {
      return Json.parse(r.text());
    } catch (JsonException e) {
      throw replyFailed(
          EngineReplyException.malformed(r.request(), "the body is not JSON: " + e.getMessage()));
    }
  }

  private Map<String, Object> jsonObject(HttpResponse r) {
    Object value = json(r);
    if (!(value instanceof Map<?, ?>)) {
      throw replyFailed(
          EngineReplyException.malformed(r.request(), "the body is not a JSON object"));
    }
    return asMap(value);
  }

  private AppboxException unreachable(IOException e) {
    if (e instanceof EngineReplyException reply) {
      return replyFailed(reply);
    }
    return new AppboxException(
        ErrorCode.ENGINE_UNREACHABLE,
        "Lost the connection to "
            + info.kind().id()
            + " at "
            + http.socket()
            + ": "
            + e.getMessage(),
        "Check that the engine is running: appbox doctor",
        e);
  }

  /** A reply that did not come in time or broke the protocol: the engine failed. */
  private AppboxException replyFailed(EngineReplyException e) {
    EngineTimeouts t = http.timeouts();
    return new AppboxException(
        ErrorCode.ENGINE_FAILED,
        "The " + info.kind().id() + " engine at " + http.socket() + " " + e.getMessage() + ".",
        e.stalled()
            ? "The engine may be hung; check it and its log. appbox waits "
                + t.reply().toSeconds()
                + " s for an ordinary answer and "
                + (t.longWait().isZero() ? "without limit" : t.longWait().toSeconds() + " s")
                + " during pulls, snapshots and commands in a box: engine-timeouts in"
                + " config.yaml changes that."
            : "Something that is not the engine may be listening there, or the engine is"
                + " broken; check its log.",
        e);
  }

  private static void notFoundIs404(HttpResponse r, BoxName name) {
    if (r.status() == 404) {
      throw Boxes.notFound(name);
    }
  }

  private void expectOk(HttpResponse r, String what) {
    if (!r.ok()) {
      throw engineError(what, r.status(), r.text());
    }
  }

  private AppboxException engineError(String what, int status, String body) {
    String message = body;
    try {
      String m = string(Json.parseObject(body), "message");
      if (m != null) {
        message = m;
      }
    } catch (JsonException notJson) {
      // keep the raw body
    }
    return new AppboxException(
        ErrorCode.ENGINE_FAILED,
        "The "
            + info.kind().id()
            + " engine could not "
            + what
            + " (HTTP "
            + status
            + "): "
            + Quote.of(message.strip(), 1000),
        "Check the engine's log; run with --verbose for details.");
  }

  private static List<String> envList(Map<String, String> env) {
    List<String> out = new ArrayList<>(env.size());
    env.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return o instanceof List ? (List<Object>) o : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }
}
