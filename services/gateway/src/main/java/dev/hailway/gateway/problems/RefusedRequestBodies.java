package dev.hailway.gateway.problems;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Reactor Netty answers a request it cannot even decode (a broken request line, a malformed or oversized header)
 * itself, with an empty 400, 414 or 431, before any of the gateway's code runs. This gives those answers the same
 * problem+json body as every other refusal. Nothing is known about the request then: no path, no request id, and
 * nothing of it is echoed.
 */
@Component
class RefusedRequestBodies implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // After the codec, so that the response is seen as a response and not yet as bytes.
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "hailwayRefusedRequestBodies", Handler.INSTANCE);
            }
        });
    }

    /** With the status as sent (414 and 431 have no problem type of their own: they are malformed requests). */
    static byte[] body(HttpResponseStatus status) {
        return ("{\"type\":\"" + ProblemType.forStatus(status.code()).type() + "\",\"title\":\"" + status.reasonPhrase()
                + "\",\"status\":" + status.code()
                + ",\"detail\":\"The request line or its headers could not be understood.\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @ChannelHandler.Sharable
    static final class Handler extends ChannelOutboundHandlerAdapter {

        static final Handler INSTANCE = new Handler();

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && isBareRefusal(response)) {
                byte[] body = body(response.status());
                FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                context.write(withBody, promise);
                return;
            }
            context.write(message, promise);
        }

        // Only what Reactor Netty writes on a decoding failure: the gateway's own answers always have a content type.
        private static boolean isBareRefusal(FullHttpResponse response) {
            int status = response.status().code();
            return (status == 400 || status == 414 || status == 431) && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }
    }
}
