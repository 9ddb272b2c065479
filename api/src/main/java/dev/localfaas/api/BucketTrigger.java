package dev.localfaas.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the function when an object is written to or removed from a bucket, with the S3 event JSON
 * ({@code Records[].s3.bucket / object}).
 *
 * <p><b>On AWS</b> this is an S3 event notification to Lambda (SAM: an {@code S3} event with {@code Events} and a
 * key filter). <b>Here</b> the bucket is the folder {@code .faas/buckets/NAME/} under the functions folder: copy a
 * file in (once it is written completely) or delete one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(BucketTriggers.class)
public @interface BucketTrigger {

    /** Bucket name (3 to 63 lower-case letters, digits, dots or hyphens). */
    String bucket();

    /** {@code s3:ObjectCreated:*}, {@code s3:ObjectCreated:Put}, {@code s3:ObjectRemoved:*}, {@code s3:ObjectRemoved:Delete}. */
    String[] events() default {"s3:ObjectCreated:*"};

    /** Only keys starting with this (a key filter rule {@code prefix}). */
    String prefix() default "";

    /** Only keys ending with this (a key filter rule {@code suffix}), e.g. {@code .csv}. */
    String suffix() default "";
}
