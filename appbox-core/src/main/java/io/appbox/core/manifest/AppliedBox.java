package io.appbox.core.manifest;

import io.appbox.core.BoxName;
import io.appbox.core.box.Volume;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What earlier applies did to one box: the record that lets {@code --prune} remove only what apply
 * itself made, and {@code export-manifest} write what only apply knows.
 *
 * @param box the box
 * @param packages packages apply installed because the box lacked them (bare names)
 * @param created whether apply created the box; else it adopted a box that was there
 * @param volumes the volumes apply created the box with
 * @param init the init commands apply ran when it created the box
 */
public record AppliedBox(
    BoxName box,
    SortedSet<String> packages,
    boolean created,
    List<Volume> volumes,
    List<List<String>> init) {
  public AppliedBox {
    packages = new TreeSet<>(packages);
    volumes = List.copyOf(volumes);
    init = init.stream().map(List::copyOf).toList();
  }

  /** A box that was there before apply listed it. */
  public static AppliedBox adopted(BoxName box) {
    return new AppliedBox(box, new TreeSet<>(), false, List.of(), List.of());
  }

  /** A box apply created from this spec; it has no packages of apply's yet. */
  public static AppliedBox created(BoxSpec spec) {
    return new AppliedBox(spec.name(), new TreeSet<>(), true, spec.volumes(), spec.init());
  }

  @Override
  public SortedSet<String> packages() {
    return new TreeSet<>(packages);
  }

  public AppliedBox withPackages(Collection<String> more) {
    SortedSet<String> all = packages();
    all.addAll(more);
    return new AppliedBox(box, all, created, volumes, init);
  }

  public AppliedBox withoutPackages(Set<String> gone) {
    SortedSet<String> left = packages();
    left.removeAll(gone);
    return new AppliedBox(box, left, created, volumes, init);
  }
}
