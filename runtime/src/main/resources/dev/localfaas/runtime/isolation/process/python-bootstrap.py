"""localfaas's bootstrap for Python functions: the Lambda Runtime API loop for `module.function` handlers
(def handler(event, context)), with the context object Lambda passes. Started with AWS_LAMBDA_RUNTIME_API, _HANDLER
and LAMBDA_TASK_ROOT set; what the handler prints goes to stdout as on Lambda."""
import http.client
import importlib
import json
import os
import sys
import time
import traceback

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
ROOT = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
HANDLER = os.environ.get("_HANDLER", "index.handler")
HOST, PORT = API.split(":")
CONNECTION = http.client.HTTPConnection(HOST, int(PORT))


def request(method, path, body=None, headers=None):
    all_headers = {"Content-Type": "application/json"}
    all_headers.update(headers or {})
    CONNECTION.request(method, "/2018-06-01/runtime/" + path, body=body, headers=all_headers)
    response = CONNECTION.getresponse()
    return response.status, response.headers, response.read()


def error_document(exc, error_type=None):
    return {
        "errorMessage": str(exc),
        "errorType": error_type or type(exc).__name__,
        "requestId": "",
        "stackTrace": traceback.format_tb(exc.__traceback__),
    }


class Context:
    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))
        cognito = headers.get("Lambda-Runtime-Cognito-Identity")
        client = headers.get("Lambda-Runtime-Client-Context")
        self.identity = json.loads(cognito) if cognito else None
        self.client_context = json.loads(client) if client else None

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def load_handler():
    module_name, _, function_name = HANDLER.rpartition(".")
    if not module_name:
        raise LambdaError("Runtime.MalformedHandlerName", "Bad handler '" + HANDLER + "': not enough values to unpack")
    sys.path.insert(0, ROOT)
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as e:
        raise LambdaError("Runtime.ImportModuleError", "Unable to import module '" + module_name + "': " + str(e))
    except SyntaxError as e:
        raise LambdaError("Runtime.UserCodeSyntaxError", "Syntax error in module '" + module_name + "': " + str(e))
    function = getattr(module, function_name, None)
    if function is None:
        raise LambdaError("Runtime.HandlerNotFound", "Handler '" + function_name + "' missing on module '"
                          + module_name + "'")
    return function


class LambdaError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


def main():
    try:
        handler = load_handler()
    except Exception as e:
        doc = error_document(e, getattr(e, "error_type", None))
        print("[ERROR] " + doc["errorType"] + ": " + doc["errorMessage"], flush=True)
        request("POST", "init/error", json.dumps(doc), {"Lambda-Runtime-Function-Error-Type": doc["errorType"]})
        sys.exit(1)
    while True:
        status, headers, body = request("GET", "invocation/next")
        if status != 200:
            sys.exit(1)
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        trace = headers.get("Lambda-Runtime-Trace-Id")
        if trace:
            os.environ["_X_AMZN_TRACE_ID"] = trace
        try:
            event = json.loads(body) if body else {}
            result = handler(event, Context(headers))
            payload = json.dumps(result)
        except Exception as e:
            doc = error_document(e)
            doc["requestId"] = request_id
            print("[ERROR] " + doc["errorType"] + ": " + doc["errorMessage"] + "\nTraceback (most recent call last):\n"
                  + "".join(doc["stackTrace"]).rstrip("\n"), flush=True)
            request("POST", "invocation/" + request_id + "/error", json.dumps(doc),
                    {"Lambda-Runtime-Function-Error-Type": "Unhandled"})
            continue
        request("POST", "invocation/" + request_id + "/response", payload)


if __name__ == "__main__":
    main()
