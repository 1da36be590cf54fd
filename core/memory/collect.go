// Package memory bounds the memory an analysis keeps from the system: the
// soft limit the programs set, and the collection a host calls at the
// analysis's pauses when its collector cannot work beside it (wasm). It
// imports no stage, so both of the browser's analyzers use it.
package memory

import (
	"runtime"
	"runtime/metrics"
)

// heapSample reads the bytes of the heap's objects (live or not yet
// swept) and the live bytes the last collection found.
var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}

// CollectWhenGrown collects garbage outright when the heap has grown by
// 32 MB or more since the last collection and has doubled, as Go's
// collector itself would (GOGC=100), or passed collectAbove. It is for
// hosts whose collector cannot work beside the analysis: on wasm, a long
// analysis runs in one synchronous call and the collector's background
// work runs only when it yields, so the host sets the analysis's pause to yield
// and call this. The 32 MB keep a text whose live data alone nears the
// bound from being collected at every pause.
func CollectWhenGrown() {
	metrics.Read(heapSample)
	heap, live := heapSample[0].Value.Uint64(), heapSample[1].Value.Uint64()
	if heap > live+32<<20 && (heap > 2*live || heap > collectAbove) {
		runtime.GC()
	}
}

// Limit is the soft limit on the Go runtime's memory that the programs
// (the command-line tool and the browser's analyzers) set with
// debug.SetMemoryLimit: as the heap nears it the collector runs more
// often, so a long text's garbage does not double the memory a browser
// tab keeps for good. Analysis itself needs far less for any text within
// the input limit (core's BenchmarkPeakMemory).
const Limit = 360 << 20

// collectAbove is the heap size past which CollectWhenGrown collects
// whatever the live heap: far enough below Limit that what the
// analysis allocates until its next pause (some tens of MB at most, see
// BenchmarkPeakMemoryPaused) still fits under it.
const collectAbove = Limit - 200<<20
