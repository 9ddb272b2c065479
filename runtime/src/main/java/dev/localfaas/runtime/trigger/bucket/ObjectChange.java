package dev.localfaas.runtime.trigger.bucket;

/**
 * A change seen in a bucket folder: {@code ObjectCreated:Put} (with size and eTag) or {@code ObjectRemoved:Delete}.
 *
 * @param key the object key, the file's path below the bucket folder with {@code /} separators
 */
record ObjectChange(String bucket, String key, String eventName, long size, String eTag, String sequencer) {
}
