package core

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
// work runs only when it yields, so the host sets Analyzer.Pause to yield
// and call this. The 32 MB keep a text whose live data alone nears the
// bound from being collected at every pause.
func CollectWhenGrown() {
	metrics.Read(heapSample)
	heap, live := heapSample[0].Value.Uint64(), heapSample[1].Value.Uint64()
	if heap > live+32<<20 && (heap > 2*live || heap > collectAbove) {
		runtime.GC()
	}
}

// collectAbove is the heap size past which CollectWhenGrown collects
// whatever the live heap: far enough below MemoryLimit that what the
// analysis allocates until its next pause (some tens of MB at most, see
// BenchmarkPeakMemoryPaused) still fits under it.
const collectAbove = MemoryLimit - 200<<20
