"""A Python handler as Lambda runs it: an HTTP API request (payload format 2.0) gets a greeting; an SQS batch has
each message body logged."""
import json
import os
import platform


def handler(event, context):
    if "Records" in event:
        for record in event["Records"]:
            print("greeting", record["body"])
        return {"batchItemFailures": []}
    name = (event.get("queryStringParameters") or {}).get("name", "world")
    print("greeting", name, "with", context.function_name, context.memory_limit_in_mb + "MB")
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({
            "message": os.environ["GREETING"] + ", " + name + " from Python " + platform.python_version(),
            "requestId": context.aws_request_id,
            "remainingMs": context.get_remaining_time_in_millis() > 0,
        }),
    }
