package dev.localfaas.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceHeaderTest {

    @Test
    void readsTheHeaderAsApiGatewayAndSqsSendIt() {
        TraceHeader h = TraceHeader.parse("Root=1-5759E988-BD862E3FE1BE46A994272793;Parent=53995c3f42cd8ad8;Sampled=1")
                .orElseThrow();
        assertEquals("1-5759e988-bd862e3fe1be46a994272793", h.root());
        assertEquals("53995c3f42cd8ad8", h.parent());
        assertEquals("1", h.sampled());
        assertEquals("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", h.toString());
        TraceHeader bare = TraceHeader.parse("Self=1-67891234-12456789abcdef012345678;Root=1-5759e988-bd862e3fe1be46a994272793")
                .orElseThrow();
        assertNull(bare.parent());
        assertEquals("0", bare.sampled());
    }

    @Test
    void aMalformedOrMissingHeaderStartsANewTrace() {
        assertTrue(TraceHeader.parse("Root=nonsense").isEmpty());
        assertTrue(TraceHeader.parse("").isEmpty());
        assertTrue(TraceHeader.parse(null).isEmpty());
        TraceLink link = TraceLink.direct("garbage");
        assertTrue(link.header().root().matches("1-[0-9a-f]{8}-[0-9a-f]{24}"), link.header().root());
        long seconds = Long.parseLong(link.header().root().substring(2, 10), 16);
        assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000) < 5, "the root carries the time it started");
        assertNotEquals(TraceHeader.newRoot().root(), TraceHeader.newRoot().root());
        assertTrue(TraceHeader.newSegmentId().matches("[0-9a-f]{16}"));
    }

    @Test
    void aSpanPassesItsOwnSegmentOnAsTheParent() {
        TraceSpan span = TraceSpan.of(TraceLink.via("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8",
                "queue orders", 1234));
        assertEquals("53995c3f42cd8ad8", span.parent());
        assertEquals("queue orders", span.via());
        assertEquals(1234, span.sinceMillis());
        assertEquals("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=" + span.id() + ";Sampled=0", span.handlerHeader());
    }
}
