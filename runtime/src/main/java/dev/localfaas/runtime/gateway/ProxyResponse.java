package dev.localfaas.runtime.gateway;

import java.util.List;

/** The HTTP response API Gateway would send for a function's proxy response. */
record ProxyResponse(int status, List<Header> headers, byte[] body) {

    ProxyResponse {
        headers = List.copyOf(headers);
    }
}
