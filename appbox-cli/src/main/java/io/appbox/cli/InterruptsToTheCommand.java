package io.appbox.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Ctrl-C left to the command in a box, while it runs: the terminal sends SIGINT to the command and
 * to appbox, and the JVM would exit on it, leaving the command without the appbox that is to clean
 * up after it. The JDK's only way to set a handler is jdk.unsupported's sun.misc.Signal, reached
 * reflectively so that the build's warnings stay errors; release.sh bundles the module. Where it is
 * missing, Ctrl-C ends appbox as before.
 */
final class InterruptsToTheCommand implements AutoCloseable {
  private final Method handle;
  private final Object signal;
  private final Object previous;

  private InterruptsToTheCommand(Method handle, Object signal, Object previous) {
    this.handle = handle;
    this.signal = signal;
    this.previous = previous;
  }

  static InterruptsToTheCommand whileItRuns() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance("INT");
      Object nothing =
          Proxy.newProxyInstance(
              handlerClass.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "appbox: Ctrl-C is the command's";
                    default -> null;
                  });
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      return new InterruptsToTheCommand(handle, signal, handle.invoke(null, signal, nothing));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return new InterruptsToTheCommand(null, null, null);
    }
  }

  @Override
  public void close() {
    if (handle == null) {
      return;
    }
    try {
      handle.invoke(null, signal, previous);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // appbox is ending anyway
    }
  }
}
