//go:build !unix

package letterpdf

import "time"

// cpuTime is unknown here: the per-CPU-second metrics read 0.
func cpuTime() time.Duration { return 0 }
