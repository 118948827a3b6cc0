package io.appbox.core.engine;

/**
 * A box's state and the spec its container was created with, read together: what a restore needs
 * before it sets the box aside.
 */
public record InspectedBox(ContainerState state, ContainerSpec spec) {}
