package dev.mysfits.core;

public enum OutputFormat {
    TEXT, JSON;
}
