//go:build !unix

package importer

import "time"

// cpuTime is not measured on this system (the MB/cpu-s metric is then omitted).
func cpuTime() time.Duration { return 0 }
