package io.holdfast.mesh.internal.config;

/**
 * When outbound content is gzipped. AUTO compresses a sample and gzips only when the content is
 * big enough and compresses well enough to pay for the CPU (it never does on loopback).
 */
public enum GzipPolicy {
    AUTO, ALWAYS, NEVER
}
